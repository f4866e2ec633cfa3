namespace Orleans.RealTime.Storage;

/// <summary>
/// Answers the typed analytics queries over all tiers: splits the range by the tier holding each day (the hottest
/// tier when a move left a day in two), runs the parts concurrently, merges them and reports the tiers that answered.
/// A <c>latencyBudget</c> of null means no budget; a budget below the expected latency of a tier the range needs
/// throws <see cref="LatencyBudgetExceededException"/> before anything runs, and a query that runs past its budget is
/// cancelled with the same exception.
/// </summary>
public interface IAnalyticsQueryRouter
{
    /// <summary>Plans which tier answers which part of <paramref name="range"/>, and checks the budget against it.</summary>
    Task<IReadOnlyList<TierQueryPart>> PlanAsync(TimeRange range, TimeSpan? latencyBudget, CancellationToken cancellationToken = default);

    /// <summary>Event counts per interaction type per bucket.</summary>
    Task<TierQueryResult<IReadOnlyList<EventCountBucket>>> CountEventsAsync(TimeRange range, TimeSpan bucket, TimeSpan? latencyBudget, CancellationToken cancellationToken = default);

    /// <summary>The top products by <paramref name="interactionType"/> (exact across tiers).</summary>
    Task<TierQueryResult<IReadOnlyList<ProductCount>>> TopProductsAsync(TimeRange range, string interactionType, int limit, TimeSpan? latencyBudget, CancellationToken cancellationToken = default);

    /// <summary>The view → cart → purchase funnel (distinct users, exact across tiers).</summary>
    Task<TierQueryResult<FunnelCounts>> FunnelAsync(TimeRange range, TimeSpan? latencyBudget, CancellationToken cancellationToken = default);

    /// <summary>One user's events in time order, at most <paramref name="limit"/>.</summary>
    Task<TierQueryResult<IReadOnlyList<EventRow>>> UserTimelineAsync(TimeRange range, string userId, int limit, TimeSpan? latencyBudget, CancellationToken cancellationToken = default);

    /// <summary>Statistics of the sessions that started in the range.</summary>
    Task<TierQueryResult<SessionStatistics>> SessionStatisticsAsync(TimeRange range, TimeSpan? latencyBudget, CancellationToken cancellationToken = default);
}
