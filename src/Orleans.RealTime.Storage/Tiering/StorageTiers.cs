namespace Orleans.RealTime.Storage;

/// <summary>The store of each tier.</summary>
/// <param name="Hot">The hot tier.</param>
/// <param name="Warm">The warm tier.</param>
/// <param name="Cold">The cold tier.</param>
public sealed record StorageTiers(ITierStore Hot, ITierStore Warm, ITierStore Cold)
{
    /// <summary>The store of <paramref name="tier"/>.</summary>
    public ITierStore Get(StorageTier tier) => tier switch
    {
        StorageTier.Hot => Hot,
        StorageTier.Warm => Warm,
        StorageTier.Cold => Cold,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    /// <summary>Opens the Embedded profile's tiers under <paramref name="dataPath"/>: DuckDB hot and warm files, Parquet cold folder.</summary>
    public static Task<StorageTiers> OpenEmbeddedAsync(string dataPath, CancellationToken cancellationToken = default) =>
        OpenEmbeddedAsync(dataPath, duckDbThreads: 0, cancellationToken);

    /// <summary>
    /// Opens the Embedded profile's tiers under <paramref name="dataPath"/>, each DuckDB file running a statement on at
    /// most <paramref name="duckDbThreads"/> threads (0: one per core).
    /// </summary>
    public static async Task<StorageTiers> OpenEmbeddedAsync(string dataPath, int duckDbThreads, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        return new StorageTiers(
            await DuckDbTierStore.OpenAsync(Path.Combine(dataPath, "hot.duckdb"), DuckDbTierStore.DefaultRollupCompactionRows, duckDbThreads, cancellationToken),
            await DuckDbTierStore.OpenAsync(Path.Combine(dataPath, "warm.duckdb"), DuckDbTierStore.DefaultRollupCompactionRows, duckDbThreads, cancellationToken),
            await ParquetTierStore.OpenAsync(Path.Combine(dataPath, "cold"), cancellationToken));
    }
}
