using Orleans.RealTime.Recommendations;

namespace Orleans.RealTime.Sessions;

/// <summary>The observers watching one session's recommendations, each with a lease its watcher renews.</summary>
internal sealed class RecommendationWatchers(TimeSpan lease)
{
    // Created by the first watcher: most sessions are never watched.
    private Dictionary<IRecommendationObserver, long>? _expiries;

    public int Count => _expiries?.Count ?? 0;

    public void Renew(IRecommendationObserver observer) => (_expiries ??= [])[observer] = Environment.TickCount64 + (long)lease.TotalMilliseconds;

    public void Remove(IRecommendationObserver observer) => _expiries?.Remove(observer);

    /// <summary>Pushes <paramref name="snapshot"/> to every watcher whose lease holds; drops the others.</summary>
    public void Notify(RecommendationSnapshot snapshot)
    {
        if (_expiries is null)
        {
            return;
        }

        var now = Environment.TickCount64;
        List<IRecommendationObserver>? expired = null;
        foreach (var (observer, expiry) in _expiries)
        {
            if (expiry < now)
            {
                (expired ??= []).Add(observer);
                continue;
            }

            // One-way call: completes at once, a slow or gone watcher never blocks the session.
            _ = observer.OnRecommendationsAsync(snapshot);
        }

        expired?.ForEach(o => _expiries.Remove(o));
    }
}
