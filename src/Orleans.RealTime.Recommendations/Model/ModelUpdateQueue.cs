using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Recommendations.Model;

/// <summary>
/// Where sessions hand their interactions to the model: a bounded in-memory queue drained in batches by
/// <see cref="ModelUpdater"/>, so learning never costs a grain call per event.
/// </summary>
public sealed class ModelUpdateQueue(IOptions<RecommendationOptions> options, RecommendationInstruments instruments)
{
    private readonly Channel<ModelUpdate> _channel = Channel.CreateBounded<ModelUpdate>(
        new BoundedChannelOptions(options.Value.MaxPendingUpdates)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        },
        _ => instruments.UpdateDropped());

    /// <summary>Queues <paramref name="update"/>; drops it (counted) when the queue is full.</summary>
    public void Enqueue(ModelUpdate update)
    {
        _channel.Writer.TryWrite(update);
    }

    internal ChannelReader<ModelUpdate> Reader => _channel.Reader;
}
