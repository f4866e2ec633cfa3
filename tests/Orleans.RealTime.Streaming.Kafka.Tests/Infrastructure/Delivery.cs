namespace Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

/// <summary>One event as a test grain received it.</summary>
public sealed record Delivery(string Topic, string Key, string EventId, long TokenOffset, int? Partition, long? Offset, IReadOnlyDictionary<string, byte[]> Headers, string SiloName);
