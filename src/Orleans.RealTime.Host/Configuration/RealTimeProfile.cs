namespace Orleans.RealTime.Host.Configuration;

/// <summary>How the host is deployed.</summary>
public enum RealTimeProfile
{
    /// <summary>One process, localhost clustering, no outside servers (the default).</summary>
    Embedded,

    /// <summary>Several silos sharing Redis, Kafka and ClickHouse.</summary>
    Cluster,
}
