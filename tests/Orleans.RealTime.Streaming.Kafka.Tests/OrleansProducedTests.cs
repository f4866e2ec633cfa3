using Confluent.Kafka;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class OrleansProducedTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ClientOnNextAsync_MixedWithExternalProducer_LandsKeyedOnTheSamePartitionAndReachesGrain()
    {
        await using var test = await KafkaTestCluster.StartAsync();
        var stream = test.Cluster.Client.GetStreamProvider(KafkaTestCluster.Provider)
            .GetStream<UserInteraction>(StreamId.Create(test.Topic, "user-7"));
        using var producer = test.CreateExternalProducer();

        var external = await producer.ProduceAsync(test.Topic, new Message<string, byte[]> { Key = "user-7", Value = TestEvents.Bytes("user-7", "external-1") });
        await stream.OnNextAsync(TestEvents.PageView("user-7", "orleans-1"));

        var deliveries = await test.Log.WaitUntilAsync(d => d.Count >= 2, Deadline);
        Assert.Equal(["external-1", "orleans-1"], deliveries.Select(d => d.EventId));
        Assert.All(deliveries, d => Assert.Equal(external.Partition.Value, d.Partition));
        Assert.Equal(external.Offset.Value + 1, deliveries[1].Offset);

        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig { BootstrapServers = test.Kafka.BootstrapServers, GroupId = "raw" }).Build();
        consumer.Assign(new TopicPartitionOffset(test.Topic, external.Partition, external.Offset + 1));
        var raw = consumer.Consume(Deadline);
        Assert.Equal("user-7", raw.Message.Key);
        Assert.Equal("orleans-1", UserInteraction.Parser.ParseFrom(raw.Message.Value).EventId);
    }

    [Fact]
    public async Task GrainOnNextAsync_ManyKeys_EachLandsOnThePartitionLibrdkafkaPicksForItsKey()
    {
        await using var test = await KafkaTestCluster.StartAsync();
        using var producer = test.CreateExternalProducer();
        var keys = Enumerable.Range(0, 64).Select(i => $"user-{i}").ToList();
        var expected = new Dictionary<string, int>();
        foreach (var key in keys)
        {
            var result = await producer.ProduceAsync(test.Topic, new Message<string, byte[]> { Key = key, Value = TestEvents.Bytes(key, "ext-" + key) });
            expected[key] = result.Partition.Value;
        }

        var provider = test.Cluster.Client.GetStreamProvider(KafkaTestCluster.Provider);
        foreach (var key in keys)
        {
            await provider.GetStream<UserInteraction>(StreamId.Create(test.Topic, key)).OnNextAsync(TestEvents.PageView(key, "orl-" + key));
        }

        var deliveries = await test.Log.WaitUntilAsync(d => d.Count(x => x.EventId.StartsWith("orl-", StringComparison.Ordinal)) >= keys.Count, Deadline);
        Assert.True(expected.Values.Distinct().Count() > 1);
        Assert.All(deliveries.Where(d => d.EventId.StartsWith("orl-", StringComparison.Ordinal)), d => Assert.Equal(expected[d.Key], d.Partition));
    }
}
