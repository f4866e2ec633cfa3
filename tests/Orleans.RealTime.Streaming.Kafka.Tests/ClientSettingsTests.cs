using Confluent.Kafka;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class ClientSettingsTests
{
    [Fact]
    public void ConsumerSettingsReachOnlyConsumers_AndProducerSettingsOnlyTheProducer()
    {
        using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = ["t-settings"], Partitions = 2 });
        var options = new KafkaStreamOptions
        {
            BootstrapServers = kafka.BootstrapServers,
            Topics = ["t-settings"],
            ConsumerGroupId = "g-settings",
            ConsumerSettings = new Dictionary<string, string> { ["fetch.wait.max.ms"] = "5" },
            ProducerSettings = new Dictionary<string, string> { ["linger.ms"] = "2" },
        };
        var logger = new CapturingLogger();
        using (var clients = new KafkaClients(options, logger))
        {
            using var consumer = clients.CreateConsumer();
            consumer.Assign(new TopicPartitionOffset("t-settings", 0, Offset.Beginning));
            Assert.Null(consumer.Consume(TimeSpan.FromMilliseconds(200)));
            clients.Producer.Produce("t-settings", new Message<byte[], byte[]> { Key = [1], Value = [2] });
            using var admin = clients.CreateAdminClient();
            Assert.Equal(2, admin.GetMetadata("t-settings", options.RequestTimeout).Topics.Single().Partitions.Count);
        }

        Assert.Equal("5", KafkaClients.ConsumerConfig(options).Get("fetch.wait.max.ms"));
        Assert.Null(KafkaClients.ConsumerConfig(options).Get("linger.ms"));
        Assert.Equal("2", KafkaClients.ProducerConfig(options).Get("linger.ms"));
        Assert.Null(KafkaClients.ProducerConfig(options).Get("fetch.wait.max.ms"));

        // librdkafka warns when a client gets a property of the other kind ("... is a consumer property and will be
        // ignored by this producer instance"); its log reaches the provider's logger.
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains("will be ignored", StringComparison.Ordinal));
    }
}
