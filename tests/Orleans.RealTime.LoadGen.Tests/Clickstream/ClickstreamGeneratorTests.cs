using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Contracts.Validation;
using Orleans.RealTime.LoadGen.Clickstream;

namespace Orleans.RealTime.LoadGen.Tests.Clickstream;

public sealed class ClickstreamGeneratorTests
{
    private const int Events = 50_000;

    private static List<GeneratedEvent> Generate(ClickstreamSettings settings)
    {
        var generator = new ClickstreamGenerator(settings);
        return [.. Enumerable.Range(0, Events).Select(_ => generator.Next())];
    }

    [Fact]
    public void Events_AreValidAndKeyedByTheirUser()
    {
        var events = Generate(new ClickstreamSettings(Users: 500, Products: 1_000));

        Assert.All(events.Take(5_000), e => Assert.True(UserInteractionValidator.Default.Validate(e.Event).IsValid));
        Assert.Equal(Events, events.Select(e => e.Event.EventId).Distinct().Count());
        Assert.Equal(500, events.Select(e => e.Event.UserId).Distinct().Count());
    }

    [Fact]
    public void DuplicateAndOutOfOrderFractions_AreAsConfigured()
    {
        var events = Generate(new ClickstreamSettings(Users: 500, DuplicateFraction: 0.05, OutOfOrderFraction: 0.1));
        var outOfOrder = events.GroupBy(e => e.Event.UserId)
            .Sum(g => g.Zip(g.Skip(1)).Count(p => p.Second.Event.Timestamp < p.First.Event.Timestamp));

        Assert.InRange(events.Count(e => e.SendTwice) / (double)Events, 0.04, 0.06);
        Assert.InRange(outOfOrder / (double)Events, 0.07, 0.13);
    }

    [Fact]
    public void Funnel_CartsFollowViewsAndPurchasesBuyTheCart()
    {
        var events = Generate(new ClickstreamSettings(Users: 200)).Select(e => e.Event).ToList();

        foreach (var session in events.GroupBy(e => e.SessionId))
        {
            var viewed = new HashSet<string>();
            var carted = new HashSet<string>();
            foreach (var e in session)
            {
                switch (e.InteractionTypeCase)
                {
                    case UserInteraction.InteractionTypeOneofCase.PageView:
                        viewed.Add(e.PageView.ProductId);
                        break;
                    case UserInteraction.InteractionTypeOneofCase.AddToCart:
                        Assert.Contains(e.AddToCart.ProductId, viewed);
                        carted.Add(e.AddToCart.ProductId);
                        break;
                    case UserInteraction.InteractionTypeOneofCase.Purchase:
                        Assert.Subset(carted, e.Purchase.Items.Select(i => i.ProductId).ToHashSet());
                        Assert.Equal(e.Purchase.Items.Sum(i => i.UnitPriceMinor * i.Quantity), e.Purchase.TotalMinor);
                        break;
                }
            }
        }

        Assert.Contains(events, e => e.InteractionTypeCase == UserInteraction.InteractionTypeOneofCase.Purchase);
    }

    [Fact]
    public void Popularity_IsZipfAndNextProductsFollowPlantedAffinities()
    {
        var settings = new ClickstreamSettings(Users: 1_000, Products: 2_000, AffinityProbability: 0.7);
        var events = Generate(settings);
        var clicks = events.Where(e => e.Event.InteractionTypeCase == UserInteraction.InteractionTypeOneofCase.ProductClick).ToList();
        var byProduct = clicks.GroupBy(e => e.Event.ProductClick.ProductId).ToDictionary(g => g.Key, g => g.Count());

        // Consecutive clicks of a session: a product's successors concentrate on its few planted partners.
        var successors = events.GroupBy(e => e.Event.SessionId)
            .SelectMany(g => g.Where(e => e.Event.ProductClick is not null).Zip(g.Where(e => e.Event.ProductClick is not null).Skip(1)))
            .GroupBy(p => p.First.Event.ProductClick.ProductId)
            .Where(g => g.Count() >= 20)
            .Select(g => g.GroupBy(p => p.Second.Event.ProductClick.ProductId).OrderByDescending(x => x.Count()).Take(settings.AffinityPartners).Sum(x => x.Count()) / (double)g.Count())
            .ToList();

        Assert.True(byProduct.GetValueOrDefault("p0") > 10 * byProduct.GetValueOrDefault("p100", 1), "rank 0 should be far more popular than rank 100");
        Assert.NotEmpty(successors);
        Assert.InRange(successors.Average(), 0.6, 1.0);
    }
}
