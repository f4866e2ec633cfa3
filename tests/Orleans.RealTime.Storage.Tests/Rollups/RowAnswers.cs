namespace Orleans.RealTime.Storage.Tests.Rollups;

/// <summary>
/// The typed query answers computed in memory from the rows a store should hold (first write of each
/// (event id, line) wins), as the oracle for the DuckDB rollups.
/// </summary>
internal sealed class RowAnswers(IEnumerable<EventRow> written)
{
    private readonly IReadOnlyList<EventRow> _rows = [.. written.DistinctBy(r => (r.EventId, r.Line))];

    public RowAnswers Without(DateOnly day) => new(_rows.Where(r => StorageDays.Of(r.Time) != day));

    public IReadOnlyList<EventCountBucket> CountEvents(TimeRange range, TimeSpan bucket)
    {
        var bucketMs = (long)bucket.TotalMilliseconds;
        return
        [
            .. In(range)
                .Where(r => r.Line == 0)
                .GroupBy(r => (Bucket: r.Time.ToUnixTimeMilliseconds() / bucketMs * bucketMs, Type: r.InteractionType))
                .OrderBy(g => g.Key.Bucket).ThenBy(g => g.Key.Type, StringComparer.Ordinal)
                .Select(g => new EventCountBucket(DateTimeOffset.FromUnixTimeMilliseconds(g.Key.Bucket), g.Key.Type, g.LongCount())),
        ];
    }

    public IReadOnlyList<ProductCount> TopProducts(TimeRange range, string type, int limit) =>
    [
        .. In(range)
            .Where(r => r.InteractionType == type && r.ProductId is not null)
            .GroupBy(r => r.ProductId!)
            .Select(g => new ProductCount(g.Key, g.LongCount()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.ProductId, StringComparer.Ordinal)
            .Take(limit),
    ];

    public FunnelUsers FunnelUsers(TimeRange range)
    {
        var rows = In(range).ToList();
        HashSet<string> Users(Func<EventRow, bool> stage) => rows.Where(stage).Select(r => r.UserId).ToHashSet(StringComparer.Ordinal);
        return new FunnelUsers(
            Users(r => r.InteractionType == InteractionTypes.ProductClick || (r.InteractionType == InteractionTypes.PageView && r.ProductId is not null)),
            Users(r => r.InteractionType == InteractionTypes.AddToCart),
            Users(r => r.InteractionType == InteractionTypes.Purchase));
    }

    private IEnumerable<EventRow> In(TimeRange range) => _rows.Where(r => r.Time >= range.From && r.Time < range.To);
}
