using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Recommendations;

namespace Orleans.RealTime.Sessions;

/// <summary>One user's live session, keyed by user_id, fed by the events stream.</summary>
public interface IUserSessionGrain : IGrainWithStringKey
{
    /// <summary>The open session (an empty one when the user has none); counts as activity for the TTL.</summary>
    Task<SessionSnapshot> GetSessionAsync();

    /// <summary>The latest recommendations, computed now when the session has none yet.</summary>
    Task<RecommendationSnapshot> GetRecommendationsAsync(int limit);

    /// <summary>Subscribes or renews <paramref name="observer"/> for <see cref="SessionOptions.WatchLease"/>.</summary>
    Task WatchAsync(IRecommendationObserver observer);

    /// <summary>Ends the subscription of <paramref name="observer"/>.</summary>
    Task UnwatchAsync(IRecommendationObserver observer);

    /// <summary>Applies an event that did not come through the stream (no Kafka offset), e.g. a replay or a tool.</summary>
    Task ApplyAsync(UserInteraction evt);
}
