using Orleans.RealTime.Streaming.Kafka.Providers;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

/// <summary>
/// Confluent's <c>ConsumerConfig(IDictionary)</c> and <c>ProducerConfig(IDictionary)</c> keep the dictionary they are
/// given and write every setting into it. Built straight from the options' settings, each new client wrote into the
/// one <see cref="Dictionary{TKey, TValue}"/> a silo shares between all its receivers, and receivers initialize in
/// parallel: a concurrent write corrupted it, and every later consumer of that silo failed to build, leaving its
/// partitions unread (the delivery stall of the silo-kill tests under load).
/// </summary>
public sealed class ClientConfigIsolationTests
{
    [Fact]
    public void ConsumerConfig_WritesNothingIntoTheOptionsSettings()
    {
        var options = Options();

        var config = KafkaClients.ConsumerConfig(options);
        config.Set("fetch.min.bytes", "7");

        Assert.Equal("127.0.0.1:1", config.BootstrapServers);
        Assert.Equal(new Dictionary<string, string> { ["fetch.wait.max.ms"] = "5" }, options.ConsumerSettings);
    }

    [Fact]
    public void ProducerConfig_WritesNothingIntoTheOptionsSettings()
    {
        var options = Options();

        var config = KafkaClients.ProducerConfig(options);
        config.Set("batch.size", "7");

        Assert.Equal("127.0.0.1:1", config.BootstrapServers);
        Assert.Equal(5, config.LingerMs);
        Assert.Equal(new Dictionary<string, string> { ["compression.type"] = "lz4" }, options.ProducerSettings);
    }

    private static KafkaStreamOptions Options() => new()
    {
        BootstrapServers = "127.0.0.1:1",
        Topics = ["t-config"],
        ConsumerGroupId = "g",
        ConsumerSettings = new Dictionary<string, string> { ["fetch.wait.max.ms"] = "5" },
        ProducerSettings = new Dictionary<string, string> { ["compression.type"] = "lz4" },
    };
}
