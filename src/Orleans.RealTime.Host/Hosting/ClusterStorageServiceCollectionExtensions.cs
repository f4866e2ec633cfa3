using Microsoft.Extensions.Options;
using Orleans.RealTime.Host.Configuration;
using Orleans.RealTime.Storage;

namespace Orleans.RealTime.Host.Hosting;

/// <summary>The Cluster profile's tiers: hot and warm on ClickHouse when configured, else each silo's own DuckDB files.</summary>
internal static class ClusterStorageServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Storage:ClickHouse:ConnectionString</c> set, registers <see cref="StorageTiers"/> with hot and warm on
    /// ClickHouse (<see cref="ClickHouseStoreOptions"/> bound from <c>Storage:ClickHouse</c>; tables prefixed with
    /// <c>TablePrefix</c> + <c>hot_</c> / <c>warm_</c>) and the cold Parquet tier under <c>Storage:DataPath</c>.
    /// Without it, the Embedded tiers stay (call before <c>AddRealTimeStorage</c>) and a start-up warning says they are
    /// per silo and for development only.
    /// </summary>
    public static IServiceCollection AddClusterTiers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClickHouseStoreOptions>().BindConfiguration(ConfigurationKeys.ClickHouseSection);
        if (string.IsNullOrWhiteSpace(configuration[ConfigurationKeys.ClickHouseConnectionString]))
        {
            services.AddHostedService<PerSiloStorageWarning>();
            return services;
        }

        services.AddSingleton(sp =>
        {
            var clickHouse = sp.GetRequiredService<IOptions<ClickHouseStoreOptions>>().Value;
            var dataPath = sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataPath;
            return OpenAsync(clickHouse, dataPath).GetAwaiter().GetResult();
        });
        return services;
    }

    private static async Task<StorageTiers> OpenAsync(ClickHouseStoreOptions options, string dataPath) => new(
        await ClickHouseTierStore.OpenAsync(WithPrefix(options, "hot_")),
        await ClickHouseTierStore.OpenAsync(WithPrefix(options, "warm_")),
        await ParquetTierStore.OpenAsync(Path.Combine(dataPath, "cold")));

    private static ClickHouseStoreOptions WithPrefix(ClickHouseStoreOptions options, string tier) => new()
    {
        ConnectionString = options.ConnectionString,
        Database = options.Database,
        TablePrefix = options.TablePrefix + tier,
        BatchSize = options.BatchSize,
    };
}
