namespace Orleans.RealTime.Storage;

/// <summary>How many rows a tier holds for one day.</summary>
/// <param name="Events">Event rows (line items counted separately).</param>
/// <param name="Sessions">Session rows.</param>
public sealed record DayCounts(long Events, long Sessions)
{
    /// <summary>True when the day holds nothing.</summary>
    public bool IsEmpty => Events == 0 && Sessions == 0;
}
