namespace Orleans.RealTime.Streaming.Kafka.Serialization;

/// <summary>The Orleans wire form of a protobuf <c>UserInteraction</c>: its protobuf bytes.</summary>
[GenerateSerializer, Immutable, Alias("orleans-realtime.user-interaction")]
public readonly record struct UserInteractionSurrogate([property: Id(0)] byte[] Bytes);
