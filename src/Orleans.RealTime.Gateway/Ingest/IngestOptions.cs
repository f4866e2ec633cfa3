using Orleans.RealTime.Sessions;

namespace Orleans.RealTime.Gateway.Ingest;

/// <summary>Settings of <c>realtime.v1.IngestService</c>, bound from section <see cref="SectionName"/>.</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Ingest";

    /// <summary>Kafka bootstrap servers; the host fills in the bootstrap sessions read from when empty.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>The events topic; <see cref="SessionStreams.Namespace"/> by default.</summary>
    public string Topic { get; set; } = SessionStreams.Namespace;

    /// <summary>
    /// How long an event may wait for the broker's acknowledgement (librdkafka <c>message.timeout.ms</c>) before the
    /// call answers <c>UNAVAILABLE</c>; 10 seconds by default.
    /// </summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest request message the service accepts, in bytes (1 MiB by default); larger ones get <c>RESOURCE_EXHAUSTED</c>.</summary>
    public int MaxReceiveMessageSize { get; set; } = 1024 * 1024;

    /// <summary>Most events one <c>PublishStream</c> call may carry (100,000 by default); the call fails beyond it.</summary>
    public int MaxEventsPerStream { get; set; } = 100_000;

    /// <summary>Most deliveries one <c>PublishStream</c> call keeps in flight before it waits for the oldest (10,000 by default).</summary>
    public int MaxInFlightPerStream { get; set; } = 10_000;

    /// <summary>Most validation problems a <c>PublishStream</c> summary lists (20 by default).</summary>
    public int MaxReportedErrors { get; set; } = 20;

    /// <summary>librdkafka <c>linger.ms</c>: how long the producer waits to fill a batch (5 by default).</summary>
    public int LingerMs { get; set; } = 5;

    /// <summary>Further librdkafka producer settings, e.g. <c>batch.num.messages</c>; idempotence and <c>acks</c> cannot be changed.</summary>
    public Dictionary<string, string> ProducerSettings { get; set; } = [];
}
