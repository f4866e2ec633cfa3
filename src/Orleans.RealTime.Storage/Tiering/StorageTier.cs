namespace Orleans.RealTime.Storage;

/// <summary>The storage tiers, hottest first.</summary>
public enum StorageTier
{
    /// <summary>Recent data, answers in under 100 ms.</summary>
    Hot,

    /// <summary>Up to about 90 days, answers in under a second.</summary>
    Warm,

    /// <summary>Years of history, best effort.</summary>
    Cold,
}
