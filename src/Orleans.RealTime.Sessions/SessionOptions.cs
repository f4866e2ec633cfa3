namespace Orleans.RealTime.Sessions;

/// <summary>Settings of user sessions, bound from the <c>Sessions</c> section.</summary>
public sealed class SessionOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Sessions";

    /// <summary>How the session applies redelivered and repeated events; <see cref="DeliverySemantics.ExactlyOnce"/> by default.</summary>
    public DeliverySemantics DeliverySemantics { get; set; } = DeliverySemantics.ExactlyOnce;

    /// <summary>Processing time without events or reads after which a session closes; 30 minutes by default.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an idle session grain stays in memory; 5 minutes by default (its state is persisted).</summary>
    public TimeSpan DeactivateAfterIdle { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Period of the durable reminder that closes expired sessions; 1 minute by default.</summary>
    public TimeSpan ExpiryCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often <see cref="DeliverySemantics.AtMostOnce"/> persists changed state; 5 seconds by default.</summary>
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most recently viewed products kept; 20 by default.</summary>
    public int RecentProductLimit { get; set; } = 20;

    /// <summary>How many recent event ids are remembered for deduplication; 128 by default.</summary>
    public int DedupWindow { get; set; } = 128;

    /// <summary>Least processing time between two recomputations caused by page views; 5 seconds by default.</summary>
    public TimeSpan PageViewRecomputeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a recommendation watcher stays subscribed without renewing; 2 minutes by default.</summary>
    public TimeSpan WatchLease { get; set; } = TimeSpan.FromMinutes(2);
}
