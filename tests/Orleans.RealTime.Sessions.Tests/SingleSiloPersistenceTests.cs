using Microsoft.Extensions.DependencyInjection;
using Orleans.RealTime.Sessions.Expiry;
using Orleans.RealTime.Sessions.Storage;
using Orleans.RealTime.Sessions.Summaries;
using Orleans.RealTime.Sessions.Tests.Infrastructure;
using Orleans.Storage;

namespace Orleans.RealTime.Sessions.Tests;

public sealed class SingleSiloPersistenceTests
{
    [Fact]
    public async Task SessionState_AfterDeactivation_IsReadBackFromCompactStorage()
    {
        await using var test = await SessionTestCluster.StartAsync(compactStorage: true);
        var (before, after) = await test.ClickCartAndDeactivateAsync("compact-u1");

        Assert.Equal((before.SessionId, before.LastAppliedOffset, 1L, 1L), (after.SessionId, after.LastAppliedOffset, after.ProductClicks, after.AddToCarts));
        Assert.Equal(3, after.Cart["P2"].Quantity);
        var storage = test.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(SessionStreams.StorageName);
        Assert.Equal(1, Assert.IsType<CompactGrainStorage>(storage).Count);
    }

    [Fact]
    public async Task IdleForTheTtl_AfterDeactivation_TheLocalDeadlineClosesTheSessionAndIsDropped()
    {
        await using var test = await SessionTestCluster.StartAsync(compactStorage: true);
        var closed = new TaskCompletionSource<SessionSummary>(TaskCreationOptions.RunContinuationsAsynchronously);
        test.Summaries.Written += s => closed.TrySetResult(s);
        var offset = await test.ProduceAsync(Events.Click("local-u1", "e1", "P1"));
        var opened = await test.WaitForOffsetAsync("local-u1", offset);
        await test.Cluster.DeactivateAsync((Runtime.IAddressable)test.Session("local-u1"));
        await test.Cluster.WaitForDeactivationAsync((Runtime.IAddressable)test.Session("local-u1"));
        var expiry = test.Cluster.Silos[0].ServiceProvider.GetRequiredService<LocalSessionExpiry>();
        Assert.Equal(1, expiry.Count);

        test.Time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        var summary = await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((opened.SessionId, 1L), (summary.SessionId, summary.ProductClicks));
        await Testing.Eventually.HoldsAsync(() => Task.FromResult(expiry.Count == 0), TimeSpan.FromSeconds(30), "the closed session's deadline to be dropped");
    }

    [Fact]
    public async Task ActiveSession_AtItsFirstDeadline_IsKeptWithTheDeadlineOfItsLastEvent()
    {
        await using var test = await SessionTestCluster.StartAsync(compactStorage: true);
        var first = await test.ProduceAsync(Events.Click("local-u2", "e1", "P1"));
        await test.WaitForOffsetAsync("local-u2", first);
        test.Time.Advance(TimeSpan.FromMinutes(20));
        var second = await test.ProduceAsync(Events.Click("local-u2", "e2", "P2"));
        var touched = await test.WaitForOffsetAsync("local-u2", second);
        var expiry = test.Cluster.Silos[0].ServiceProvider.GetRequiredService<LocalSessionExpiry>();

        var now = test.Time.GetUtcNow().AddMinutes(11).ToUnixTimeMilliseconds();
        await expiry.CheckDueAsync(now, CancellationToken.None);
        var after = await test.Session("local-u2").GetSessionAsync();

        Assert.Equal((touched.SessionId, 1, 0), (after.SessionId, expiry.Count, test.Summaries.Snapshot().Count));
    }
}
