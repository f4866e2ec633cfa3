using Orleans.RealTime.Recommendations.Model;

namespace Orleans.RealTime.Sessions.State;

/// <summary>The persisted state of one user's session grain: the open session (if any) and the delivery bookkeeping.</summary>
[GenerateSerializer, Alias("orleans-realtime.sessions.state")]
internal sealed class UserSessionState
{
    /// <summary>Server-side session id; empty when no session is open.</summary>
    [Id(0)] public string SessionId { get; set; } = "";

    [Id(1)] public string ClientSessionId { get; set; } = "";

    /// <summary>Event time of the session's first event, ms since the epoch.</summary>
    [Id(2)] public long StartedAtMs { get; set; }

    /// <summary>Latest event time seen in the session; never moves backwards.</summary>
    [Id(3)] public long LastEventAtMs { get; set; }

    /// <summary>Processing time of the last event or read, which the idle TTL runs from.</summary>
    [Id(4)] public long LastTouchedMs { get; set; }

    /// <summary>Counts per <see cref="Recommendations.InteractionKind"/>: page views, clicks, add-to-carts, purchases.</summary>
    [Id(5)] public long[] Counts { get; set; } = new long[4];

    /// <summary>Products of the session, most recent first, bounded.</summary>
    [Id(6)] public List<ProductInteraction> RecentProducts { get; set; } = [];

    [Id(7)] public Dictionary<string, CartItem> Cart { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Products bought in the session; null until the first purchase (most sessions buy nothing).</summary>
    [Id(8)] public List<string>? PurchasedProducts { get; set; }

    /// <summary>Spend in minor units per currency; null until the first purchase.</summary>
    [Id(9)] public Dictionary<string, long>? SpendMinorByCurrency { get; set; }

    /// <summary>The last applied Kafka offset of this user's stream; -1 before any.</summary>
    [Id(10)] public long LastOffset { get; set; } = -1;

    /// <summary>Ring of 64-bit hashes of recent event ids, for deduplication.</summary>
    [Id(11)] public ulong[] RecentEventHashes { get; set; } = [];

    [Id(12)] public int RecentEventCursor { get; set; }

    /// <summary>Latest event time of the last closed session; older events belong to it and are late.</summary>
    [Id(13)] public long ClosedLastEventAtMs { get; set; }

    public bool IsOpen => SessionId.Length > 0;
}
