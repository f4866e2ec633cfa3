using Orleans.RealTime.Sessions.Tests.Infrastructure;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Sessions.Tests;

/// <summary>
/// Restarts the cluster on the same Redis state with a fresh consumer group, so every record of the topic is
/// delivered a second time, as after a crash that lost all offset commits.
/// </summary>
public sealed class DeliverySemanticsReplayTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int Users = 40;
    private const int EventsPerUser = 6;

    [Theory]
    [InlineData(DeliverySemantics.ExactlyOnce, EventsPerUser + 1)]
    [InlineData(DeliverySemantics.AtLeastOnce, (2 * EventsPerUser) + 1)]
    [InlineData(DeliverySemantics.AtMostOnce, EventsPerUser + 1)]
    public async Task WholeTopicRedelivered_CountsPerSemantics(DeliverySemantics semantics, long expected)
    {
        using var metrics = new SessionMetrics();
        void Sessions(SessionOptions o) => o.DeliverySemantics = semantics;
        var serviceId = "replay-" + Guid.NewGuid().ToString("N")[..8];
        var first = await SessionTestCluster.StartAsync(sessions: Sessions, redis: redis.ConnectionString, kafka: o => o.ConsumerGroupId = "first", serviceId: serviceId);
        var users = Enumerable.Range(0, Users).Select(u => $"replay-{semantics}-{u}").ToList();
        var last = new Dictionary<string, long>();
        for (var i = 0; i < EventsPerUser; i++)
        {
            foreach (var user in users)
            {
                last[user] = await first.ProduceAsync(Events.Click(user, $"{user}-{i}", "P" + i));
            }
        }

        foreach (var user in users)
        {
            await first.WaitForOffsetAsync(user, last[user]);
        }

        await first.StopClusterAsync();
        await using var second = await SessionTestCluster.StartAsync(sessions: Sessions, redis: redis.ConnectionString, broker: first.Kafka, kafka: o => o.ConsumerGroupId = "second", serviceId: serviceId);
        foreach (var user in users)
        {
            last[user] = await second.ProduceAsync(Events.Click(user, $"{user}-after", "P-after"));
        }

        var counts = new Dictionary<string, long>();
        foreach (var user in users)
        {
            counts[user] = (await second.WaitForOffsetAsync(user, last[user])).TotalEvents;
        }

        Assert.All(counts, c => Assert.Equal(expected, c.Value));
        if (semantics != DeliverySemantics.AtLeastOnce)
        {
            Assert.Equal(Users * EventsPerUser, metrics.Total("realtime-sessions-events:redelivered"));
        }
    }
}
