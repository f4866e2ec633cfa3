namespace Orleans.RealTime.Storage.Tests.Maintenance;

/// <summary>Compares two days' rows regardless of order.</summary>
internal sealed class DayDataComparer : IEqualityComparer<DayData>
{
    public bool Equals(DayData? x, DayData? y) =>
        x is not null && y is not null && x.Day == y.Day &&
        x.Events.ToHashSet().SetEquals(y.Events) && x.Events.Count == y.Events.Count &&
        x.Sessions.ToHashSet().SetEquals(y.Sessions) && x.Sessions.Count == y.Sessions.Count;

    public int GetHashCode(DayData obj) => obj.Day.GetHashCode();
}
