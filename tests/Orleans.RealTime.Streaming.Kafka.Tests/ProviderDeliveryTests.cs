using System.Text;
using Confluent.Kafka;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class ProviderDeliveryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ExternalRecord_WithHeaders_ReachesImplicitGrainWithHeadersPartitionAndOffset()
    {
        await using var test = await KafkaTestCluster.StartAsync();
        using var producer = test.CreateExternalProducer();
        var headers = new Headers { { "trace-id", Encoding.UTF8.GetBytes("abc-123") } };
        var result = await producer.ProduceAsync(test.Topic, new Message<string, byte[]> { Key = "user-1", Value = TestEvents.Bytes("user-1", "e-1"), Headers = headers });

        var deliveries = await test.Log.WaitUntilAsync(d => d.Count >= 1, Deadline);

        var delivery = Assert.Single(deliveries);
        Assert.Equal("user-1", delivery.Key);
        Assert.Equal("e-1", delivery.EventId);
        Assert.Equal(result.Partition.Value, delivery.Partition);
        Assert.Equal(result.Offset.Value, delivery.Offset);
        Assert.Equal(result.Offset.Value, delivery.TokenOffset);
        Assert.Equal("abc-123", Encoding.UTF8.GetString(delivery.Headers["trace-id"]));
    }
}
