namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Headers the provider adds to records it writes to <c>&lt;topic&gt;.dlq</c>.</summary>
public static class KafkaDeadLetterHeaders
{
    /// <summary>Why the record was dead-lettered (the decoder's exception message, or a delivery failure).</summary>
    public const string Error = "dlq.error";

    /// <summary>The topic the record came from.</summary>
    public const string Topic = "dlq.origin.topic";

    /// <summary>The partition the record came from (decimal text).</summary>
    public const string Partition = "dlq.origin.partition";

    /// <summary>The offset of the record in its origin partition (decimal text).</summary>
    public const string Offset = "dlq.origin.offset";
}
