using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Routes librdkafka's own log lines (configuration warnings, broker errors) to the provider's logger.</summary>
internal static partial class KafkaClientLog
{
    public static void Write(ILogger logger, LogMessage message) =>
        Client(logger, Level(message.Level), message.Name, message.Facility, message.Message);

    private static LogLevel Level(SyslogLevel level) => level switch
    {
        SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
        SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };

    [LoggerMessage(EventId = 20, Message = "librdkafka {Client} {Facility}: {Message}")]
    private static partial void Client(ILogger logger, LogLevel level, string client, string facility, string message);
}
