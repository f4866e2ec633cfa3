namespace Orleans.RealTime.Storage;

/// <summary>Statistics over the sessions that started in a range, kept as sums so parts merge exactly.</summary>
/// <param name="Sessions">Number of sessions.</param>
/// <param name="TotalDurationSeconds">Sum of session durations.</param>
/// <param name="TotalEvents">Sum of session event counts.</param>
/// <param name="ConvertedSessions">Sessions with at least one purchase.</param>
public sealed record SessionStatistics(long Sessions, double TotalDurationSeconds, long TotalEvents, long ConvertedSessions)
{
    /// <summary>No sessions.</summary>
    public static SessionStatistics Empty { get; } = new(0, 0, 0, 0);

    /// <summary>Mean session duration in seconds (0 without sessions).</summary>
    public double AverageDurationSeconds => Sessions == 0 ? 0 : TotalDurationSeconds / Sessions;

    /// <summary>Mean events per session (0 without sessions).</summary>
    public double AverageEvents => Sessions == 0 ? 0 : (double)TotalEvents / Sessions;

    /// <summary>Share of sessions that converted (0 without sessions).</summary>
    public double ConversionRate => Sessions == 0 ? 0 : (double)ConvertedSessions / Sessions;

    /// <summary>The statistics of both parts together.</summary>
    public SessionStatistics Add(SessionStatistics other) => new(
        Sessions + other.Sessions,
        TotalDurationSeconds + other.TotalDurationSeconds,
        TotalEvents + other.TotalEvents,
        ConvertedSessions + other.ConvertedSessions);
}
