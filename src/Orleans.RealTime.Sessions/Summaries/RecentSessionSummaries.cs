namespace Orleans.RealTime.Sessions.Summaries;

/// <summary>
/// The default sink until storage is configured: keeps the newest <see cref="Capacity"/> summaries of this silo in
/// memory, newest last, and raises <see cref="Written"/> for each.
/// </summary>
public sealed class RecentSessionSummaries : ISessionSummarySink
{
    /// <summary>How many summaries are kept.</summary>
    public const int Capacity = 10_000;

    private readonly Queue<SessionSummary> _summaries = new();
    private readonly Lock _lock = new();

    /// <summary>Raised after each summary is stored.</summary>
    public event Action<SessionSummary>? Written;

    /// <summary>The kept summaries, oldest first.</summary>
    public IReadOnlyList<SessionSummary> Snapshot()
    {
        lock (_lock)
        {
            return [.. _summaries];
        }
    }

    /// <inheritdoc />
    public Task WriteAsync(SessionSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        lock (_lock)
        {
            _summaries.Enqueue(summary);
            if (_summaries.Count > Capacity)
            {
                _summaries.Dequeue();
            }
        }

        Written?.Invoke(summary);
        return Task.CompletedTask;
    }
}
