using System.Threading.Channels;
using Orleans.RealTime.Recommendations;

namespace Orleans.RealTime.Gateway.Grpc;

/// <summary>
/// One <c>WatchRecommendations</c> call's observer: the session grain pushes new sets into a small buffer that
/// keeps only the newest sets when the client reads slower than sets arrive.
/// </summary>
internal sealed class RecommendationWatch : IRecommendationObserver
{
    private readonly Channel<RecommendationSnapshot> _sets = Channel.CreateBounded<RecommendationSnapshot>(
        new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<RecommendationSnapshot> Sets => _sets.Reader;

    public Task OnRecommendationsAsync(RecommendationSnapshot snapshot)
    {
        _sets.Writer.TryWrite(snapshot);
        return Task.CompletedTask;
    }
}
