using Orleans.RealTime.Sessions.State;
using Orleans.RealTime.Sessions.Tests.Infrastructure;

namespace Orleans.RealTime.Sessions.Tests;

public sealed class SessionEventApplierTests
{
    private const long Minute = 60_000;
    private static readonly long T0 = Events.Now;

    private static SessionEventApplier Applier(DeliverySemantics semantics = DeliverySemantics.ExactlyOnce, int recent = 20) =>
        new(new SessionOptions { DeliverySemantics = semantics, RecentProductLimit = recent, DedupWindow = 4 });

    private static ApplyResult Apply(SessionEventApplier applier, UserSessionState state, Contracts.Events.UserInteraction evt, long offset = -1) =>
        applier.Apply(state, evt, offset, T0, () => "s-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Interactions_UpdateCountsCartPurchasesAndSpend()
    {
        var applier = Applier();
        var state = new UserSessionState();

        Apply(applier, state, Events.View("u", "1", "P1"));
        Apply(applier, state, Events.Cart("u", "2", "P1", 2, 500));
        Apply(applier, state, Events.Cart("u", "3", "P2", 1, 300));
        Apply(applier, state, Events.Cart("u", "4", "P1", 1, 500));
        Apply(applier, state, Events.Buy("u", "5", "P1", 3, 500));

        Assert.Equal([1L, 0, 3, 1], state.Counts);
        Assert.Equal(new CartItem(1, 300, "EUR"), Assert.Single(state.Cart).Value);
        Assert.Equal(["P1"], state.PurchasedProducts!);
        Assert.Equal(1_500, state.SpendMinorByCurrency!["EUR"]);
        Assert.Equal(["P1", "P2"], state.RecentProducts.Select(p => p.ProductId));
        Assert.Equal(Recommendations.InteractionKind.Purchase, state.RecentProducts[0].Kind);
    }

    [Fact]
    public void ModelContext_IsTheMostRecentProductsTheModelReads_AndNoneForAnEventWithoutProducts()
    {
        var applier = new SessionEventApplier(new SessionOptions(), modelContext: 3);
        var state = new UserSessionState();
        for (var i = 1; i <= 5; i++)
        {
            Apply(applier, state, Events.Click("u", $"c{i}", $"P{i}"));
        }

        var click = Apply(applier, state, Events.Click("u", "c6", "P6"));
        var view = Apply(applier, state, Events.View("u", "v1"));

        Assert.Equal(["P5", "P4", "P3"], click.Context.Select(p => p.ProductId));
        Assert.Equal(["P6"], click.Products);
        Assert.Empty(view.Context);
        Assert.Equal(6, state.RecentProducts.Count);
    }

    [Fact]
    public void ProductIds_AreStoredAsOneInstanceForAllSessions_NotEachEventsCopy()
    {
        var applier = Applier();
        var (first, second) = (new UserSessionState(), new UserSessionState());

        var seen = Apply(applier, first, Events.Click("u1", "1", new string("P1".AsSpan()))).Products[0];
        Apply(applier, second, Events.Cart("u2", "2", new string("P1".AsSpan()), 1, 500));

        // Each event decodes its own strings; long-lived state keeps the silo's one instance.
        Assert.Same(seen, second.RecentProducts[0].ProductId);
        Assert.Same(seen, Assert.Single(second.Cart).Key);
        Assert.Same(seen, first.RecentProducts[0].ProductId);
    }

    [Fact]
    public void RecentProducts_AreBoundedMostRecentFirst()
    {
        var applier = Applier(recent: 3);
        var state = new UserSessionState();

        foreach (var p in new[] { "A", "B", "C", "D", "B" })
        {
            Apply(applier, state, Events.Click("u", "e" + p + state.Counts[1], p));
        }

        Assert.Equal(["B", "D", "C"], state.RecentProducts.Select(p => p.ProductId));
    }

    [Theory]
    [InlineData(DeliverySemantics.ExactlyOnce, 1)]
    [InlineData(DeliverySemantics.AtMostOnce, 1)]
    [InlineData(DeliverySemantics.AtLeastOnce, 3)]
    public void RedeliveredOffsetAndRepeatedEventId_CountPerSemantics(DeliverySemantics semantics, long expected)
    {
        var applier = Applier(semantics);
        var state = new UserSessionState();

        var first = Apply(applier, state, Events.Click("u", "e1", "P1"), offset: 10);
        var redelivered = Apply(applier, state, Events.Click("u", "e1", "P1"), offset: 10);
        var repeatedId = Apply(applier, state, Events.Click("u", "e1", "P1"), offset: 11);

        Assert.Equal(ApplyOutcome.Applied, first.Outcome);
        Assert.Equal(expected, state.Counts[1]);
        Assert.Equal(11, state.LastOffset);
        if (semantics != DeliverySemantics.AtLeastOnce)
        {
            Assert.Equal((ApplyOutcome.Redelivered, ApplyOutcome.Duplicate), (redelivered.Outcome, repeatedId.Outcome));
        }
    }

    [Fact]
    public void DedupWindow_ForgetsTheOldestIds()
    {
        var applier = Applier();
        var state = new UserSessionState();
        for (var i = 0; i < 5; i++)
        {
            Apply(applier, state, Events.Click("u", "e" + i, "P"));
        }

        Assert.Equal(ApplyOutcome.Applied, Apply(applier, state, Events.Click("u", "e0", "P")).Outcome);
        Assert.Equal(ApplyOutcome.Duplicate, Apply(applier, state, Events.Click("u", "e4", "P")).Outcome);
    }

    [Fact]
    public void OutOfOrderEvent_IsCountedButNeverMovesTheLastEventTimeBack()
    {
        var applier = Applier();
        var state = new UserSessionState();

        Apply(applier, state, Events.Click("u", "e1", "P1", at: T0));
        var older = Apply(applier, state, Events.Click("u", "e2", "P2", at: T0 - Minute));

        Assert.True(older.OutOfOrder);
        Assert.Equal(2, state.Counts[1]);
        Assert.Equal(T0, state.LastEventAtMs);
        Assert.Equal(T0 - Minute, state.StartedAtMs);
    }

    [Fact]
    public void EventOlderThanSessionStartByMoreThanTheTtl_IsLateAndNotApplied()
    {
        var applier = Applier();
        var state = new UserSessionState();
        Apply(applier, state, Events.Click("u", "e1", "P1", at: T0));

        var late = Apply(applier, state, Events.Click("u", "e2", "P2", at: T0 - (31 * Minute)), offset: 7);

        Assert.Equal(ApplyOutcome.Late, late.Outcome);
        Assert.Equal(1, state.Counts[1]);
        Assert.Equal(7, state.LastOffset);
    }

    [Fact]
    public void Expiry_IsIdleProcessingTimeOfTheTtl()
    {
        var applier = Applier();
        var state = new UserSessionState();
        Apply(applier, state, Events.Click("u", "e1", "P1"));

        Assert.False(applier.IsExpired(state, T0 + (30 * Minute) - 1));
        Assert.True(applier.IsExpired(state, T0 + (30 * Minute)));
    }

    [Theory]
    [InlineData("3f2b9c1e-0d4a-4c55-9a7e-1b2c3d4e5f60")]
    [InlineData("événement-ünïcode-✓")]
    [InlineData("")]
    public void HashOf_EqualsTheHashOfTheUtf8Bytes_ForShortAndLongIds(string id)
    {
        var longId = string.Concat(Enumerable.Repeat(id + "x", 100));

        Assert.Equal(System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(id)), SessionEventApplier.HashOf(id));
        Assert.Equal(System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(longId)), SessionEventApplier.HashOf(longId));
    }
}
