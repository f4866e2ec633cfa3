using DuckDB.NET.Data;

namespace Orleans.RealTime.Storage;

/// <summary>
/// One user's timeline in the DuckDB store: the days of the range that have a user-ordered copy
/// (<see cref="DuckDbDayLayout"/>) are read from the copy, the others from <c>events</c>, each run of days as a plain
/// time range (so both zone maps, time and user, prune row groups). Which days have a copy is read in the same
/// transaction as the rows, so a copy made or dropped meanwhile never doubles or hides a day.
/// </summary>
internal static class DuckDbTimeline
{
    public static async Task<IReadOnlyList<EventRow>> QueryAsync(DuckDBConnection connection, TimeRange range, string userId, int limit, CancellationToken cancellationToken)
    {
        var (from, to) = (range.From.ToUnixTimeMilliseconds(), range.To.ToUnixTimeMilliseconds());
        if (from >= to)
        {
            return [];
        }

        await DuckDbTierStore.ExecuteAsync(connection, "BEGIN TRANSACTION", cancellationToken);
        try
        {
            var copied = (await DuckDbQueries.QueryAsync(
                connection, $"SELECT DISTINCT day_ms FROM day_layout WHERE day_ms > {from - DuckDbSchema.DayMs} AND day_ms < {to}", null, r => r.GetInt64(0), cancellationToken, []))
                .ToHashSet();
            var parts = Runs(from, to, copied).Select(run => $"""
                SELECT {DuckDbSchema.EventColumns} FROM {(run.Copied ? "events_by_user" : "events")}
                WHERE time_ms >= {run.From} AND time_ms < {run.To} AND user_id = $user
                """);
            var rows = await DuckDbQueries.QueryAsync(
                connection,
                $"SELECT * FROM ({string.Join("\nUNION ALL\n", parts)}) ORDER BY time_ms, event_id, line LIMIT {limit}",
                null,
                DuckDbRows.ReadEvent,
                cancellationToken,
                [new DuckDBParameter("user", userId)]);
            await DuckDbTierStore.ExecuteAsync(connection, "COMMIT", cancellationToken);
            return rows;
        }
        catch
        {
            await DuckDbTierStore.ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    /// <summary>[from, to) cut at day boundaries into maximal runs of days that all have, or all lack, a copy.</summary>
    private static IEnumerable<(long From, long To, bool Copied)> Runs(long from, long to, HashSet<long> copied)
    {
        var start = from;
        bool? current = null;
        for (var day = DuckDbSchema.DayOf(from); day < to; day += DuckDbSchema.DayMs)
        {
            var isCopied = copied.Contains(day);
            var dayStart = Math.Max(from, day);
            if (current is { } c && c != isCopied)
            {
                yield return (start, dayStart, c);
                start = dayStart;
            }

            current = isCopied;
        }

        yield return (start, to, current ?? false);
    }
}
