namespace Orleans.RealTime.Storage;

/// <summary>Tiered storage settings, bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section: <c>Storage</c>.</summary>
    public const string SectionName = "Storage";

    /// <summary>Where the Embedded profile keeps its files: <c>hot.duckdb</c>, <c>warm.duckdb</c> and <c>cold/</c>.</summary>
    public string DataPath { get; set; } = "./data";

    /// <summary>
    /// Most threads DuckDB runs one statement on, per file (hot, warm); by default one fewer than the cores (at least
    /// one), so a storage write never takes every core from the event pipeline.
    /// </summary>
    public int DuckDbThreads { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>The hot tier: 7 days, 100 ms.</summary>
    public TierOptions Hot { get; set; } = new() { Retention = TimeSpan.FromDays(7), ExpectedLatency = TimeSpan.FromMilliseconds(100) };

    /// <summary>The warm tier: 90 days, 1 s.</summary>
    public TierOptions Warm { get; set; } = new() { Retention = TimeSpan.FromDays(90), ExpectedLatency = TimeSpan.FromSeconds(1) };

    /// <summary>The cold tier: 7 years (2,557 days), best effort (30 s expected).</summary>
    public TierOptions Cold { get; set; } = new() { Retention = TimeSpan.FromDays(2557), ExpectedLatency = TimeSpan.FromSeconds(30) };

    /// <summary>How often the tier maintenance reminder fires (Orleans reminders need at least one minute).</summary>
    public TimeSpan MaintenancePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The options of <paramref name="tier"/>.</summary>
    public TierOptions Tier(StorageTier tier) => tier switch
    {
        StorageTier.Hot => Hot,
        StorageTier.Warm => Warm,
        StorageTier.Cold => Cold,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };
}
