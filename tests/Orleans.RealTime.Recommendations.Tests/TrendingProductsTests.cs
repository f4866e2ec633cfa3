namespace Orleans.RealTime.Recommendations.Tests;

public sealed class TrendingProductsTests
{
    [Fact]
    public void OlderInteractions_DecayByTheHalfLife()
    {
        using var h = new ModelHarness(o => o.TrendingHalfLife = TimeSpan.FromMinutes(30));
        h.Learn(h.Session(InteractionKind.View, "old", "old", "old", "old"));

        h.Time.Advance(TimeSpan.FromHours(1));
        h.Learn(h.Session(InteractionKind.View, "new", "new"));

        var top = h.Trending.Top;
        Assert.Equal(["new", "old"], top.Select(t => t.ProductId));
        Assert.Equal(2.0, top[0].Score, precision: 6);
        Assert.Equal(1.0, top[1].Score, precision: 6);
    }

    [Fact]
    public void Purchases_WeighMoreThanViews()
    {
        using var h = new ModelHarness();
        h.Learn(h.Session(InteractionKind.View, "viewed", "viewed", "viewed"));
        h.Learn(h.Session(InteractionKind.Purchase, "bought"));

        Assert.Equal("bought", h.Trending.Top[0].ProductId);
    }

    [Fact]
    public void Scores_StayFiniteOverManyHalfLives()
    {
        using var h = new ModelHarness(o => o.TrendingHalfLife = TimeSpan.FromMinutes(1));
        h.Learn(h.Session(InteractionKind.View, "a"));
        h.Time.Advance(TimeSpan.FromDays(2));
        h.Learn(h.Session(InteractionKind.View, "b"));

        Assert.All(h.Trending.Top, t => Assert.True(double.IsFinite(t.Score)));
        Assert.Equal("b", h.Trending.Top[0].ProductId);
        Assert.Equal(1.0, h.Trending.Top[0].Score, precision: 6);
    }
}
