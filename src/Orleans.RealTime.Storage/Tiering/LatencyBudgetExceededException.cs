namespace Orleans.RealTime.Storage;

/// <summary>A query's latency budget cannot be met by a tier that holds part of its range.</summary>
public sealed class LatencyBudgetExceededException : Exception
{
    /// <summary>Creates the exception for <paramref name="tier"/> whose expected latency exceeds <paramref name="budget"/>.</summary>
    public LatencyBudgetExceededException(TimeSpan budget, StorageTier tier, TimeSpan expectedLatency)
        : base($"The latency budget of {budget.TotalMilliseconds:0} ms cannot be met: the range needs the {tier.ToString().ToLowerInvariant()} tier, " +
               $"whose expected latency is {expectedLatency.TotalMilliseconds:0} ms (Storage:{tier}:ExpectedLatency). Narrow the range or raise the budget.")
    {
        Budget = budget;
        Tier = tier;
    }

    /// <summary>Creates the exception for a query that ran past its budget.</summary>
    public LatencyBudgetExceededException(TimeSpan budget, IReadOnlyList<StorageTier> tiers, Exception inner)
        : base($"The latency budget of {budget.TotalMilliseconds:0} ms ran out before the {string.Join(", ", tiers).ToLowerInvariant()} tier(s) answered.", inner)
    {
        Budget = budget;
        Tier = tiers.Count > 0 ? tiers[^1] : StorageTier.Hot;
    }

    /// <summary>The caller's budget.</summary>
    public TimeSpan Budget { get; }

    /// <summary>The slowest tier the range needed.</summary>
    public StorageTier Tier { get; }
}
