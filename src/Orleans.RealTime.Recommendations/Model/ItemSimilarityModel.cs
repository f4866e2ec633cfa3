using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Recommendations.Model;

/// <summary>
/// The incremental item-to-item model: weighted co-occurrence of products within sessions, damped by the square root
/// of how often the neighbour occurs at all, so a product everyone touches does not become everyone's neighbour. One
/// writer applies batches (<see cref="Apply"/>); readers get each product's published top neighbours without locks.
/// A touched product is republished at most every <see cref="RecommendationOptions.RepublishInterval"/>; until then
/// it waits as pending (<see cref="PublishDue"/> publishes what is due).
/// </summary>
public sealed class ItemSimilarityModel(IOptions<RecommendationOptions> options, [FromKeyedServices(RealTimeClock.Key)] TimeProvider time)
{
    private const int RowLimitFactor = 4;
    private const int RowKeepFactor = 2;
    private static readonly Neighbor[] None = [];
    private readonly RecommendationOptions _options = options.Value;
    // The writer's own tables hold only the model's instance of each product id (Canonical), so they compare ids by
    // reference: an update touches up to ~70 entries, and hashing and comparing the characters each time made Apply
    // the busiest code of the event pipeline. Readers' lookups (_published) and canonicalization compare characters.
    private readonly Dictionary<string, Dictionary<string, PairScore>> _pairs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, long> _occurrences = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, Neighbor[]> _published = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _publishedAt = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _pending = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _productIds = new(StringComparer.Ordinal);
    private readonly List<string> _due = [];

    // The one writer's scratch space for ranking a row: no per-publish allocation but the published array.
    private Neighbor[] _ranking = new Neighbor[64];

    /// <summary>How many products have neighbours.</summary>
    public int ProductCount => _published.Count;

    /// <summary>How many touched products wait for their republication.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>How many pairs <paramref name="productId"/>'s row holds, published or not (bounded by 4 × MaxNeighbors).</summary>
    internal int PairCount(string productId) =>
        _productIds.TryGetValue(productId, out var product) && _pairs.TryGetValue(product, out var row) ? row.Count : 0;

    /// <summary>The top neighbours of <paramref name="productId"/>, best first; empty when it has none yet.</summary>
    public IReadOnlyList<Neighbor> NeighborsOf(string productId) =>
        _published.TryGetValue(productId, out var neighbors) ? neighbors : None;

    /// <summary>Applies a batch of updates, marks every product it touched pending and publishes the due ones (<see cref="PublishDue"/>). One writer at a time.</summary>
    public void Apply(IReadOnlyList<ModelUpdate> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var update in batch)
        {
            var product = Canonical(update.ProductId);
            _occurrences[product] = _occurrences.GetValueOrDefault(product) + 1;
            var window = Math.Min(update.Context.Count, _options.CoOccurrenceWindow);
            for (var i = 0; i < window; i++)
            {
                var context = update.Context[i];
                if (string.Equals(context.ProductId, product, StringComparison.Ordinal))
                {
                    continue;
                }

                var other = Canonical(context.ProductId);
                var kind = PairOf(update.Kind, context.Kind);
                var weight = WeightOf(kind);
                AddPair(product, other, kind, weight);
                AddPair(other, product, kind, weight);
                _pending.Add(product);
                _pending.Add(other);
            }
        }

        PublishDue();
    }

    /// <summary>Publishes every pending product never published yet or last published at least the republish interval ago. One writer at a time.</summary>
    public void PublishDue()
    {
        var now = time.GetTimestamp();
        var interval = _options.RepublishInterval;
        foreach (var product in _pending)
        {
            if (!_publishedAt.TryGetValue(product, out var at) || time.GetElapsedTime(at, now) >= interval)
            {
                _due.Add(product);
            }
        }

        foreach (var product in _due)
        {
            Publish(product);
            _publishedAt[product] = now;
            _pending.Remove(product);
        }

        _due.Clear();
    }

    /// <summary>
    /// The model's own instance of a product id. Every event decodes its ids into new strings; storing those in the
    /// model's long-lived rows made each new pair write a young string into an old array (work for every young-generation
    /// collection, and a string promoted per pair). The first instance seen is kept and reused. Not a bounded
    /// <c>NamePool</c>: past its capacity that hands back the caller's instance, and the writer's tables compare ids by
    /// reference, so every id must map to one instance (the model keeps a row per product anyway).
    /// </summary>
    private string Canonical(string productId)
    {
        if (_productIds.TryGetValue(productId, out var canonical))
        {
            return canonical;
        }

        _productIds.Add(productId);
        return productId;
    }

    internal static PairKind PairOf(InteractionKind a, InteractionKind b) => (InteractionKind)Math.Min((int)a, (int)b) switch
    {
        InteractionKind.Purchase => PairKind.CoPurchase,
        InteractionKind.Cart => PairKind.CoCart,
        _ => PairKind.CoView,
    };

    private double WeightOf(PairKind kind) => kind switch
    {
        PairKind.CoPurchase => _options.CoPurchaseWeight,
        PairKind.CoCart => _options.CoCartWeight,
        _ => _options.CoViewWeight,
    };

    private void AddPair(string from, string to, PairKind kind, double weight)
    {
        if (!_pairs.TryGetValue(from, out var row))
        {
            row = new Dictionary<string, PairScore>(ReferenceEqualityComparer.Instance);
            _pairs[from] = row;
        }

        var limit = _options.MaxNeighbors * RowLimitFactor;
        if (row.Count == limit / 4)
        {
            // A row this long will reach the limit: size it for the limit at once rather than through the doubling
            // steps (each a new entry array kept alive past young collections) to a capacity well above it.
            row.EnsureCapacity(limit + 1);
        }

        CollectionsMarshal.GetValueRefOrAddDefault(row, to, out var existed).Add(kind, weight);
        if (!existed && row.Count > limit)
        {
            Trim(row);
        }
    }

    /// <summary>
    /// Keeps a row's long tail bounded where it grows: down to <see cref="RowKeepFactor"/> × MaxNeighbors best pairs
    /// (ties broken by product id, so many pairs of equal weight cannot hold the row open). A bounded row stops
    /// resizing, which made its entry arrays the largest share of what survived young-generation collections.
    /// </summary>
    private void Trim(Dictionary<string, PairScore> row)
    {
        var count = Rank(row);
        for (var i = _options.MaxNeighbors * RowKeepFactor; i < count; i++)
        {
            row.Remove(_ranking[i].ProductId);
        }
    }

    /// <summary>Fills the scratch ranking with the row's pairs, best first; returns how many.</summary>
    private int Rank(Dictionary<string, PairScore> row)
    {
        if (_ranking.Length < row.Count)
        {
            _ranking = new Neighbor[Math.Max(row.Count, _ranking.Length * 2)];
        }

        var count = 0;
        foreach (var (other, score) in row)
        {
            _ranking[count++] = new Neighbor(other, score.Total / Math.Sqrt(Math.Max(1, _occurrences.GetValueOrDefault(other))), score.Dominant);
        }

        Array.Sort(_ranking, 0, count, NeighborRanking.Instance);
        return count;
    }

    private void Publish(string product)
    {
        var count = Rank(_pairs[product]);
        _published[product] = _ranking.AsSpan(0, Math.Min(count, _options.MaxNeighbors)).ToArray();
    }
}
