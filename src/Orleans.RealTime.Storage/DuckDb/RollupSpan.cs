namespace Orleans.RealTime.Storage;

/// <summary>
/// A query range in epoch milliseconds split at a rollup grain: whole grains [<see cref="AlignedFrom"/>,
/// <see cref="AlignedTo"/>) answer from the rollup, the partial edges [<see cref="From"/>, AlignedFrom) and
/// [AlignedTo, <see cref="To"/>) from the rows. Without a whole grain inside, the aligned part is empty and the
/// first edge is the whole range.
/// </summary>
internal readonly record struct RollupSpan(long From, long AlignedFrom, long AlignedTo, long To)
{
    public static RollupSpan Of(TimeRange range, long grainMs)
    {
        var from = range.From.ToUnixTimeMilliseconds();
        var to = range.To.ToUnixTimeMilliseconds();
        var alignedFrom = Math.Max(0, from + grainMs - 1) / grainMs * grainMs;
        var alignedTo = Math.Max(0, to) / grainMs * grainMs;
        return from < 0 || alignedFrom >= alignedTo ? new RollupSpan(from, to, to, to) : new RollupSpan(from, alignedFrom, alignedTo, to);
    }

    /// <summary>
    /// SQL selecting <paramref name="columns"/> from the events of both edges that match <paramref name="filter"/>;
    /// two plain time ranges so that DuckDB prunes row groups by their time zone maps.
    /// </summary>
    public static string Edges(string columns, string filter) => $"""
        SELECT {columns} FROM events WHERE time_ms >= $from AND time_ms < $aligned_from AND {filter}
        UNION ALL SELECT {columns} FROM events WHERE time_ms >= $aligned_to AND time_ms < $to AND {filter}
        """;

    /// <summary>Rollup rows whose grain start column <paramref name="column"/> lies in the aligned part.</summary>
    public static string Aligned(string column) => $"{column} >= $aligned_from AND {column} < $aligned_to";
}
