namespace Orleans.RealTime.Storage;

/// <summary>Where and how a <see cref="ClickHouseTierStore"/> keeps its tables.</summary>
public sealed class ClickHouseStoreOptions
{
    /// <summary>The ClickHouse.Driver connection string, e.g. <c>Host=localhost;Port=8123;Username=default</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The database holding the tables.</summary>
    public string Database { get; set; } = "default";

    /// <summary>Prefix of the table names, so hot and warm can be two table sets on one server (e.g. <c>hot_</c>, <c>warm_</c>).</summary>
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>Rows per binary insert request.</summary>
    public int BatchSize { get; set; } = 10_000;
}
