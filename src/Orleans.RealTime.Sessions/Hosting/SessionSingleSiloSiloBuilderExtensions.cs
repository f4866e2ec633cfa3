using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.RealTime.Sessions.Expiry;
using Orleans.RealTime.Sessions.Storage;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace Orleans.RealTime.Sessions.Hosting;

/// <summary>Session persistence for a single silo (the Embedded profile): state and expiry in this process's memory.</summary>
public static class SessionSingleSiloSiloBuilderExtensions
{
    /// <summary>
    /// Stores session state in this silo's memory as grain storage <see cref="SessionStreams.StorageName"/>, serialized
    /// (<see cref="CompactGrainStorage"/>: no grain call and no live object copy per write), and closes idle sessions
    /// from one in-process deadline table instead of an Orleans reminder per session. Both are lost with the process
    /// and are for one silo only: another silo would see neither.
    /// </summary>
    public static ISiloBuilder AddSingleSiloSessionPersistence(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddGrainStorage(SessionStreams.StorageName, (sp, _) => new CompactGrainStorage(sp.GetRequiredService<Serializer>()));
        services.TryAddSingleton<LocalSessionExpiry>();
        services.RemoveAll<ISessionExpiry>();
        services.AddSingleton<ISessionExpiry>(sp => sp.GetRequiredService<LocalSessionExpiry>());
        services.AddHostedService(sp => sp.GetRequiredService<LocalSessionExpiry>());
        return builder;
    }
}
