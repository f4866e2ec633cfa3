using DuckDB.NET.Data;

namespace Orleans.RealTime.Storage;

/// <summary>
/// The pre-aggregated rollups of the DuckDB store, kept in the same transaction as the rows they summarize:
/// event counts per hour and type, row counts per day, type and product, and funnel stage bits per day and user with
/// the first and last time of each stage that day (so a range starting or ending inside a day is answered exactly
/// from the day's rollup: a user reached a stage after a time T that day if the stage's last time is at or after T).
/// They are fed only the rows an <c>INSERT OR IGNORE</c> actually inserted, so
/// duplicates never count twice, and a day's rollups are deleted with the day's rows. Each write appends its batch's
/// partial aggregates (appending is far cheaper in DuckDB than upserting); queries sum (or bit-or) them, and a day is
/// compacted back to one row per key once enough rows have been written to it.
/// </summary>
internal static class DuckDbRollups
{
    public const long HourMs = 3_600_000;

    private const string FunnelTimesMerged = "min(view_first), max(view_last), min(cart_first), max(cart_last), min(purchase_first), max(purchase_last)";

    private static readonly string[] Tables = ["rollup_type_hour", "rollup_product_day", "rollup_funnel_day"];

    public static string[] Ddl { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS rollup_type_hour (
            hour_ms BIGINT NOT NULL, interaction_type VARCHAR NOT NULL, event_count BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS rollup_product_day (
            day_ms BIGINT NOT NULL, interaction_type VARCHAR NOT NULL, product_id VARCHAR NOT NULL, row_count BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS rollup_funnel_day (
            day_ms BIGINT NOT NULL, user_id VARCHAR NOT NULL, stages UTINYINT NOT NULL,
            view_first BIGINT, view_last BIGINT, cart_first BIGINT, cart_last BIGINT, purchase_first BIGINT, purchase_last BIGINT)
        """,
    ];

    /// <summary>Creates the rollup tables; when they did not exist yet (a file written before rollups), fills them from the events.</summary>
    public static async Task CreateAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        // A funnel rollup written before it kept stage times is rebuilt with the others from the rows.
        var outdated = await DuckDbQueries.QueryAsync(
            connection, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'rollup_funnel_day' AND NOT EXISTS (SELECT 1 FROM duckdb_columns() WHERE table_name = 'rollup_funnel_day' AND column_name = 'view_first')", null, r => r.GetInt64(0), cancellationToken, []);
        if (outdated[0] > 0)
        {
            await DuckDbTierStore.ExecuteAsync(connection, "DROP TABLE rollup_funnel_day", cancellationToken);
        }

        var existing = await DuckDbQueries.QueryAsync(
            connection, "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'rollup_%'", null, r => r.GetInt64(0), cancellationToken, []);
        foreach (var ddl in Ddl)
        {
            await DuckDbTierStore.ExecuteAsync(connection, ddl, cancellationToken);
        }

        if (existing[0] < Tables.Length)
        {
            await DuckDbTierStore.ExecuteAsync(connection, "BEGIN TRANSACTION", cancellationToken);
            foreach (var table in Tables)
            {
                await DuckDbTierStore.ExecuteAsync(connection, $"DELETE FROM {table}", cancellationToken);
            }

            await AddAsync(connection, "events", cancellationToken);
            await DuckDbTierStore.ExecuteAsync(connection, "COMMIT", cancellationToken);
        }
    }

    /// <summary>
    /// Moves the staged events (unique by key) into the events table inside the caller's transaction and adds exactly
    /// the rows inserted to the rollups: <c>INSERT OR IGNORE … RETURNING</c> names the rows the table did not hold yet
    /// (wherever a stored duplicate lies in time), matched to the staged rows by key hash, and their partial aggregates
    /// are appended. When staged keys share a hash, the inserted rows are read back instead.
    /// </summary>
    public static async Task InsertEventsAsync(DuckDBConnection connection, string stage, StagedEvents staged, CancellationToken cancellationToken)
    {
        if (staged.Ambiguous)
        {
            await InsertEventsExactAsync(connection, stage, cancellationToken);
            return;
        }

        var inserted = new HashSet<(ulong KeyHash, int Line)>(staged.Count);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"INSERT OR IGNORE INTO events SELECT * FROM temp.{stage} RETURNING event_id, line";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(staged.KeyOf(reader.GetString(0), reader.GetInt32(1)));
            }
        }

        staged.Rollups(inserted.Count == staged.Count ? null : inserted).Append(connection);
    }

    /// <summary>
    /// Moves the staged events (unique by key) into the events table inside the caller's transaction and adds
    /// exactly the rows inserted to the rollups: <c>INSERT OR IGNORE … RETURNING</c> names the rows the table did not
    /// hold yet (wherever a stored duplicate lies in time); those are read back from the stage and aggregated.
    /// </summary>
    private static async Task InsertEventsExactAsync(DuckDBConnection connection, string stage, CancellationToken cancellationToken)
    {
        var inserted = new HashSet<(string EventId, int Line)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"INSERT OR IGNORE INTO events SELECT * FROM temp.{stage} RETURNING event_id, line";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        var rollups = new RollupBatch();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT * FROM temp.{stage}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = DuckDbRows.ReadEvent(reader);
                if (inserted.Contains((row.EventId, row.Line)))
                {
                    rollups.Add(RollupRow.Of(row));
                }
            }
        }

        rollups.Append(connection);
    }

    /// <summary>Compacts the rollups of each day in <paramref name="days"/> (starts in epoch ms), inside the caller's transaction.</summary>
    public static async Task CompactDaysAsync(DuckDBConnection connection, IEnumerable<long> days, CancellationToken cancellationToken)
    {
        foreach (var day in days)
        {
            await CompactDayAsync(connection, day, cancellationToken);
        }
    }

    /// <summary>Replaces the rollup rows of the day starting at <paramref name="dayMs"/> by one row per key.</summary>
    private static async Task CompactDayAsync(DuckDBConnection connection, long dayMs, CancellationToken cancellationToken)
    {
        var inDay = $"WHERE {{0}} >= {dayMs} AND {{0}} < {dayMs + DuckDbSchema.DayMs}";
        (string Table, string Time, string Merged)[] rollups =
        [
            ("rollup_type_hour", "hour_ms", "hour_ms, interaction_type, CAST(sum(event_count) AS BIGINT)"),
            ("rollup_product_day", "day_ms", "day_ms, interaction_type, product_id, CAST(sum(row_count) AS BIGINT)"),
            ("rollup_funnel_day", "day_ms", $"day_ms, user_id, bit_or(stages), {FunnelTimesMerged}"),
        ];
        foreach (var (table, time, merged) in rollups)
        {
            var where = string.Format(System.Globalization.CultureInfo.InvariantCulture, inDay, time);
            await DuckDbTierStore.ExecuteAsync(connection, $"CREATE OR REPLACE TEMP TABLE compacted AS SELECT {merged} FROM {table} {where} GROUP BY ALL", cancellationToken);
            await DuckDbTierStore.ExecuteAsync(connection, $"DELETE FROM {table} {where}", cancellationToken);
            await DuckDbTierStore.ExecuteAsync(connection, $"INSERT INTO {table} SELECT * FROM temp.compacted", cancellationToken);
        }
    }

    /// <summary>Deletes the rollups of one day (inside the caller's transaction, beside the day's rows).</summary>
    public static async Task DeleteDayAsync(DuckDBConnection connection, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        await DuckDbTierStore.ExecuteAsync(connection, $"DELETE FROM rollup_type_hour WHERE hour_ms >= {fromMs} AND hour_ms < {toMs}", cancellationToken);
        await DuckDbTierStore.ExecuteAsync(connection, $"DELETE FROM rollup_product_day WHERE day_ms >= {fromMs} AND day_ms < {toMs}", cancellationToken);
        await DuckDbTierStore.ExecuteAsync(connection, $"DELETE FROM rollup_funnel_day WHERE day_ms >= {fromMs} AND day_ms < {toMs}", cancellationToken);
    }

    /// <summary>Adds the rows of <paramref name="source"/> (which has the event columns) to every rollup.</summary>
    private static async Task AddAsync(DuckDBConnection connection, string source, CancellationToken cancellationToken)
    {
        await DuckDbTierStore.ExecuteAsync(connection, $"""
            INSERT INTO rollup_type_hour
            SELECT time_ms // {HourMs} * {HourMs}, interaction_type, count(*) FROM {source} WHERE line = 0 GROUP BY ALL
            """, cancellationToken);
        await DuckDbTierStore.ExecuteAsync(connection, $"""
            INSERT INTO rollup_product_day
            SELECT time_ms // {DuckDbSchema.DayMs} * {DuckDbSchema.DayMs}, interaction_type, product_id, count(*) FROM {source} WHERE product_id IS NOT NULL GROUP BY ALL
            """, cancellationToken);
        await DuckDbTierStore.ExecuteAsync(connection, $"""
            INSERT INTO rollup_funnel_day
            SELECT day_ms, user_id, bit_or(stage),
                min(time_ms) FILTER (WHERE stage = 1), max(time_ms) FILTER (WHERE stage = 1),
                min(time_ms) FILTER (WHERE stage = 2), max(time_ms) FILTER (WHERE stage = 2),
                min(time_ms) FILTER (WHERE stage = 4), max(time_ms) FILTER (WHERE stage = 4)
            FROM (
                SELECT time_ms // {DuckDbSchema.DayMs} * {DuckDbSchema.DayMs} AS day_ms, user_id, time_ms, CAST({DuckDbQueries.StageMask} AS UTINYINT) AS stage FROM {source})
            WHERE stage <> 0 GROUP BY day_ms, user_id
            """, cancellationToken);
    }
}
