using Orleans.RealTime.Sessions.Tests.Infrastructure;

namespace Orleans.RealTime.Sessions.Tests;

public sealed class SessionTtlTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task EventsFromKafka_ShowInTheSession()
    {
        await using var test = await SessionTestCluster.StartAsync();
        await test.ProduceAsync(Events.View("u1", "e1", "P1"));
        await test.ProduceAsync(Events.Cart("u1", "e2", "P1", 2, 1_250));
        var last = await test.ProduceAsync(Events.Buy("u1", "e3", "P1", 2, 1_250));

        var session = await test.WaitForOffsetAsync("u1", last);

        Assert.NotEqual("", session.SessionId);
        Assert.Equal("client-u1", session.ClientSessionId);
        Assert.Equal((1, 0, 1, 1), (session.PageViews, session.ProductClicks, session.AddToCarts, session.Purchases));
        Assert.Empty(session.Cart);
        Assert.Equal(2_500, session.SpendMinorByCurrency["EUR"]);
        Assert.Equal(["P1"], session.RecentlyViewedProducts);
    }

    [Fact]
    public async Task IdleForTheTtl_OnRead_ClosesWithSummaryAndTheNextEventOpensANewSession()
    {
        await using var test = await SessionTestCluster.StartAsync();
        var first = await test.ProduceAsync(Events.Click("u1", "e1", "P1"));
        var opened = await test.WaitForOffsetAsync("u1", first);

        test.Time.Advance(Ttl);
        var closed = await test.Session("u1").GetSessionAsync();
        var next = await test.ProduceAsync(Events.Click("u1", "e2", "P2"));
        var reopened = await test.WaitForOffsetAsync("u1", next);

        Assert.Equal("", closed.SessionId);
        Assert.Equal(0, closed.TotalEvents);
        var summary = Assert.Single(test.Summaries.Snapshot());
        Assert.Equal(("u1", opened.SessionId, 1L), (summary.UserId, summary.SessionId, summary.ProductClicks));
        Assert.Equal(["P1"], summary.Products);
        Assert.NotEqual(opened.SessionId, reopened.SessionId);
        Assert.Equal(["P2"], reopened.RecentlyViewedProducts);
    }

    [Fact]
    public async Task ReadsWithinTheTtl_RefreshIt()
    {
        await using var test = await SessionTestCluster.StartAsync();
        var offset = await test.ProduceAsync(Events.Click("u1", "e1", "P1"));
        var opened = await test.WaitForOffsetAsync("u1", offset);

        test.Time.Advance(TimeSpan.FromMinutes(20));
        await test.Session("u1").GetSessionAsync();
        test.Time.Advance(TimeSpan.FromMinutes(20));
        var stillOpen = await test.Session("u1").GetSessionAsync();
        test.Time.Advance(Ttl);
        var closed = await test.Session("u1").GetSessionAsync();

        Assert.Equal(opened.SessionId, stillOpen.SessionId);
        Assert.Equal("", closed.SessionId);
    }

    [Fact]
    public async Task IdleForTheTtl_AfterDeactivation_TheDurableReminderClosesTheSession()
    {
        await using var test = await SessionTestCluster.StartAsync();
        var closedSessions = new TaskCompletionSource<Summaries.SessionSummary>(TaskCreationOptions.RunContinuationsAsynchronously);
        test.Summaries.Written += s => closedSessions.TrySetResult(s);
        var offset = await test.ProduceAsync(Events.Click("u1", "e1", "P1"));
        var opened = await test.WaitForOffsetAsync("u1", offset);
        await test.Cluster.DeactivateAsync((Runtime.IAddressable)test.Session("u1"));
        await test.Cluster.WaitForDeactivationAsync((Runtime.IAddressable)test.Session("u1"));

        test.Time.Advance(Ttl + TimeSpan.FromSeconds(1));
        var summary = await closedSessions.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(opened.SessionId, summary.SessionId);
        Assert.Equal(1, summary.ProductClicks);
    }

    [Fact]
    public async Task EventOlderThanTheExpiredSession_IsLateAndDoesNotReopenIt()
    {
        await using var test = await SessionTestCluster.StartAsync();
        var start = Events.Now;
        var offset = await test.ProduceAsync(Events.Click("u1", "e1", "P1", at: start));
        await test.WaitForOffsetAsync("u1", offset);
        test.Time.Advance(Ttl);
        await test.Session("u1").GetSessionAsync();

        var late = await test.ProduceAsync(Events.Click("u1", "e2", "P2", at: start - 60_000));
        var afterLate = await test.WaitForOffsetAsync("u1", late);

        Assert.Equal("", afterLate.SessionId);
        Assert.Equal(0, afterLate.TotalEvents);
        Assert.Single(test.Summaries.Snapshot());
    }
}
