using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

/// <summary>librdkafka's log lines keep their level, except lost broker connections, which it retries by itself.</summary>
public sealed class KafkaClientLogTests
{
    [Theory]
    [InlineData(SyslogLevel.Error, "FAIL", "127.0.0.1:9092/1: Connect to ipv4#127.0.0.1:9092 failed: Connection refused", LogLevel.Warning)]
    [InlineData(SyslogLevel.Error, "ERROR", "rdkafka#producer-1: 1/1 brokers are down", LogLevel.Warning)]
    [InlineData(SyslogLevel.Error, "ERROR", "rdkafka#producer-3: 127.0.0.1:36557/bootstrap: Connect to ipv4#127.0.0.1:36557 failed: Connection refused (after 0ms in state CONNECT)", LogLevel.Warning)]
    [InlineData(SyslogLevel.Error, "ERROR", "Topic authorization failed", LogLevel.Error)]
    [InlineData(SyslogLevel.Warning, "CONFWARN", "Configuration property fetch.wait.max.ms is a consumer property and will be ignored", LogLevel.Warning)]
    [InlineData(SyslogLevel.Critical, "FATAL", "Fatal idempotent producer error", LogLevel.Critical)]
    [InlineData(SyslogLevel.Info, "INIT", "started", LogLevel.Information)]
    public void Write_MapsTheLevel(SyslogLevel level, string facility, string text, LogLevel expected)
    {
        var logger = new CapturingLogger();

        KafkaClientLog.Write(logger, new LogMessage("rdkafka#producer-1", level, facility, text));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(expected, entry.Level);
        Assert.Contains(text, entry.Message, StringComparison.Ordinal);
    }
}
