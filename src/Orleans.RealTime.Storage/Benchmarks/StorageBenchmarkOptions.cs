namespace Orleans.RealTime.Storage;

/// <summary>Sizes of the storage benchmark.</summary>
public sealed class StorageBenchmarkOptions
{
    /// <summary>Scratch directory (deleted and recreated); defaults to a temporary directory.</summary>
    public string? DataPath { get; set; }

    /// <summary>Rows written in the insert benchmark.</summary>
    public long InsertRows { get; set; } = 1_000_000;

    /// <summary>Rounds of the insert benchmark (bare appender, then the hot tier, each round).</summary>
    public int InsertRounds { get; set; } = 3;

    /// <summary>Rows per write batch (the sink's batch size).</summary>
    public int BatchSize { get; set; } = 10_000;

    /// <summary>Events in the hot tier for the query benchmark (the issue asks for 10 million), spread over 7 days.</summary>
    public long HotEvents { get; set; } = 10_000_000;

    /// <summary>Events in the warm tier, spread over 90 days.</summary>
    public long WarmEvents { get; set; } = 10_000_000;

    /// <summary>Days of cold Parquet files (one year).</summary>
    public int ColdDays { get; set; } = 365;

    /// <summary>Events per cold day.</summary>
    public int ColdEventsPerDay { get; set; } = 10_000;

    /// <summary>Runs of each query (p50 and p99 over them).</summary>
    public int QueryRuns { get; set; } = 30;
}
