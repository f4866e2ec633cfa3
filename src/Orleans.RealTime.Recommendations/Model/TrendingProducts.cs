using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Recommendations.Model;

/// <summary>
/// Products scored by interactions with exponential time decay (half-life <see cref="RecommendationOptions.TrendingHalfLife"/>).
/// Scores are stored scaled to a fixed reference time, so an untouched product's stored score never changes and the top
/// list only needs the previous top plus the products a batch touched. One writer; readers get the published top.
/// </summary>
public sealed class TrendingProducts(IOptions<RecommendationOptions> options, [FromKeyedServices(RealTimeClock.Key)] TimeProvider time)
{
    private const double MaxExponent = 60;
    private readonly RecommendationOptions _options = options.Value;
    private readonly Dictionary<string, double> _scaled = new(StringComparer.Ordinal);
    private DateTimeOffset? _reference;
    private TrendingProduct[] _published = [];

    /// <summary>The trending products, best first, with their decayed scores as of the last batch.</summary>
    public IReadOnlyList<TrendingProduct> Top => _published;

    /// <summary>Adds the batch's interactions and republishes the top list. One writer at a time.</summary>
    public void Apply(IReadOnlyList<ModelUpdate> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var now = time.GetUtcNow();
        _reference ??= now;
        if (Exponent(now) > MaxExponent)
        {
            Rebase(now);
        }

        var factor = Math.Pow(2, Exponent(now));
        var candidates = new HashSet<string>(_published.Select(p => p.ProductId), StringComparer.Ordinal);
        foreach (var update in batch)
        {
            _scaled[update.ProductId] = _scaled.GetValueOrDefault(update.ProductId) + (WeightOf(update.Kind) * factor);
            candidates.Add(update.ProductId);
        }

        _published = candidates
            .Select(p => new TrendingProduct(p, _scaled[p] / factor))
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.ProductId, StringComparer.Ordinal)
            .Take(_options.TrendingSize)
            .ToArray();
    }

    private static double WeightOf(InteractionKind kind) => kind switch
    {
        InteractionKind.Purchase => 4,
        InteractionKind.Cart => 2,
        _ => 1,
    };

    private double Exponent(DateTimeOffset now) => (now - _reference!.Value) / _options.TrendingHalfLife;

    private void Rebase(DateTimeOffset now)
    {
        var scale = Math.Pow(2, -Exponent(now));
        foreach (var key in _scaled.Keys.ToList())
        {
            _scaled[key] *= scale;
        }

        _reference = now;
    }
}
