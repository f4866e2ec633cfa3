namespace Orleans.RealTime.Sessions.Summaries;

/// <summary>
/// Receives every closed session. Storage registers its own implementation (replacing
/// <see cref="RecentSessionSummaries"/>) to write summaries to the hot tier. Called from the session grain before
/// its state resets; a throw keeps the session open and the close is retried at the next expiry check.
/// </summary>
public interface ISessionSummarySink
{
    /// <summary>Stores <paramref name="summary"/>.</summary>
    Task WriteAsync(SessionSummary summary, CancellationToken cancellationToken = default);
}
