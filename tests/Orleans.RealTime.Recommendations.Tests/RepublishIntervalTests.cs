namespace Orleans.RealTime.Recommendations.Tests;

/// <summary>A product's neighbours are republished at most every <see cref="RecommendationOptions.RepublishInterval"/>.</summary>
public sealed class RepublishIntervalTests
{
    [Fact]
    public void FirstNeighbours_ArePublishedAtOnce_LaterChangesWaitForTheInterval()
    {
        using var h = new ModelHarness(o => o.RepublishInterval = TimeSpan.FromSeconds(1));
        h.Learn(h.Session(InteractionKind.View, "A", "B"));
        Assert.Equal(["B"], h.Model.NeighborsOf("A").Select(n => n.ProductId));

        h.Learn(h.Session(InteractionKind.Purchase, "A", "C"));
        h.Time.Advance(TimeSpan.FromMilliseconds(999));
        h.Model.PublishDue();

        Assert.Equal(["B"], h.Model.NeighborsOf("A").Select(n => n.ProductId));
        Assert.Equal("A", Assert.Single(h.Model.NeighborsOf("C")).ProductId);
        Assert.Equal(1, h.Model.PendingCount);

        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        h.Model.PublishDue();

        Assert.Equal(["C", "B"], h.Model.NeighborsOf("A").Select(n => n.ProductId));
        Assert.Equal(0, h.Model.PendingCount);
    }

    [Fact]
    public async Task Updater_PublishesAPendingProduct_WithoutAnotherUpdate()
    {
        using var h = new ModelHarness(o => o.RepublishInterval = TimeSpan.FromMilliseconds(50));
        await h.Updater.StartAsync(CancellationToken.None);
        try
        {
            foreach (var update in h.Session(InteractionKind.View, "A", "B"))
            {
                h.Queue.Enqueue(update);
            }

            await Testing.Eventually.HoldsAsync(() => Task.FromResult(h.Model.NeighborsOf("A").Count == 1), TimeSpan.FromSeconds(30), "A's first neighbour published");
            foreach (var update in h.Session(InteractionKind.Purchase, "A", "C"))
            {
                h.Queue.Enqueue(update);
            }

            await Testing.Eventually.HoldsAsync(() => Task.FromResult(h.Model.PendingCount == 1), TimeSpan.FromSeconds(30), "A's change pending");
            h.Time.Advance(TimeSpan.FromMilliseconds(50));

            await Testing.Eventually.HoldsAsync(
                () => Task.FromResult(h.Model.NeighborsOf("A").Select(n => n.ProductId).SequenceEqual(["C", "B"])),
                TimeSpan.FromSeconds(30),
                "A republished by the updater once due, with no update after");
        }
        finally
        {
            await h.Updater.StopAsync(CancellationToken.None);
        }
    }
}
