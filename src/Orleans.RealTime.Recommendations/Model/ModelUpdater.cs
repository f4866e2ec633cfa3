using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Recommendations.Model;

/// <summary>
/// The model's one writer: drains <see cref="ModelUpdateQueue"/> in batches of up to
/// <see cref="RecommendationOptions.MaxBatchSize"/>, waiting at most <see cref="RecommendationOptions.FlushInterval"/>
/// once the first update of a batch arrived, and applies each batch to the item model and trending; between batches it
/// publishes the model's products whose republication fell due.
/// </summary>
public sealed class ModelUpdater(
    ModelUpdateQueue queue,
    ItemSimilarityModel model,
    TrendingProducts trending,
    RecommendationInstruments instruments,
    IOptions<RecommendationOptions> options) : BackgroundService
{
    private readonly RecommendationOptions _options = options.Value;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ModelUpdate>(_options.MaxBatchSize);
        var reader = queue.Reader;
        try
        {
            while (await WaitForUpdatesAsync(reader, stoppingToken))
            {
                using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                window.CancelAfter(_options.FlushInterval);
                await FillAsync(reader, batch, window.Token);
                ApplyBatch(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is queued is learned again from the next sessions.
        }
    }

    /// <summary>Applies <paramref name="batch"/> now; the updater's loop calls this for each batch.</summary>
    internal void ApplyBatch(IReadOnlyList<ModelUpdate> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        model.Apply(batch);
        trending.Apply(batch);
        instruments.BatchApplied(batch.Count);
    }

    /// <summary>
    /// Waits for the next update; while products wait for their republication, wakes up every republish interval
    /// to publish the due ones, so a product touched last is published even when no update follows.
    /// </summary>
    private async Task<bool> WaitForUpdatesAsync(System.Threading.Channels.ChannelReader<ModelUpdate> reader, CancellationToken stoppingToken)
    {
        while (model.PendingCount > 0)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(_options.RepublishInterval);
            try
            {
                return await reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                model.PublishDue();
            }
        }

        return await reader.WaitToReadAsync(stoppingToken);
    }

    private async Task FillAsync(System.Threading.Channels.ChannelReader<ModelUpdate> reader, List<ModelUpdate> batch, CancellationToken window)
    {
        try
        {
            while (batch.Count < _options.MaxBatchSize)
            {
                while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var update))
                {
                    batch.Add(update);
                }

                if (batch.Count >= _options.MaxBatchSize || !await reader.WaitToReadAsync(window))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            // The flush interval passed: apply what arrived.
        }
    }
}
