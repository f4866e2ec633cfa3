namespace Orleans.RealTime.Storage;

/// <summary>Settings of one tier.</summary>
public sealed class TierOptions
{
    /// <summary>How long a day stays in this tier, counted from the end of the day: after it, maintenance moves the day on (or deletes it from the cold tier).</summary>
    public TimeSpan Retention { get; set; }

    /// <summary>The latency this tier is expected to answer within; the router refuses a budget below it.</summary>
    public TimeSpan ExpectedLatency { get; set; }
}
