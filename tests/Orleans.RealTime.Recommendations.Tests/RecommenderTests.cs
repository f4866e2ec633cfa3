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

    [Fact]
    public void ASmallerSet_IsTheTopOfTheFullRanking_TiesByProductId()
    {
        using var h = Catalog(out var recent);

        var all = h.Recommender.Recommend(recent, new HashSet<string>(), limit: 1_000).Where(r => r.Reason != "trending").ToList();
        var top = h.Recommender.Recommend(recent, new HashSet<string>(), limit: 7);

        Assert.True(all.Count > 20, $"only {all.Count} candidates");
        Assert.Equal(all.OrderByDescending(r => r.Score).ThenBy(r => r.ProductId, StringComparer.Ordinal), all);
        Assert.Contains(all.Zip(all.Skip(1)), pair => pair.First.Score == pair.Second.Score);
        Assert.Equal(all.Take(7), top);

        // A limit far beyond the candidates sizes nothing by it.
        Assert.Equal(all, h.Recommender.Recommend(recent, new HashSet<string>(), limit: int.MaxValue).Where(r => r.Reason != "trending"));
    }

    [Fact]
    public void ACall_DoesNotCarryCandidatesOrExclusionsIntoTheNext()
    {
        using var h = Catalog(out var recent);
        List<ProductInteraction> other = [new("p-1", InteractionKind.View)];
        var excluded = new HashSet<string> { "p-2", "p-3" };

        // The expected sets, each computed on a thread of its own.
        var fresh = new[] { (recent, excluded), (other, new HashSet<string>()) }
            .Select(c => Task.Factory.StartNew(() => h.Recommender.Recommend(c.Item1, c.Item2, limit: 1_000), TaskCreationOptions.LongRunning).Result)
            .ToList();

        Assert.Equal(fresh[0], h.Recommender.Recommend(recent, excluded, limit: 1_000));
        Assert.Equal(fresh[1], h.Recommender.Recommend(other, new HashSet<string>(), limit: 1_000));
    }

    /// <summary>A model over 60 products in overlapping sessions, and a session that touched 5 of them.</summary>
    private static ModelHarness Catalog(out List<ProductInteraction> recent)
    {
        var h = new ModelHarness();
        for (var i = 0; i < 60; i += 3)
        {
            h.Learn(h.Session(InteractionKind.View, $"p-{i % 10}", $"p-{i}", $"p-{i + 1}", $"p-{i + 2}"));
            h.Learn(h.Session(InteractionKind.Cart, $"p-{i % 7}", $"p-{i + 1}"));
        }

        recent = [.. Enumerable.Range(0, 5).Select(i => new ProductInteraction($"p-{i}", InteractionKind.View))];
        return h;
    }
}
