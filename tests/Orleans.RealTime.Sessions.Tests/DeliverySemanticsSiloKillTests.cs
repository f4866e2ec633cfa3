using Orleans.RealTime.Sessions.Tests.Infrastructure;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Testing;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Orleans.RealTime.Sessions.Tests;

/// <summary>
/// Kills one of three silos while events flow for many users, then checks each user's count against what was
/// produced. Offsets are committed rarely, so what the killed silo delivered since its last commit is redelivered
/// (how much depends on how abruptly the test host stops the silo; <see cref="DeliverySemanticsReplayTests"/>
/// forces a full redelivery).
/// </summary>
public sealed class DeliverySemanticsSiloKillTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    private const int Users = 120;
    private const int EventsPerUser = 10;

    [Theory]
    [InlineData(DeliverySemantics.ExactlyOnce)]
    [InlineData(DeliverySemantics.AtLeastOnce)]
    [InlineData(DeliverySemantics.AtMostOnce)]
    public async Task SiloKilledWhileEventsFlow_PerUserCountsHonourTheSemantics(DeliverySemantics semantics)
    {
        using var metrics = new SessionMetrics();
        await using var test = await SessionTestCluster.StartAsync(
            silos: 3,
            sessions: o =>
            {
                o.DeliverySemantics = semantics;
                o.PersistInterval = TimeSpan.FromMilliseconds(300);
            },
            redis: redis.ConnectionString,
            kafka: o => o.CommitInterval = TimeSpan.FromMinutes(5),
            broker: EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = [SessionStreams.Namespace], Partitions = 16 }));
        var prefix = semantics + "-";
        var lastOffsets = new Dictionary<string, long>();
        var lastProduced = new Dictionary<string, (int Partition, long Offset)>();

        // Orleans' ring balancer may leave a silo without partitions: the victim is a non-primary silo that holds some.
        InProcessSiloHandle? victim = null;
        await Eventually.HoldsAsync(
            () => Task.FromResult((victim = test.Cluster.Silos.Skip(1).FirstOrDefault(s => test.Assignments.HeldBy(s.Name).Count > 0)) is not null),
            TimeSpan.FromSeconds(120),
            "a non-primary silo to hold a partition");
        await ProduceAsync(test, prefix, 0, EventsPerUser / 2, lastOffsets, lastProduced);
        try
        {
            await Eventually.HoldsAsync(
                () => Task.FromResult(metrics.Total("realtime-sessions-events:applied") >= Users * EventsPerUser / 2),
                TimeSpan.FromSeconds(120),
                "the first half applied");
        }
        catch (TimeoutException)
        {
            output.WriteLine(await StallReport.BuildAsync(test, metrics, lastProduced));
            throw;
        }

        await test.Cluster.KillSiloAsync(victim!);
        await ProduceAsync(test, prefix, EventsPerUser / 2, EventsPerUser, lastOffsets, lastProduced);

        var counts = new Dictionary<string, long>();
        await Eventually.HoldsAsync(
            async () =>
            {
                foreach (var (user, offset) in lastOffsets)
                {
                    var session = await test.Session(user).GetSessionAsync();
                    if (session.LastAppliedOffset < offset)
                    {
                        return false;
                    }

                    counts[user] = session.TotalEvents;
                }

                return true;
            },
            TimeSpan.FromSeconds(150),
            "every user to reach its last produced offset");

        Assert.Equal(Users, counts.Count);

        // A receiver Orleans failed to initialize is never initialized again: its partition would go unread there.
        Assert.DoesNotContain("failed to Initialize", test.Logs.Dump(), StringComparison.Ordinal);
        switch (semantics)
        {
            case DeliverySemantics.ExactlyOnce:
                Assert.All(counts, c => Assert.Equal(EventsPerUser, c.Value));
                break;
            case DeliverySemantics.AtLeastOnce:
                Assert.All(counts, c => Assert.True(c.Value >= EventsPerUser, $"{c.Key} counted {c.Value} < {EventsPerUser}"));
                break;
            default:
                Assert.All(counts, c => Assert.True(c.Value <= EventsPerUser, $"{c.Key} counted {c.Value} > {EventsPerUser}"));
                break;
        }
    }

    private static async Task ProduceAsync(
        SessionTestCluster test, string prefix, int from, int to, Dictionary<string, long> lastOffsets, Dictionary<string, (int Partition, long Offset)> lastProduced)
    {
        var sends = new List<Task<Confluent.Kafka.TopicPartitionOffset>>();
        var users = new List<string>();
        for (var round = from; round < to; round++)
        {
            for (var u = 0; u < Users; u++)
            {
                var user = $"{prefix}user-{u}";
                users.Add(user);
                sends.Add(test.ProduceToAsync(Events.View(user, $"{user}-{round}", "P" + round)));
            }
        }

        var produced = await Task.WhenAll(sends);
        for (var i = 0; i < users.Count; i++)
        {
            var offset = produced[i].Offset.Value;
            lastOffsets[users[i]] = Math.Max(lastOffsets.GetValueOrDefault(users[i], -1), offset);
            lastProduced[users[i]] = (produced[i].Partition.Value, lastOffsets[users[i]]);
        }
    }
}
