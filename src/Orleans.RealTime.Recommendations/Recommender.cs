using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Recommendations.Model;

namespace Orleans.RealTime.Recommendations;

/// <summary>
/// Turns a session's recent products into top-N recommendations: neighbours from the item model, weighted by how
/// recent the source product is, then trending products to fill the set. Products the session already has (viewed,
/// in the cart, bought) are never recommended.
/// </summary>
public sealed class Recommender(
    ItemSimilarityModel model,
    TrendingProducts trending,
    RecommendationInstruments instruments,
    IOptions<RecommendationOptions> options)
{
    private readonly RecommendationOptions _options = options.Value;

    /// <summary>The configured set size.</summary>
    public int DefaultLimit => _options.TopN;

    /// <summary>Recommends at most <paramref name="limit"/> products (the configured top N when null).</summary>
    /// <param name="recent">The session's products, most recent first.</param>
    /// <param name="excluded">Further products never to recommend (cart, purchases).</param>
    /// <param name="limit">Set size; the configured top N when null.</param>
    public IReadOnlyList<RecommendedProduct> Recommend(IReadOnlyList<ProductInteraction> recent, IReadOnlySet<string> excluded, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(recent);
        ArgumentNullException.ThrowIfNull(excluded);
        var size = Math.Max(0, limit ?? _options.TopN);

        // Up to CoOccurrenceWindow × MaxNeighbors candidates (500 by default): a fresh set, dictionary and sort per
        // call allocated ~25 KB. The thread's scratch is reused instead; the method never awaits, so no other call
        // on the thread can see it mid-use.
        var scratch = t_scratch ??= new Scratch();
        try
        {
            var seen = scratch.Seen;
            for (var i = 0; i < recent.Count; i++)
            {
                seen.Add(recent[i].ProductId);
            }

            foreach (var product in excluded)
            {
                seen.Add(product);
            }

            var candidates = scratch.Candidates;
            var window = Math.Min(recent.Count, _options.CoOccurrenceWindow);
            for (var i = 0; i < window; i++)
            {
                var source = recent[i].ProductId;
                var recency = 1.0 / (1 + i);
                var neighbors = model.NeighborsOf(source);
                for (var n = 0; n < neighbors.Count; n++)
                {
                    var neighbor = neighbors[n];
                    if (seen.Contains(neighbor.ProductId))
                    {
                        continue;
                    }

                    var contribution = recency * neighbor.Score;
                    ref var candidate = ref CollectionsMarshal.GetValueRefOrAddDefault(candidates, neighbor.ProductId, out _);
                    candidate = candidate.Add(contribution, source, neighbor.Reason);
                }
            }

            // At most as many as there are candidates, so a large limit never sizes the scratch beyond them.
            var capacity = Math.Min(size, candidates.Count);
            var top = scratch.Top(capacity);
            var count = SelectTop(candidates, top, capacity);
            var result = new List<RecommendedProduct>(count);
            for (var i = 0; i < count; i++)
            {
                result.Add(new RecommendedProduct(top[i].Key, top[i].Value.Score, top[i].Value.Reason));
            }

            if (result.Count < size)
            {
                FillFromTrending(result, seen, size);
            }

            instruments.SetComputed();
            return result;
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>
    /// Puts the best <paramref name="capacity"/> candidates into <paramref name="top"/>, best first (higher score, then product id), as a full
    /// sort would order them; returns how many.
    /// </summary>
    private static int SelectTop(Dictionary<string, Candidate> candidates, KeyValuePair<string, Candidate>[] top, int capacity)
    {
        var count = 0;
        if (capacity == 0)
        {
            return 0;
        }

        foreach (var candidate in candidates)
        {
            if (count == capacity && !Outranks(candidate, top[capacity - 1]))
            {
                continue;
            }

            var at = count < capacity ? count++ : capacity - 1;
            for (; at > 0 && Outranks(candidate, top[at - 1]); at--)
            {
                top[at] = top[at - 1];
            }

            top[at] = candidate;
        }

        return count;
    }

    private static bool Outranks(KeyValuePair<string, Candidate> a, KeyValuePair<string, Candidate> b) =>
        a.Value.Score > b.Value.Score || (a.Value.Score == b.Value.Score && string.CompareOrdinal(a.Key, b.Key) < 0);

    /// <summary>The trending-only baseline: the top trending products not in <paramref name="excluded"/>.</summary>
    public IReadOnlyList<RecommendedProduct> Trending(IReadOnlySet<string> excluded, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        var result = new List<RecommendedProduct>();
        FillFromTrending(result, excluded, limit ?? _options.TopN);
        return result;
    }

    private void FillFromTrending(List<RecommendedProduct> result, IReadOnlySet<string> seen, int size)
    {
        foreach (var product in trending.Top)
        {
            if (result.Count >= size)
            {
                break;
            }

            if (!seen.Contains(product.ProductId) && result.TrueForAll(r => !string.Equals(r.ProductId, product.ProductId, StringComparison.Ordinal)))
            {
                // Trending scores rank below any co-occurrence evidence: they only fill the set.
                result.Add(new RecommendedProduct(product.ProductId, product.Score / (1 + product.Score) * 1e-3, "trending"));
            }
        }
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>One thread's working collections for <see cref="Recommend"/>, empty between calls.</summary>
    private sealed class Scratch
    {
        private KeyValuePair<string, Candidate>[] _top = [];

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Candidate> Candidates { get; } = new(StringComparer.Ordinal);

        /// <summary>Room for at least <paramref name="size"/> ranked candidates.</summary>
        public KeyValuePair<string, Candidate>[] Top(int size)
        {
            if (_top.Length < size)
            {
                _top = new KeyValuePair<string, Candidate>[Math.Max(size, _top.Length * 2)];
            }

            return _top;
        }

        public void Clear()
        {
            Seen.Clear();
            Candidates.Clear();
            Array.Clear(_top);
        }
    }

    private readonly record struct Candidate(double Score, double BestContribution, string BestSource, PairKind BestKind)
    {
        public string Reason => BestKind switch
        {
            PairKind.CoPurchase => $"co-purchase of {BestSource}",
            PairKind.CoCart => $"co-cart of {BestSource}",
            _ => $"co-view of {BestSource}",
        };

        public Candidate Add(double contribution, string source, PairKind kind) =>
            contribution > BestContribution
                ? new Candidate(Score + contribution, contribution, source, kind)
                : this with { Score = Score + contribution };
    }
}
