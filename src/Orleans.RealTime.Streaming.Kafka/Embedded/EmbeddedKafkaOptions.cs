namespace Orleans.RealTime.Streaming.Kafka.Embedded;

/// <summary>Settings of the embedded development broker (librdkafka's mock cluster).</summary>
public sealed class EmbeddedKafkaOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Kafka:Embedded";

    /// <summary>Topics to create at start.</summary>
    public IList<string> Topics { get; set; } = [];

    /// <summary>Partitions of every created topic; 8 by default.</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>Number of mock brokers; 1 by default.</summary>
    public int Brokers { get; set; } = 1;

    /// <summary>Throws naming the first bad setting.</summary>
    public void Validate()
    {
        if (Partitions < 1)
        {
            throw new ArgumentException($"{SectionName}:{nameof(Partitions)} must be at least 1 (was {Partitions}).");
        }

        if (Brokers < 1)
        {
            throw new ArgumentException($"{SectionName}:{nameof(Brokers)} must be at least 1 (was {Brokers}).");
        }

        if (Topics.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"{SectionName}:{nameof(Topics)} must not contain empty topic names.");
        }
    }
}
