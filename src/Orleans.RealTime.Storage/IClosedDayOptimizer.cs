namespace Orleans.RealTime.Storage;

/// <summary>
/// A tier store that can rewrite days no longer written to in a layout that reads faster (for the DuckDB store:
/// event rows ordered by user, so a user's timeline skips most row groups). Tier maintenance calls it; answers never
/// depend on it, and a rewrite is atomic and runs once per day.
/// </summary>
public interface IClosedDayOptimizer
{
    /// <summary>Rewrites every held day before <paramref name="before"/> that is not laid out yet; returns those days.</summary>
    Task<IReadOnlyList<DateOnly>> OptimizeDaysBeforeAsync(DateOnly before, CancellationToken cancellationToken = default);
}
