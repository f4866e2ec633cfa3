using Orleans.RealTime.Recommendations.Model;

namespace Orleans.RealTime.Recommendations.Tests;

public sealed class ItemSimilarityModelTests
{
    [Fact]
    public void CoPurchase_OutweighsMoreFrequentCoViews()
    {
        using var h = new ModelHarness();
        h.Learn(h.Session(InteractionKind.View, "A", "B"));
        h.Learn(h.Session(InteractionKind.View, "A", "B"));
        h.Learn(h.Session(InteractionKind.Purchase, "A", "C"));

        var neighbors = h.Model.NeighborsOf("A");

        Assert.Equal(["C", "B"], neighbors.Select(n => n.ProductId));
        Assert.Equal((5.0, PairKind.CoPurchase), (neighbors[0].Score, neighbors[0].Reason));
        Assert.Equal((2.0 / Math.Sqrt(2), PairKind.CoView), (neighbors[1].Score, neighbors[1].Reason));
        Assert.Equal("A", Assert.Single(h.Model.NeighborsOf("C")).ProductId);
    }

    [Fact]
    public void PopularNeighbors_AreDampedByHowOftenTheyOccur()
    {
        using var h = new ModelHarness();
        for (var i = 0; i < 20; i++)
        {
            h.Learn(h.Session(InteractionKind.View, "x" + i, "popular"));
        }

        h.Learn(h.Session(InteractionKind.View, "A", "planted"));
        h.Learn(h.Session(InteractionKind.View, "A", "planted"));
        h.Learn(h.Session(InteractionKind.View, "A", "popular"));
        h.Learn(h.Session(InteractionKind.View, "A", "popular"));
        h.Learn(h.Session(InteractionKind.View, "A", "popular"));

        Assert.Equal("planted", h.Model.NeighborsOf("A")[0].ProductId);
    }

    [Fact]
    public void PairKind_IsTheWeakerOfTheTwoInteractions()
    {
        Assert.Equal(PairKind.CoCart, ItemSimilarityModel.PairOf(InteractionKind.Cart, InteractionKind.Purchase));
        Assert.Equal(PairKind.CoView, ItemSimilarityModel.PairOf(InteractionKind.Click, InteractionKind.Purchase));
        Assert.Equal(PairKind.CoPurchase, ItemSimilarityModel.PairOf(InteractionKind.Purchase, InteractionKind.Purchase));
    }

    [Fact]
    public void Neighbors_AreBoundedByMaxNeighbors()
    {
        using var h = new ModelHarness(o => o.MaxNeighbors = 3);
        for (var i = 0; i < 20; i++)
        {
            h.Learn(h.Session(InteractionKind.View, "hub", "p" + i));
        }

        Assert.Equal(3, h.Model.NeighborsOf("hub").Count);
    }

    [Fact]
    public void Rows_StayBoundedEvenWhenEveryPairWeighsTheSame()
    {
        using var h = new ModelHarness(o => o.MaxNeighbors = 3);
        h.Learn(h.Session(InteractionKind.Purchase, "hub", "strong"));
        for (var i = 0; i < 200; i++)
        {
            h.Learn(h.Session(InteractionKind.View, "hub", "p" + i));
        }

        // Every tail pair weighs 1: a cut by weight alone would keep them all.
        Assert.InRange(h.Model.PairCount("hub"), 3, 12);
        Assert.Equal("strong", h.Model.NeighborsOf("hub")[0].ProductId);
        Assert.Equal(3, h.Model.NeighborsOf("hub").Count);
    }

    [Fact]
    public void ProductIds_AreKeptAsTheFirstInstanceSeen_NotEachEventsCopy()
    {
        using var h = new ModelHarness();
        var first = new string("hub".AsSpan());
        h.Learn(h.Session(InteractionKind.View, first, "x"));
        h.Learn(h.Session(InteractionKind.View, new string("hub".AsSpan()), "y"));

        // Each event decodes its own strings; the model's rows hold one instance per product.
        Assert.All(new[] { "x", "y" }, p => Assert.Same(first, Assert.Single(h.Model.NeighborsOf(p)).ProductId));
    }

    [Fact]
    public void CopiesOfAProductId_CountAsOneProduct()
    {
        using var h = new ModelHarness();
        h.Learn(h.Session(InteractionKind.View, Copy("a"), Copy("b")));
        var once = Assert.Single(h.Model.NeighborsOf("b")).Score;

        h.Learn(h.Session(InteractionKind.View, Copy("a"), Copy("b")));

        // Two co-views over two occurrences of "a": 2 / sqrt(2) against 1 / sqrt(1).
        Assert.Equal(1, h.Model.PairCount(Copy("a")));
        Assert.Equal(Math.Sqrt(2) * once, Assert.Single(h.Model.NeighborsOf("b")).Score, 9);
    }

    [Fact]
    public void CoOccurrenceWindow_LimitsHowFarBackAnInteractionPairs()
    {
        using var h = new ModelHarness(o => o.CoOccurrenceWindow = 2);
        h.Learn(h.Session(InteractionKind.View, "A", "B", "C", "D"));

        Assert.DoesNotContain(h.Model.NeighborsOf("D"), n => n.ProductId == "A");
        Assert.Contains(h.Model.NeighborsOf("D"), n => n.ProductId == "B");
    }

    private static string Copy(string productId) => new(productId.AsSpan());
}
