namespace Orleans.RealTime.Storage;

/// <summary>A half-open UTC time range [<see cref="From"/>, <see cref="To"/>).</summary>
public readonly record struct TimeRange
{
    /// <summary>Creates a range; <paramref name="to"/> must not be before <paramref name="from"/>.</summary>
    public TimeRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The range end {to:O} is before its start {from:O}.", nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>Inclusive start.</summary>
    public DateTimeOffset From { get; }

    /// <summary>Exclusive end.</summary>
    public DateTimeOffset To { get; }

    /// <summary>True when the range holds no instant.</summary>
    public bool IsEmpty => To <= From;

    /// <summary>The whole UTC day <paramref name="day"/>.</summary>
    public static TimeRange OfDay(DateOnly day) => new(StorageDays.Start(day), StorageDays.Start(day.AddDays(1)));

    /// <summary>The overlap of this range and <paramref name="other"/> (empty if none).</summary>
    public TimeRange Intersect(TimeRange other)
    {
        var from = From > other.From ? From : other.From;
        var to = To < other.To ? To : other.To;
        return to <= from ? new TimeRange(from, from) : new TimeRange(from, to);
    }

    /// <summary>The UTC days this range touches, in order.</summary>
    public IEnumerable<DateOnly> Days()
    {
        if (IsEmpty)
        {
            yield break;
        }

        var last = StorageDays.Of(To.AddTicks(-1));
        for (var day = StorageDays.Of(From); day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
