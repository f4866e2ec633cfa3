using System.Text;
using Confluent.Kafka;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class DeadLetterTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PoisonRecord_BetweenValidOnes_GoesToDlqWithErrorAndOriginAndPartitionKeepsFlowing()
    {
        await using var test = await KafkaTestCluster.StartAsync(partitions: 1);
        using var metrics = new MetricRecorder(test.Topic);
        using var producer = test.CreateExternalProducer();
        await producer.ProduceAsync(test.Topic, new Message<string, byte[]> { Key = "user-1", Value = TestEvents.Bytes("user-1", "before") });
        var poison = await producer.ProduceAsync(test.Topic, new Message<string, byte[]>
        {
            Key = "user-1",
            Value = [0xff, 0xff, 0xff, 0x01],
            Headers = new Headers { { "source", Encoding.UTF8.GetBytes("legacy") } },
        });
        await producer.ProduceAsync(test.Topic, new Message<string, byte[]> { Key = "user-1", Value = TestEvents.Bytes("user-1", "after") });

        var deliveries = await test.Log.WaitUntilAsync(d => d.Any(x => x.EventId == "after"), Deadline);

        Assert.Equal(["before", "after"], deliveries.Select(d => d.EventId));
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig { BootstrapServers = test.Kafka.BootstrapServers, GroupId = "dlq-reader" }).Build();
        consumer.Assign(Enumerable.Range(0, 4).Select(p => new TopicPartitionOffset(test.Topic + ".dlq", p, Offset.Beginning)));
        var dead = consumer.Consume(Deadline);
        Assert.NotNull(dead);
        Assert.Equal([0xff, 0xff, 0xff, 0x01], dead.Message.Value);
        Assert.Equal("user-1", dead.Message.Key);
        string Header(string key) => Encoding.UTF8.GetString(dead.Message.Headers.GetLastBytes(key));
        Assert.Equal(test.Topic, Header(KafkaDeadLetterHeaders.Topic));
        Assert.Equal("0", Header(KafkaDeadLetterHeaders.Partition));
        Assert.Equal(poison.Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Header(KafkaDeadLetterHeaders.Offset));
        Assert.Contains("InvalidProtocolBufferException", Header(KafkaDeadLetterHeaders.Error));
        Assert.Equal("legacy", Header("source"));
        Assert.Equal(1, metrics.Total("kafka-dead-lettered-records"));
        Assert.True(metrics.Total("kafka-records-read") >= 3);
    }
}
