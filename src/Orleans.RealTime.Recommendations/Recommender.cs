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
        var size = limit ?? _options.TopN;
        var seen = new HashSet<string>(recent.Select(r => r.ProductId), StringComparer.Ordinal);
        seen.UnionWith(excluded);
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var window = Math.Min(recent.Count, _options.CoOccurrenceWindow);
        for (var i = 0; i < window; i++)
        {
            var source = recent[i].ProductId;
            var recency = 1.0 / (1 + i);
            foreach (var neighbor in model.NeighborsOf(source))
            {
                if (seen.Contains(neighbor.ProductId))
                {
                    continue;
                }

                var contribution = recency * neighbor.Score;
                ref var candidate = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(candidates, neighbor.ProductId, out _);
                candidate = candidate.Add(contribution, source, neighbor.Reason);
            }
        }

        var result = candidates
            .OrderByDescending(c => c.Value.Score)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(size)
            .Select(c => new RecommendedProduct(c.Key, c.Value.Score, c.Value.Reason))
            .ToList();
        if (result.Count < size)
        {
            FillFromTrending(result, seen, size);
        }

        instruments.SetComputed();
        return result;
    }

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
