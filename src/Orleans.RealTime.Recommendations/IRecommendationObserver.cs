using Orleans.Concurrency;

namespace Orleans.RealTime.Recommendations;

/// <summary>Receives each new recommendation set of a watched user.</summary>
public interface IRecommendationObserver : IGrainObserver
{
    /// <summary>Called with each newly computed set; one-way, so a slow watcher never slows the session.</summary>
    [OneWay]
    Task OnRecommendationsAsync(RecommendationSnapshot snapshot);
}
