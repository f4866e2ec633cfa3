namespace Orleans.RealTime.Sessions;

/// <summary>Names of the events stream sessions subscribe to.</summary>
public static class SessionStreams
{
    /// <summary>The stream namespace, which is also the Kafka topic: <c>user-interactions</c>. Stream key = user_id.</summary>
    public const string Namespace = "user-interactions";

    /// <summary>The grain storage provider name session state is written to: <c>sessions</c>.</summary>
    public const string StorageName = "sessions";
}
