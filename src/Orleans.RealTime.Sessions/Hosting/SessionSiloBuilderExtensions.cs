using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.RealTime.Recommendations;
using Orleans.RealTime.Recommendations.Hosting;
using Orleans.RealTime.Sessions.Expiry;
using Orleans.RealTime.Sessions.State;
using Orleans.RealTime.Sessions.Summaries;

namespace Orleans.RealTime.Sessions.Hosting;

/// <summary>Adds user sessions to a silo.</summary>
public static class SessionSiloBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="IUserSessionGrain"/> with <see cref="SessionOptions"/> bound from the <c>Sessions</c>
    /// section (validated at start), the recommendation model, the default summary sink
    /// (<see cref="RecentSessionSummaries"/>, replace it by registering another <see cref="ISessionSummarySink"/> first),
    /// and the idle deactivation age. The silo must also have a grain storage named
    /// <see cref="SessionStreams.StorageName"/>, a reminder service and a stream provider delivering
    /// <see cref="SessionStreams.Namespace"/>.
    /// </summary>
    public static ISiloBuilder AddUserSessions(this ISiloBuilder builder, Action<SessionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionOptions>, SessionOptionsValidator>());
        services.AddRealTimeRecommendations();
        services.TryAddKeyedSingleton(RealTimeClock.Key, TimeProvider.System);
        services.TryAddSingleton<SessionInstruments>();
        services.TryAddSingleton(sp => new SessionEventApplier(
            sp.GetRequiredService<IOptions<SessionOptions>>().Value,
            sp.GetRequiredService<IOptions<RecommendationOptions>>().Value.CoOccurrenceWindow));
        services.TryAddSingleton<ISessionExpiry, ReminderSessionExpiry>();
        services.TryAddSingleton<RecentSessionSummaries>();
        services.TryAddSingleton<ISessionSummarySink>(sp => sp.GetRequiredService<RecentSessionSummaries>());
        services.AddOptions<GrainCollectionOptions>().Configure<IOptions<SessionOptions>>((collection, sessions) =>
            collection.ClassSpecificCollectionAge[typeof(UserSessionGrain).FullName!] = sessions.Value.DeactivateAfterIdle);
        return builder;
    }
}
