namespace Orleans.RealTime.Host.Configuration;

/// <summary>Configuration keys the host reads directly, outside a bound options class.</summary>
public static class ConfigurationKeys
{
    /// <summary>Kafka bootstrap servers of the stream provider and the storage sink; required in the Cluster profile.</summary>
    public const string KafkaBootstrapServers = "Kafka:BootstrapServers";

    /// <summary>Whether the storage sink copies the events topic into the hot tier (default <c>true</c>).</summary>
    public const string StorageSinkEnabled = "Storage:Sink:Enabled";

    /// <summary>The section the ClickHouse hot and warm tiers bind from in the Cluster profile.</summary>
    public const string ClickHouseSection = "Storage:ClickHouse";

    /// <summary>The ClickHouse.Driver connection string; when set in the Cluster profile, hot and warm tiers live on ClickHouse.</summary>
    public const string ClickHouseConnectionString = ClickHouseSection + ":ConnectionString";
}
