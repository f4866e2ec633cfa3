using Orleans.RealTime.Sessions.State;

namespace Orleans.RealTime.Sessions;

/// <summary>A user's live session as read through <see cref="IUserSessionGrain.GetSessionAsync"/>.</summary>
/// <param name="UserId">The user.</param>
/// <param name="SessionId">Server-side session id; empty when no session is open.</param>
/// <param name="ClientSessionId">The client's own session id, as last seen.</param>
/// <param name="StartedAt">Event time of the first event; null when no session is open.</param>
/// <param name="LastEventAt">Event time of the latest event; null when no session is open.</param>
/// <param name="PageViews">Page views.</param>
/// <param name="ProductClicks">Product clicks.</param>
/// <param name="AddToCarts">Add-to-cart events.</param>
/// <param name="Purchases">Purchases.</param>
/// <param name="RecentlyViewedProducts">Products of the session, most recent first.</param>
/// <param name="Cart">Product → cart line.</param>
/// <param name="SpendMinorByCurrency">Spend in minor units per currency.</param>
/// <param name="LastAppliedOffset">The last applied Kafka offset of the user's stream; -1 before any.</param>
[GenerateSerializer, Immutable, Alias("orleans-realtime.sessions.snapshot")]
public sealed record SessionSnapshot(
    [property: Id(0)] string UserId,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string ClientSessionId,
    [property: Id(3)] DateTimeOffset? StartedAt,
    [property: Id(4)] DateTimeOffset? LastEventAt,
    [property: Id(5)] long PageViews,
    [property: Id(6)] long ProductClicks,
    [property: Id(7)] long AddToCarts,
    [property: Id(8)] long Purchases,
    [property: Id(9)] IReadOnlyList<string> RecentlyViewedProducts,
    [property: Id(10)] IReadOnlyDictionary<string, CartItem> Cart,
    [property: Id(11)] IReadOnlyDictionary<string, long> SpendMinorByCurrency,
    [property: Id(12)] long LastAppliedOffset)
{
    /// <summary>All events counted in the session.</summary>
    public long TotalEvents => PageViews + ProductClicks + AddToCarts + Purchases;
}
