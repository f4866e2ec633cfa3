using Orleans.RealTime.Recommendations.Model;

namespace Orleans.RealTime.Recommendations.Tests;

public sealed class RecommenderTests
{
    [Fact]
    public void Neighbors_AreRecommendedWithTheirReason()
    {
        using var h = new ModelHarness();
        h.Learn(h.Session(InteractionKind.View, "A", "B"));
        h.Learn(h.Session(InteractionKind.Cart, "A", "C"));

        var recs = h.Recommender.Recommend([new ProductInteraction("A", InteractionKind.View)], new HashSet<string>());

        Assert.Equal(["C", "B"], recs.Select(r => r.ProductId));
        Assert.Equal(["co-cart of A", "co-view of A"], recs.Select(r => r.Reason));
    }

    [Fact]
    public void CartBoughtAndSessionProducts_AreNeverRecommended()
    {
        using var h = new ModelHarness();
        h.Learn(h.Session(InteractionKind.View, "A", "B", "C", "D"));

        var recs = h.Recommender.Recommend(
            [new ProductInteraction("A", InteractionKind.View), new ProductInteraction("B", InteractionKind.View)],
            new HashSet<string> { "C" });

        Assert.Equal(["D"], recs.Select(r => r.ProductId));
    }

    [Fact]
    public void TooFewNeighbors_AreFilledFromTrendingUpToTopN()
    {
        using var h = new ModelHarness(o => o.TopN = 3);
        h.Learn(h.Session(InteractionKind.View, "A", "B"));
        h.Learn(h.Session(InteractionKind.Purchase, "T1"));
        h.Learn(h.Session(InteractionKind.Cart, "T2"));

        var recs = h.Recommender.Recommend([new ProductInteraction("A", InteractionKind.View)], new HashSet<string>());

        Assert.Equal(["B", "T1", "T2"], recs.Select(r => r.ProductId));
        Assert.Equal(["co-view of A", "trending", "trending"], recs.Select(r => r.Reason));
        Assert.True(recs[0].Score > recs[1].Score);
    }

    [Fact]
    public void RecentSources_WeighMoreThanOlderOnes()
    {
        using var h = new ModelHarness();
        h.Learn(h.Session(InteractionKind.View, "old", "fromOld"));
        h.Learn(h.Session(InteractionKind.View, "recent", "fromRecent"));

        var recs = h.Recommender.Recommend(
            [new ProductInteraction("recent", InteractionKind.View), new ProductInteraction("old", InteractionKind.View)],
            new HashSet<string>());

        Assert.Equal(["fromRecent", "fromOld"], recs.Select(r => r.ProductId));
    }
}
