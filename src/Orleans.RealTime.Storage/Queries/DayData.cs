namespace Orleans.RealTime.Storage;

/// <summary>All rows of one day, as read from one tier to be copied into another.</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="Events">The day's event rows.</param>
/// <param name="Sessions">The day's session rows (by session start).</param>
public sealed record DayData(DateOnly Day, IReadOnlyList<EventRow> Events, IReadOnlyList<SessionRow> Sessions)
{
    /// <summary>The row counts of this day.</summary>
    public DayCounts Counts => new(Events.Count, Sessions.Count);
}
