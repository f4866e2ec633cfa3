namespace Orleans.RealTime.Recommendations.Tests;

public sealed class ModelUpdaterTests
{
    [Fact]
    public async Task QueuedInteractions_AreLearnedInBatchesNotOneByOne()
    {
        using var h = new ModelHarness(o => o.MaxBatchSize = 1_000);
        var updates = Enumerable.Range(0, 5_000).SelectMany(i => h.Session(InteractionKind.View, "x" + (i % 50), "y" + (i % 50))).ToList();
        foreach (var update in updates)
        {
            h.Queue.Enqueue(update);
        }

        await h.Updater.StartAsync(CancellationToken.None);
        await Testing.Eventually.HoldsAsync(() => Task.FromResult(h.Total("realtime-recs-model-updates") == updates.Count), TimeSpan.FromSeconds(30), "every update learned");
        await h.Updater.StopAsync(CancellationToken.None);

        Assert.InRange(h.Total("realtime-recs-model-batches"), 10, 20);
        Assert.Equal("y7", Assert.Single(h.Model.NeighborsOf("x7")).ProductId);
    }
}
