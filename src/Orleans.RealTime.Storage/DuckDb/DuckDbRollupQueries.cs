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
        var sql = $"""
            SELECT count(*) FILTER (WHERE stages & 1 <> 0), count(*) FILTER (WHERE stages & 2 <> 0), count(*) FILTER (WHERE stages & 4 <> 0)
            FROM ({FunnelStages()})
            """;
        var counts = await QueryAsync(connection, sql, range, DuckDbSchema.DayMs, r => new FunnelCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken);
        return counts[0];
    }

    public async Task<FunnelUsers> FunnelUsersAsync(DuckDBConnection connection, TimeRange range, CancellationToken cancellationToken)
    {
        var users = await QueryAsync(connection, $"SELECT user_id, stages FROM ({FunnelStages()}) WHERE stages <> 0", range, DuckDbSchema.DayMs, r => (User: r.GetString(0), Stages: r.GetByte(1)), cancellationToken);
        HashSet<string> With(int stage) => users.Where(u => (u.Stages & stage) != 0).Select(u => u.User).ToHashSet(StringComparer.Ordinal);
        return new FunnelUsers(With(1), With(2), With(4));
    }

    /// <summary>Each user's funnel stage bits over the range: rollup days plus the rows of the edges.</summary>
    private static string FunnelStages() => $"""
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
