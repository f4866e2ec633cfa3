using Confluent.Kafka;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class RewindTests
{
    private const int CacheSize = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task SubscribeWithTokenBelowTheCache_ReadsBackFromKafkaInOrder_ThenContinuesFromTheCache()
    {
        await using var test = await KafkaTestCluster.StartAsync(partitions: 1, configure: o => o.CacheSize = CacheSize);
        using var producer = test.CreateExternalProducer();
        await ProduceAsync(producer, test.Topic, 0, 60);
        await test.Log.WaitUntilAsync(d => d.Count >= 60, Deadline);

        // Offsets 0..59 alternate user-a (even) and user-b (odd); the cache holds at most the last 20.
        var observer = new LoggingObserver("rewind-" + test.Topic);
        var stream = test.Cluster.Client.GetStreamProvider(KafkaTestCluster.Provider).GetStream<UserInteraction>(StreamId.Create(test.Topic, "user-a"));
        await stream.SubscribeAsync(observer, new KafkaStreamSequenceToken(10));
        await observer.Log.WaitUntilAsync(d => d.Any(x => x.Offset == 58), Deadline);
        await ProduceAsync(producer, test.Topic, 60, 70);

        var received = await observer.Log.WaitUntilAsync(d => d.Any(x => x.Offset == 68), Deadline);

        Assert.All(received, d => Assert.Equal("user-a", d.Key));
        Assert.Equal(Enumerable.Range(5, 30).Select(i => 2L * i), received.Select(d => d.Offset!.Value));
        Assert.Equal(received.Select(d => d.Offset!.Value), received.Select(d => d.TokenOffset));
    }

    private static async Task ProduceAsync(IProducer<string, byte[]> producer, string topic, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var key = i % 2 == 0 ? "user-a" : "user-b";
            await producer.ProduceAsync(new TopicPartition(topic, 0), new Message<string, byte[]> { Key = key, Value = TestEvents.Bytes(key, $"e-{i}") });
        }
    }
}
