namespace Orleans.RealTime.Storage;

/// <summary>
/// One storage tier: idempotent writes (by event id and line, and by session id), typed queries, and the whole-day
/// operations tier maintenance uses. Every implementation passes the same contract test suite.
/// </summary>
public interface ITierStore
{
    /// <summary>
    /// Writes event rows; rows whose (event id, line) the store already holds, or that repeat one earlier in
    /// <paramref name="rows"/>, are ignored. A store enumerates <paramref name="rows"/> once and keeps none of them after
    /// the write, so rows made as they are enumerated stay short-lived.
    /// </summary>
    Task WriteEventsAsync(IEnumerable<EventRow> rows, CancellationToken cancellationToken = default);

    /// <summary>Writes session rows; sessions whose id the store already holds are ignored.</summary>
    Task WriteSessionsAsync(IReadOnlyList<SessionRow> rows, CancellationToken cancellationToken = default);

    /// <summary>The UTC days for which the store holds any row, ascending.</summary>
    Task<IReadOnlyList<DateOnly>> ListDaysAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts the rows of one day.</summary>
    Task<DayCounts> CountDayAsync(DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Reads all rows of one day.</summary>
    Task<DayData> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Copies a day in; idempotent (rows already held are not doubled).</summary>
    Task ImportDayAsync(DayData data, CancellationToken cancellationToken = default);

    /// <summary>Deletes every row of one day; deleting a day not held does nothing.</summary>
    Task DeleteDayAsync(DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Event counts per interaction type per bucket of <paramref name="bucket"/>, buckets aligned to the epoch.</summary>
    Task<IReadOnlyList<EventCountBucket>> CountEventsAsync(TimeRange range, TimeSpan bucket, CancellationToken cancellationToken = default);

    /// <summary>The products with most rows of <paramref name="interactionType"/>, most first, ties by product id.</summary>
    Task<IReadOnlyList<ProductCount>> TopProductsAsync(TimeRange range, string interactionType, int limit, CancellationToken cancellationToken = default);

    /// <summary>The view → cart → purchase funnel as distinct user counts.</summary>
    Task<FunnelCounts> FunnelAsync(TimeRange range, CancellationToken cancellationToken = default);

    /// <summary>The users behind each funnel stage (used to merge funnels across tiers).</summary>
    Task<FunnelUsers> FunnelUsersAsync(TimeRange range, CancellationToken cancellationToken = default);

    /// <summary>One user's events in time order (then event id and line), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<EventRow>> UserTimelineAsync(TimeRange range, string userId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Statistics of the sessions that started in the range.</summary>
    Task<SessionStatistics> SessionStatisticsAsync(TimeRange range, CancellationToken cancellationToken = default);
}
