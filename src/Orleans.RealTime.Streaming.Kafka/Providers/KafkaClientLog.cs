using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Routes librdkafka's own log lines (configuration warnings, broker errors) to the provider's logger.</summary>
internal static partial class KafkaClientLog
{
    public static void Write(ILogger logger, LogMessage message) =>
        Client(logger, IsTransientConnectionFailure(message) ? LogLevel.Warning : Level(message.Level), message.Name, message.Facility, message.Message);

    /// <summary>
    /// A lost or refused broker connection (facility <c>FAIL</c>, "all brokers are down", or a refused connect reported
    /// under <c>ERROR</c>): librdkafka reconnects by
    /// itself and the clients' own error paths report what it costs, so these are warnings, not errors (they also occur
    /// whenever a broker stops before its clients, e.g. the embedded broker at host shutdown).
    /// </summary>
    private static bool IsTransientConnectionFailure(LogMessage message) =>
        message.Level == SyslogLevel.Error
        && (message.Facility == "FAIL"
            || message.Message.Contains("brokers are down", StringComparison.Ordinal)
            || message.Message.Contains("failed: Connection refused", StringComparison.Ordinal));

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
