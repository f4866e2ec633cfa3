using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orleans.RealTime.Testing;

/// <summary>A logger provider for test silos: records which silo the Kafka receivers' "partition assigned" log lines came from.</summary>
public sealed class PartitionAssignments
{
    private readonly ConcurrentQueue<(string Silo, string Message)> _entries = new();

    /// <summary>The partitions (as <c>topic[n]</c>) <paramref name="silo"/> holds now: assigned and not released since.</summary>
    public IReadOnlySet<string> HeldBy(string silo) => Held(_entries.Where(e => e.Silo == silo).Select(e => e.Message));

    /// <summary>
    /// The partitions (as <c>topic[n]</c>) held after the Kafka receivers' log <paramref name="lines"/> (in order):
    /// assigned and not released since. Lines that are not such messages are ignored.
    /// </summary>
    public static IReadOnlySet<string> Held(IEnumerable<string> lines)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var start = line.IndexOf("Kafka partition ", StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            var partition = line[start..].Split(' ')[2];
            if (line.Contains(" assigned", StringComparison.Ordinal))
            {
                held.Add(partition);
            }
            else if (line.Contains(" released", StringComparison.Ordinal))
            {
                held.Remove(partition);
            }
        }

        return held;
    }

    public ILoggerProvider For(string silo) => new Provider(this, silo);

    private sealed class Provider(PartitionAssignments log, string silo) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) =>
            new Logger(log, silo, categoryName.EndsWith("KafkaQueueAdapterReceiver", StringComparison.Ordinal));

        public void Dispose()
        {
        }
    }

    private sealed class Logger(PartitionAssignments log, string silo, bool enabled) : ILogger
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
