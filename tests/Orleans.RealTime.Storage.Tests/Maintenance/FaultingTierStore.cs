namespace Orleans.RealTime.Storage.Tests.Maintenance;

/// <summary>A tier store that crashes on demand: halfway through copying a day in, or on deleting a day.</summary>
internal sealed class FaultingTierStore(ITierStore inner) : ITierStore
{
    public bool CrashDuringImport { get; set; }

    public bool CrashOnDelete { get; set; }

    /// <summary>Runs once, after the next import completes (e.g. a late row reaching the source mid-move).</summary>
    public Func<Task>? AfterNextImport { get; set; }

    /// <summary>Imports keep only half of the day's events and report success (a lossy destination).</summary>
    public bool LoseHalfOnImport { get; set; }

    /// <summary>Event-count queries never finish on their own: they end only when cancelled.</summary>
    public bool HangQueries { get; set; }

    /// <summary>How many of the next event writes fail with a store error (before writing anything).</summary>
    public int FailingWrites { get; set; }

    public Task WriteEventsAsync(IEnumerable<EventRow> rows, CancellationToken cancellationToken = default)
    {
        if (FailingWrites > 0)
        {
            FailingWrites--;
            throw new InjectedStoreException();
        }

        return inner.WriteEventsAsync(rows, cancellationToken);
    }

    public Task WriteSessionsAsync(IReadOnlyList<SessionRow> rows, CancellationToken cancellationToken = default) => inner.WriteSessionsAsync(rows, cancellationToken);

    public Task<IReadOnlyList<DateOnly>> ListDaysAsync(CancellationToken cancellationToken = default) => inner.ListDaysAsync(cancellationToken);

    public Task<DayCounts> CountDayAsync(DateOnly day, CancellationToken cancellationToken = default) => inner.CountDayAsync(day, cancellationToken);

    public Task<DayData> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default) => inner.ReadDayAsync(day, cancellationToken);

    public async Task ImportDayAsync(DayData data, CancellationToken cancellationToken = default)
    {
        if (LoseHalfOnImport)
        {
            await inner.ImportDayAsync(data with { Events = [.. data.Events.Take(data.Events.Count / 2)] }, cancellationToken);
            return;
        }

        if (!CrashDuringImport)
        {
            await inner.ImportDayAsync(data, cancellationToken);
            if (AfterNextImport is { } hook)
            {
                AfterNextImport = null;
                await hook();
            }

            return;
        }

        // The process dies after half of the day's events reached the destination.
        await inner.ImportDayAsync(data with { Events = [.. data.Events.Take(data.Events.Count / 2)], Sessions = [] }, cancellationToken);
        throw new IOException("Simulated crash during the copy.");
    }

    public Task DeleteDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        CrashOnDelete ? throw new IOException("Simulated crash between copy and delete.") : inner.DeleteDayAsync(day, cancellationToken);

    public async Task<IReadOnlyList<EventCountBucket>> CountEventsAsync(TimeRange range, TimeSpan bucket, CancellationToken cancellationToken = default)
    {
        if (HangQueries)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        return await inner.CountEventsAsync(range, bucket, cancellationToken);
    }

    public Task<IReadOnlyList<ProductCount>> TopProductsAsync(TimeRange range, string interactionType, int limit, CancellationToken cancellationToken = default) =>
        inner.TopProductsAsync(range, interactionType, limit, cancellationToken);

    public Task<FunnelCounts> FunnelAsync(TimeRange range, CancellationToken cancellationToken = default) => inner.FunnelAsync(range, cancellationToken);

    public Task<FunnelUsers> FunnelUsersAsync(TimeRange range, CancellationToken cancellationToken = default) => inner.FunnelUsersAsync(range, cancellationToken);

    public Task<IReadOnlyList<EventRow>> UserTimelineAsync(TimeRange range, string userId, int limit, CancellationToken cancellationToken = default) =>
        inner.UserTimelineAsync(range, userId, limit, cancellationToken);

    public Task<SessionStatistics> SessionStatisticsAsync(TimeRange range, CancellationToken cancellationToken = default) =>
        inner.SessionStatisticsAsync(range, cancellationToken);
}
