using System.Globalization;
using DuckDB.NET.Data;

namespace Orleans.RealTime.Storage;

/// <summary>
/// The typed queries of the DuckDB store answered from its rollups (<see cref="DuckDbRollups"/>) over the whole
/// hours or days of the range, and from the event rows over its partial edges; the answers equal those of
/// <see cref="DuckDbQueries"/> over the rows alone. Bucket widths that are not whole hours fall back to the rows.
/// </summary>
/// <param name="rows">The row queries used where no rollup fits.</param>
internal sealed class DuckDbRollupQueries(DuckDbQueries rows)
{
    public async Task<IReadOnlyList<EventCountBucket>> CountEventsAsync(DuckDBConnection connection, TimeRange range, TimeSpan bucket, CancellationToken cancellationToken)
    {
        var bucketMs = (long)bucket.TotalMilliseconds;
        if (bucketMs <= 0 || bucketMs % DuckDbRollups.HourMs != 0)
        {
            return await rows.CountEventsAsync(connection, range, bucket, cancellationToken);
        }

        var sql = $"""
            SELECT bucket, interaction_type, CAST(sum(n) AS BIGINT) FROM (
                SELECT hour_ms // {bucketMs} * {bucketMs} AS bucket, interaction_type, event_count AS n FROM rollup_type_hour WHERE {RollupSpan.Aligned("hour_ms")}
                UNION ALL {RollupSpan.Edges($"time_ms // {bucketMs} * {bucketMs}, interaction_type, 1", "line = 0")})
            GROUP BY ALL ORDER BY bucket, interaction_type
            """;
        return await QueryAsync(
            connection, sql, range, DuckDbRollups.HourMs, r => new EventCountBucket(DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(0)), r.GetString(1), r.GetInt64(2)), cancellationToken);
    }

    public Task<IReadOnlyList<ProductCount>> TopProductsAsync(DuckDBConnection connection, TimeRange range, string interactionType, int limit, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT product_id, CAST(sum(n) AS BIGINT) AS c FROM (
                SELECT product_id, row_count AS n FROM rollup_product_day WHERE {RollupSpan.Aligned("day_ms")} AND interaction_type = $type
                UNION ALL {RollupSpan.Edges("product_id, 1", "interaction_type = $type AND product_id IS NOT NULL")})
            GROUP BY product_id ORDER BY c DESC, product_id LIMIT {limit}
            """;
        return QueryAsync(connection, sql, range, DuckDbSchema.DayMs, r => new ProductCount(r.GetString(0), r.GetInt64(1)), cancellationToken, new DuckDBParameter("type", interactionType));
    }

    public async Task<FunnelCounts> FunnelAsync(DuckDBConnection connection, TimeRange range, CancellationToken cancellationToken)
    {
        var counts = await FunnelQueryAsync(
            connection,
            "SELECT count(*) FILTER (WHERE stages & 1 <> 0), count(*) FILTER (WHERE stages & 2 <> 0), count(*) FILTER (WHERE stages & 4 <> 0) FROM ({0})",
            range,
            r => new FunnelCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)),
            cancellationToken);
        return counts[0];
    }

    public async Task<FunnelUsers> FunnelUsersAsync(DuckDBConnection connection, TimeRange range, CancellationToken cancellationToken)
    {
        var users = await FunnelQueryAsync(connection, "SELECT user_id, stages FROM ({0}) WHERE stages <> 0", range, r => (User: r.GetString(0), Stages: r.GetByte(1)), cancellationToken);
        HashSet<string> With(int stage) => users.Where(u => (u.Stages & stage) != 0).Select(u => u.User).ToHashSet(StringComparer.Ordinal);
        return new FunnelUsers(With(1), With(2), With(4));
    }

    /// <summary>
    /// Runs <paramref name="outer"/> over each user's funnel stage bits in the range (<c>{0}</c>: columns user_id,
    /// stages). A range reaching past one day is answered from the day rollup alone: whole days by their bits, a
    /// leading partial day by the stages whose last time that day is at or after the start, a trailing one by those whose
    /// first time is before the end. A range inside one day reads its rows.
    /// </summary>
    private static Task<IReadOnlyList<T>> FunnelQueryAsync<T>(
        DuckDBConnection connection, string outer, TimeRange range, Func<System.Data.Common.DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var from = range.From.ToUnixTimeMilliseconds();
        var to = range.To.ToUnixTimeMilliseconds();
        var day = DuckDbSchema.DayMs;
        var wholeFrom = from < 0 ? 0 : (from + day - 1) / day * day;
        var wholeTo = to < 0 ? 0 : to / day * day;
        if (from < 0 || to <= from || wholeFrom > wholeTo)
        {
            return QueryAsync(connection, string.Format(CultureInfo.InvariantCulture, outer, RowEdgeFunnelStages()), range, day, read, cancellationToken);
        }

        var stages = $"""
            SELECT user_id, bit_or(stage) AS stages FROM (
                SELECT user_id, stages AS stage FROM rollup_funnel_day WHERE day_ms >= {wholeFrom} AND day_ms < {wholeTo}
                UNION ALL SELECT user_id, {StagesWhere("last", ">= $from")} FROM rollup_funnel_day WHERE day_ms = {wholeFrom - day} AND {(from < wholeFrom ? "true" : "false")}
                UNION ALL SELECT user_id, {StagesWhere("first", "< $to")} FROM rollup_funnel_day WHERE day_ms = {wholeTo} AND {(to > wholeTo ? "true" : "false")})
            GROUP BY user_id
            """;
        return DuckDbQueries.QueryAsync(connection, string.Format(CultureInfo.InvariantCulture, outer, stages), range, read, cancellationToken, []);
    }

    /// <summary>The stage bits of a day rollup row whose stage time column (<c>first</c> or <c>last</c>) meets <paramref name="condition"/>.</summary>
    private static string StagesWhere(string time, string condition) =>
        $"CAST((CASE WHEN view_{time} {condition} THEN 1 ELSE 0 END) | (CASE WHEN cart_{time} {condition} THEN 2 ELSE 0 END) | (CASE WHEN purchase_{time} {condition} THEN 4 ELSE 0 END) AS UTINYINT)";

    /// <summary>Each user's funnel stage bits over the range: rollup days plus the rows of the edges.</summary>
    private static string RowEdgeFunnelStages() => $"""
        SELECT user_id, bit_or(stage) AS stages FROM (
            SELECT user_id, stages AS stage FROM rollup_funnel_day WHERE {RollupSpan.Aligned("day_ms")}
            UNION ALL {RollupSpan.Edges($"user_id, CAST({DuckDbQueries.StageMask} AS UTINYINT)", "true")})
        GROUP BY user_id
        """;

    private static Task<IReadOnlyList<T>> QueryAsync<T>(
        DuckDBConnection connection, string sql, TimeRange range, long grainMs, Func<System.Data.Common.DbDataReader, T> read, CancellationToken cancellationToken, params DuckDBParameter[] parameters)
    {
        var span = RollupSpan.Of(range, grainMs);
        return DuckDbQueries.QueryAsync(
            connection, sql, range, read, cancellationToken, [new DuckDBParameter("aligned_from", span.AlignedFrom), new DuckDBParameter("aligned_to", span.AlignedTo), .. parameters]);
    }
}
