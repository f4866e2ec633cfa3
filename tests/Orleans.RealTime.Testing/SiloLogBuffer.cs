using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Orleans.RealTime.Testing;

/// <summary>
/// A logger provider for test silos that keeps their warnings and errors, and the streaming and Kafka provider
/// information lines, so a test that times out can print what the silos said.
/// </summary>
public sealed class SiloLogBuffer(int capacity = 4000)
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>A provider that tags each line with <paramref name="silo"/>.</summary>
    public ILoggerProvider For(string silo) => new Provider(this, silo);

    /// <summary>The kept lines, oldest first.</summary>
    public string Dump()
    {
        var text = new StringBuilder();
        foreach (var line in _lines)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > capacity && _lines.TryDequeue(out _))
        {
        }
    }

    private static bool Keeps(string category, LogLevel level) =>
        level >= LogLevel.Warning
        || (level >= LogLevel.Information
            && (category.StartsWith("Orleans.Streams", StringComparison.Ordinal)
                || category.StartsWith("Orleans.RealTime.Streaming.Kafka", StringComparison.Ordinal)));

    private sealed class Provider(SiloLogBuffer buffer, string silo) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(buffer, silo, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(SiloLogBuffer buffer, string silo, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => Keeps(category, logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var error = exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message;
                buffer.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {silo} {logLevel} {category}: {formatter(state, exception)}{error}");
            }
        }
    }
}
