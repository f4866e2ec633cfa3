namespace Orleans.RealTime.Storage;

/// <summary>One closed session summary; the row key is <see cref="SessionId"/> and its day is that of <see cref="Start"/>.</summary>
public sealed record SessionRow
{
    /// <summary>The server-side session id (unique).</summary>
    public required string SessionId { get; init; }

    /// <summary>The user of the session.</summary>
    public required string UserId { get; init; }

    /// <summary>Time of the first event of the session.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Time of the last event of the session.</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>How many events the session had.</summary>
    public int EventCount { get; init; }

    /// <summary>How many purchases the session had (greater than 0 means the session converted).</summary>
    public int PurchaseCount { get; init; }

    /// <summary>Revenue of the session's purchases in minor units.</summary>
    public long RevenueMinor { get; init; }
}
