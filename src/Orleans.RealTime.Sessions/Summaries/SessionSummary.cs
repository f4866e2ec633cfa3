namespace Orleans.RealTime.Sessions.Summaries;

/// <summary>A closed session, as handed to storage.</summary>
/// <param name="UserId">The user.</param>
/// <param name="SessionId">The server-side session id.</param>
/// <param name="ClientSessionId">The client's own session id, as last seen.</param>
/// <param name="StartedAt">Event time of the first event.</param>
/// <param name="LastEventAt">Event time of the latest event.</param>
/// <param name="ClosedAt">Processing time at which the session closed.</param>
/// <param name="PageViews">Page views.</param>
/// <param name="ProductClicks">Product clicks.</param>
/// <param name="AddToCarts">Add-to-cart events.</param>
/// <param name="Purchases">Purchases.</param>
/// <param name="SpendMinorByCurrency">Total spend in minor units per ISO 4217 currency.</param>
/// <param name="Products">The session's products, most recent first (bounded).</param>
/// <param name="PurchasedProducts">Products bought in the session.</param>
[GenerateSerializer, Immutable, Alias("orleans-realtime.sessions.summary")]
public sealed record SessionSummary(
    [property: Id(0)] string UserId,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string ClientSessionId,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset LastEventAt,
    [property: Id(5)] DateTimeOffset ClosedAt,
    [property: Id(6)] long PageViews,
    [property: Id(7)] long ProductClicks,
    [property: Id(8)] long AddToCarts,
    [property: Id(9)] long Purchases,
    [property: Id(10)] IReadOnlyDictionary<string, long> SpendMinorByCurrency,
    [property: Id(11)] IReadOnlyList<string> Products,
    [property: Id(12)] IReadOnlyList<string> PurchasedProducts);
