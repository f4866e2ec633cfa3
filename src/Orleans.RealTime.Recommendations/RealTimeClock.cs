namespace Orleans.RealTime.Recommendations;

/// <summary>
/// The service key of the <see cref="TimeProvider"/> that drives session TTL and trending decay. It is keyed so tests
/// can replace it with a fake clock without freezing the clocks Orleans itself uses.
/// </summary>
public static class RealTimeClock
{
    /// <summary>The keyed-service key.</summary>
    public const string Key = "realtime";
}
