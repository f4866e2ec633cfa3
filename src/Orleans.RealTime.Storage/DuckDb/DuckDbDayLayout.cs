using DuckDB.NET.Data;

namespace Orleans.RealTime.Storage;

/// <summary>
/// A user-ordered copy of closed days for timelines. Rows arrive in time order, so every row group of
/// <c>events</c> spans all users and a user's timeline reads the <c>user_id</c> column of every row in the range.
/// A closed day is copied, ordered by user then time, into <c>events_by_user</c> (no key, so the copy costs no index
/// work: rewriting the keyed table in place took about a minute per day). Its row groups have narrow
/// <c>user_id</c> min/max, and DuckDB skips those that cannot hold the user. The copy is one transaction
/// (crash-safe: the day has a complete copy or none) recorded in <c>day_layout</c>, so it runs once per day; a later
/// write into the day deletes the copy and the record in the write's transaction, and the next maintenance copies
/// again. Timelines read copied days from the copy and every other day from <c>events</c>, deciding which in the
/// same snapshot as they read (see <see cref="DuckDbTimeline"/>). Answers never depend on it.
/// </summary>
internal static class DuckDbDayLayout
{
    public static string[] Ddl { get; } =
    [
        "CREATE TABLE IF NOT EXISTS day_layout (day_ms BIGINT NOT NULL)",
        DuckDbSchema.EventsTable("events_by_user", staging: false, keyed: false),
    ];

    /// <summary>The days (start in epoch ms) that have a user-ordered copy.</summary>
    public static Task<IReadOnlyList<long>> ListSortedAsync(DuckDBConnection connection, CancellationToken cancellationToken) =>
        DuckDbQueries.QueryAsync(connection, "SELECT DISTINCT day_ms FROM day_layout", null, r => r.GetInt64(0), cancellationToken, []);

    /// <summary>Deletes the copies of the given days and their records (inside the caller's write transaction).</summary>
    public static async Task ForgetAsync(DuckDBConnection connection, IEnumerable<long> days, CancellationToken cancellationToken)
    {
        foreach (var day in days)
        {
            await DuckDbTierStore.ExecuteAsync(connection, $"DELETE FROM events_by_user WHERE {InDay(day)}", cancellationToken);
            await DuckDbTierStore.ExecuteAsync(connection, $"DELETE FROM day_layout WHERE day_ms = {day}", cancellationToken);
        }
    }

    /// <summary>The statements of one copy, run in one transaction: drop any old copy, copy the day ordered by user, record it.</summary>
    public static string[] SortDayStatements(long dayMs) =>
    [
        $"DELETE FROM events_by_user WHERE {InDay(dayMs)}",
        $"DELETE FROM day_layout WHERE day_ms = {dayMs}",
        $"INSERT INTO events_by_user SELECT * FROM events WHERE {InDay(dayMs)} ORDER BY user_id, time_ms, event_id, line",
        $"INSERT INTO day_layout VALUES ({dayMs})",
    ];

    /// <summary>Copies the event rows of the day starting at <paramref name="dayMs"/> ordered by user and time, in one transaction.</summary>
    public static async Task SortDayAsync(DuckDBConnection connection, long dayMs, CancellationToken cancellationToken)
    {
        await DuckDbTierStore.ExecuteAsync(connection, "BEGIN TRANSACTION", cancellationToken);
        try
        {
            foreach (var statement in SortDayStatements(dayMs))
            {
                await DuckDbTierStore.ExecuteAsync(connection, statement, cancellationToken);
            }

            await DuckDbTierStore.ExecuteAsync(connection, "COMMIT", cancellationToken);
        }
        catch
        {
            await DuckDbTierStore.ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }
    }

    private static string InDay(long dayMs) => $"time_ms >= {dayMs} AND time_ms < {dayMs + DuckDbSchema.DayMs}";
}
