using Microsoft.Extensions.Logging;

namespace Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

/// <summary>A typed logger writing into a <see cref="CapturingLogger"/>, for classes that ask for <see cref="ILogger{T}"/>.</summary>
public sealed class CapturingLogger<T>(CapturingLogger inner) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, formatter);
}
