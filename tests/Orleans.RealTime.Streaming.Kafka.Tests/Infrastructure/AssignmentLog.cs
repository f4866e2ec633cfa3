using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

/// <summary>
/// Captures the receivers' log lines ("partition assigned", "released") and the retention-gap warnings per silo, to see
/// which silo read which partition and what it reported.
/// </summary>
public sealed class AssignmentLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Silo, string Message)> _entries = new();

    public IReadOnlyList<(string Silo, string Message)> Entries => [.. _entries];

    public ILoggerProvider For(string silo) => new SiloProvider(this, silo);

    public ILogger CreateLogger(string categoryName) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class SiloProvider(AssignmentLog log, string silo) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(log, silo, categoryName.EndsWith("KafkaQueueAdapterReceiver", StringComparison.Ordinal) || categoryName.EndsWith("KafkaRetentionGap", StringComparison.Ordinal));

        public void Dispose()
        {
        }
    }

    private sealed class Logger(AssignmentLog log, string silo, bool enabled) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => enabled && logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log._entries.Enqueue((silo, formatter(state, exception)));
            }
        }
    }
}
