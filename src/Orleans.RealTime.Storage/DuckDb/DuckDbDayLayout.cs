using DuckDB.NET.Data;

namespace Orleans.RealTime.Storage;

/// <summary>
/// The physical order of a closed day's event rows. Rows arrive in time order, so every row group spans all users
/// and a user's timeline reads the <c>user_id</c> column of every row in the range. Rewriting a closed day ordered by
/// user (then time) gives each row group a narrow <c>user_id</c> min/max, and DuckDB skips the row groups whose
/// range cannot hold the user. The rewrite is one transaction (crash-safe: the day is either old or new), copies
/// every row (the counts deleted and inserted are checked before commit), and is recorded in <c>day_layout</c> so it runs once per day; a
/// later write into the day removes the record so that the next maintenance sorts it again. Only speed depends on it.
/// </summary>
internal static class DuckDbDayLayout
{
    public const string Ddl = "CREATE TABLE IF NOT EXISTS day_layout (day_ms BIGINT NOT NULL)";

    /// <summary>The days (start in epoch ms) whose rows are ordered by user.</summary>
    public static Task<IReadOnlyList<long>> ListSortedAsync(DuckDBConnection connection, CancellationToken cancellationToken) =>
        DuckDbQueries.QueryAsync(connection, "SELECT DISTINCT day_ms FROM day_layout", null, r => r.GetInt64(0), cancellationToken, []);

    /// <summary>Forgets that the given days are sorted (inside the caller's write transaction).</summary>
    public static Task ForgetAsync(DuckDBConnection connection, IEnumerable<long> days, CancellationToken cancellationToken) =>
        DuckDbTierStore.ExecuteAsync(connection, $"DELETE FROM day_layout WHERE day_ms IN ({string.Join(", ", days)})", cancellationToken);

    /// <summary>
    /// The statements of one rewrite, run in one transaction: copy the day ordered by user, delete it, insert the
    /// copy, record the day as sorted, drop the copy. The second and third return the row counts that must agree.
    /// </summary>
    public static string[] SortDayStatements(long dayMs)
    {
        var inDay = $"time_ms >= {dayMs} AND time_ms < {dayMs + DuckDbSchema.DayMs}";
        return
        [
            $"CREATE OR REPLACE TEMP TABLE day_sorted AS SELECT * FROM events WHERE {inDay} ORDER BY user_id, time_ms, event_id, line",
            $"DELETE FROM events WHERE {inDay}",
            "INSERT INTO events SELECT * FROM temp.day_sorted",
            $"DELETE FROM day_layout WHERE day_ms = {dayMs}",
            $"INSERT INTO day_layout VALUES ({dayMs})",
            "DROP TABLE temp.day_sorted",
        ];
    }

    /// <summary>Rewrites the event rows of the day starting at <paramref name="dayMs"/> ordered by user and time, in one transaction.</summary>
    public static async Task SortDayAsync(DuckDBConnection connection, long dayMs, CancellationToken cancellationToken)
    {
        var statements = SortDayStatements(dayMs);
        var counts = new int[statements.Length];
        await DuckDbTierStore.ExecuteAsync(connection, "BEGIN TRANSACTION", cancellationToken);
        try
        {
            for (var i = 0; i < statements.Length; i++)
            {
                counts[i] = await DuckDbTierStore.ExecuteAsync(connection, statements[i], cancellationToken);
            }

            if (counts[2] != counts[1])
            {
                throw new InvalidOperationException($"Sorting the day starting at {dayMs} ms deleted {counts[1]} but inserted {counts[2]} rows; nothing was changed.");
            }

            await DuckDbTierStore.ExecuteAsync(connection, "COMMIT", cancellationToken);
        }
        catch
        {
            await DuckDbTierStore.ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }
    }
}
