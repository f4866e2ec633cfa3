using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Storage;

/// <summary>
/// Moves whole days hot → warm → cold as they age and deletes cold days past retention. A move copies the day,
/// verifies that the destination holds as many rows as the source and every source row key, and only then deletes
/// the source; a run interrupted anywhere is repaired by the next run, because copies are idempotent (stores
/// absorb duplicates) and the router reads a day from the hottest tier that holds it. Each run also lets a hot store
/// that implements <see cref="IClosedDayOptimizer"/> lay out its closed days for reading.
/// </summary>
/// <param name="tiers">The tier stores.</param>
/// <param name="options">Retention per tier.</param>
/// <param name="timeProvider">The clock that decides what has aged.</param>
/// <param name="instruments">Maintenance metrics.</param>
/// <param name="logger">The logger.</param>
public sealed partial class TierMover(
    StorageTiers tiers, IOptions<StorageOptions> options, TimeProvider timeProvider, StorageInstruments instruments, ILogger<TierMover> logger)
{
    /// <summary>Runs one maintenance pass over every tier.</summary>
    public async Task<TierMaintenanceReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var moves = new List<TierMove>();
        var deferred = new List<DateOnly>();
        foreach (var (from, to) in new[] { (StorageTier.Hot, StorageTier.Warm), (StorageTier.Warm, StorageTier.Cold) })
        {
            foreach (var day in await DueAsync(from, now, cancellationToken))
            {
                var move = await MoveDayAsync(day, from, to, cancellationToken);
                if (move is null)
                {
                    deferred.Add(day);
                }
                else
                {
                    moves.Add(move);
                }
            }
        }

        // The hot tier's closed days are rewritten in a layout that reads faster (after the moves: no work on days leaving).
        if (tiers.Hot is IClosedDayOptimizer optimizer)
        {
            var optimized = await optimizer.OptimizeDaysBeforeAsync(StorageDays.Of(now), cancellationToken);
            if (optimized.Count > 0)
            {
                LogOptimized(logger, optimized.Count, StorageTier.Hot);
            }
        }

        var expired = await DueAsync(StorageTier.Cold, now, cancellationToken);
        foreach (var day in expired)
        {
            await tiers.Cold.DeleteDayAsync(day, cancellationToken);
            instruments.DayExpired();
            LogExpired(logger, day);
        }

        return new TierMaintenanceReport(moves, expired, deferred);
    }

    /// <summary>
    /// Moves one day from <paramref name="from"/> to <paramref name="to"/>: copy, verify, delete. Returns null when rows
    /// arrived in the source during the copy (the source is kept and the next run copies again).
    /// </summary>
    public async Task<TierMove?> MoveDayAsync(DateOnly day, StorageTier from, StorageTier to, CancellationToken cancellationToken = default)
    {
        var source = tiers.Get(from);
        var destination = tiers.Get(to);
        var data = await source.ReadDayAsync(day, cancellationToken);
        if (data.Counts.IsEmpty)
        {
            return new TierMove(day, from, to, 0, 0);
        }

        await destination.ImportDayAsync(data, cancellationToken);
        await VerifyAsync(data, destination, to, cancellationToken);
        if (await source.CountDayAsync(day, cancellationToken) != data.Counts)
        {
            LogDeferred(logger, day, from);
            return null;
        }

        await source.DeleteDayAsync(day, cancellationToken);
        instruments.DayMoved(from, to, data.Events.Count + data.Sessions.Count);
        LogMoved(logger, day, from, to, data.Events.Count, data.Sessions.Count);
        return new TierMove(day, from, to, data.Events.Count, data.Sessions.Count);
    }

    private static async Task VerifyAsync(DayData data, ITierStore destination, StorageTier to, CancellationToken cancellationToken)
    {
        var copied = await destination.ReadDayAsync(data.Day, cancellationToken);
        if (copied.Events.Count < data.Events.Count || copied.Sessions.Count < data.Sessions.Count)
        {
            throw new TierMoveVerificationException(data.Day, to, $"{copied.Counts} rows against {data.Counts} in the source");
        }

        var events = copied.Events.Select(e => (e.EventId, e.Line)).ToHashSet();
        var sessions = copied.Sessions.Select(s => s.SessionId).ToHashSet(StringComparer.Ordinal);
        var missing = data.Events.Count(e => !events.Contains((e.EventId, e.Line))) + data.Sessions.Count(s => !sessions.Contains(s.SessionId));
        if (missing > 0)
        {
            throw new TierMoveVerificationException(data.Day, to, $"{missing} source rows missing");
        }
    }

    private async Task<IReadOnlyList<DateOnly>> DueAsync(StorageTier tier, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retention = options.Value.Tier(tier).Retention;
        var days = await tiers.Get(tier).ListDaysAsync(cancellationToken);
        return [.. days.Where(day => StorageDays.Start(day.AddDays(1)) + retention <= now)];
    }

    [LoggerMessage(1, LogLevel.Information, "Moved {Day} from the {From} tier to the {To} tier ({Events} events, {Sessions} sessions)")]
    private static partial void LogMoved(ILogger logger, DateOnly day, StorageTier from, StorageTier to, int events, int sessions);

    [LoggerMessage(2, LogLevel.Information, "Deferred moving {Day} out of the {From} tier: rows arrived during the copy")]
    private static partial void LogDeferred(ILogger logger, DateOnly day, StorageTier from);

    [LoggerMessage(3, LogLevel.Information, "Deleted {Day} from the cold tier: past retention")]
    private static partial void LogExpired(ILogger logger, DateOnly day);

    [LoggerMessage(4, LogLevel.Information, "Rewrote {Days} closed days of the {Tier} tier in their read-optimized layout")]
    private static partial void LogOptimized(ILogger logger, int days, StorageTier tier);
}
