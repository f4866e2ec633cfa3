namespace Orleans.RealTime.Storage;

/// <summary>UTC day arithmetic shared by the stores: days are the unit of tiering.</summary>
public static class StorageDays
{
    /// <summary>The UTC day of <paramref name="time"/>.</summary>
    public static DateOnly Of(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    /// <summary>Midnight UTC at the start of <paramref name="day"/>.</summary>
    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The day number since the Unix epoch, as stored (time in ms divided by 86,400,000).</summary>
    public static long EpochDay(DateOnly day) => day.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The day of an epoch day number.</summary>
    public static DateOnly FromEpochDay(long epochDay) => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)epochDay);
}
