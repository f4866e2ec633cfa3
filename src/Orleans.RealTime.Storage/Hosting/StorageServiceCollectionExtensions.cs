using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Storage;

/// <summary>Registers tiered storage in a service collection.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Embedded profile's tiered storage: <see cref="StorageOptions"/> bound from the <c>Storage</c> section
    /// and <see cref="StorageSinkOptions"/> from <c>Storage:Sink</c>, both validated at start, the DuckDB hot and warm tiers and the Parquet cold tier under
    /// <see cref="StorageOptions.DataPath"/> (<see cref="StorageTiers"/>), the <see cref="IAnalyticsQueryRouter"/>, and
    /// the <see cref="TierMover"/> that tier maintenance runs.
    /// </summary>
    public static IServiceCollection AddRealTimeStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Opening does no asynchronous I/O: DuckDB opens its file synchronously and the manifest is a small file.
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return StorageTiers.OpenEmbeddedAsync(options.DataPath, options.DuckDbThreads).GetAwaiter().GetResult();
        });
        services.TryAddSingleton<IAnalyticsQueryRouter, AnalyticsQueryRouter>();
        services.AddMetrics();
        services.TryAddSingleton<StorageInstruments>();
        services.TryAddSingleton<TierMover>();
        return services;
    }

    /// <summary>
    /// Runs the storage sink (<see cref="StorageSinkService"/>): the events topic, in its own consumer group, into the
    /// hot tier. Needs <see cref="AddRealTimeStorage"/> and <c>Storage:Sink:BootstrapServers</c> (validated at start).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddStorageSink(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StorageSinkOptions>().BindConfiguration(StorageOptions.SectionName + ":Sink").ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageSinkOptions>, StorageSinkOptionsValidator>());
        services.AddHostedService<StorageSinkService>();
        return services;
    }
}
