namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>A generated event as the Kafka record it becomes.</summary>
/// <param name="UserId">The record key.</param>
/// <param name="Value">The serialized <c>UserInteraction</c>.</param>
/// <param name="SendTwice">Whether to send it a second time (a producer retry duplicate).</param>
internal readonly record struct SerializedEvent(string UserId, byte[] Value, bool SendTwice);
