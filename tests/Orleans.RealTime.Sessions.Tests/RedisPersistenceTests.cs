using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Persistence;
using Orleans.RealTime.Sessions.Storage;
using Orleans.RealTime.Sessions.Summaries;
using Orleans.RealTime.Sessions.Tests.Infrastructure;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Sessions.Tests;

public sealed class RedisPersistenceTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task SessionState_AfterDeactivation_IsReadBackFromRedis()
    {
        await using var test = await SessionTestCluster.StartAsync(redis: redis.ConnectionString);
        var (before, after) = await test.ClickCartAndDeactivateAsync("redis-u1");

        Assert.Equal((before.SessionId, before.LastAppliedOffset, 1L, 1L), (after.SessionId, after.LastAppliedOffset, after.ProductClicks, after.AddToCarts));
        Assert.Equal(3, after.Cart["P2"].Quantity);
        var keys = redis.Connection.GetServers()[0].Keys(pattern: "*redis-u1*").ToList();
        Assert.NotEmpty(keys);

        // Written through the serializer that reuses its buffer, not Orleans' own.
        var options = test.Cluster.Silos[0].ServiceProvider.GetRequiredService<IOptionsMonitor<RedisStorageOptions>>().Get(SessionStreams.StorageName);
        Assert.IsType<PooledGrainStorageSerializer>(options.GrainStorageSerializer);
    }

    [Fact]
    public async Task OpenSession_AcrossAClusterRestart_IsClosedByTheRedisReminder()
    {
        var serviceId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var first = await SessionTestCluster.StartAsync(redis: redis.ConnectionString, time: time, serviceId: serviceId);
        var offset = await first.ProduceAsync(Events.Click("restart-u1", "e1", "P1"));
        var opened = await first.WaitForOffsetAsync("restart-u1", offset);
        await first.StopClusterAsync();

        time.Advance(TimeSpan.FromMinutes(31));
        var closed = new TaskCompletionSource<SessionSummary>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var second = await SessionTestCluster.StartAsync(redis: redis.ConnectionString, broker: first.Kafka, time: time, serviceId: serviceId, observe: s => s.Written += x => closed.TrySetResult(x));
        var summary = await closed.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(("restart-u1", opened.SessionId, 1L), (summary.UserId, summary.SessionId, summary.ProductClicks));
    }
}
