using Confluent.Kafka;
using Orleans.RealTime.Streaming.Kafka.Embedded;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class EmbeddedKafkaTests
{
    [Fact]
    public async Task Start_WithTopic_CreatesPartitionsAndServesProduceAndConsume()
    {
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = ["events"], Partitions = 8 });
        Assert.Matches(@"^127\.0\.0\.1:\d+", kafka.BootstrapServers);

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = kafka.BootstrapServers }).Build();
        var metadata = admin.GetMetadata("events", TimeSpan.FromSeconds(10));
        Assert.Equal(8, metadata.Topics.Single().Partitions.Count);

        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = kafka.BootstrapServers }).Build();
        var delivered = await producer.ProduceAsync(new TopicPartition("events", 3), new Message<string, string> { Key = "u1", Value = "hello" });

        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { BootstrapServers = kafka.BootstrapServers, GroupId = "g" }).Build();
        consumer.Assign(new TopicPartitionOffset("events", 3, delivered.Offset));
        var record = consumer.Consume(TimeSpan.FromSeconds(10));
        Assert.Equal("hello", record?.Message.Value);
    }

    [Fact]
    public void Start_WithZeroPartitions_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => EmbeddedKafka.Start(new EmbeddedKafkaOptions { Partitions = 0 }));
        Assert.Contains("Kafka:Embedded:Partitions", error.Message);
    }
}
