using Orleans.RealTime.Recommendations;
using Orleans.RealTime.Sessions.Summaries;

namespace Orleans.RealTime.Sessions.State;

/// <summary>Turns session state into the snapshot callers read and the summary storage receives, and resets it on close.</summary>
internal static class SessionMapping
{
    public static SessionSnapshot ToSnapshot(string userId, UserSessionState state) => new(
        userId,
        state.SessionId,
        state.IsOpen ? state.ClientSessionId : "",
        state.IsOpen ? DateTimeOffset.FromUnixTimeMilliseconds(state.StartedAtMs) : null,
        state.IsOpen ? DateTimeOffset.FromUnixTimeMilliseconds(state.LastEventAtMs) : null,
        state.Counts[(int)InteractionKind.View],
        state.Counts[(int)InteractionKind.Click],
        state.Counts[(int)InteractionKind.Cart],
        state.Counts[(int)InteractionKind.Purchase],
        [.. state.RecentProducts.Select(p => p.ProductId)],
        new Dictionary<string, CartItem>(state.Cart, StringComparer.Ordinal),
        SpendOf(state),
        state.LastOffset);

    public static SessionSummary ToSummary(string userId, UserSessionState state, DateTimeOffset closedAt) => new(
        userId,
        state.SessionId,
        state.ClientSessionId,
        DateTimeOffset.FromUnixTimeMilliseconds(state.StartedAtMs),
        DateTimeOffset.FromUnixTimeMilliseconds(state.LastEventAtMs),
        closedAt,
        state.Counts[(int)InteractionKind.View],
        state.Counts[(int)InteractionKind.Click],
        state.Counts[(int)InteractionKind.Cart],
        state.Counts[(int)InteractionKind.Purchase],
        SpendOf(state),
        [.. state.RecentProducts.Select(p => p.ProductId)],
        [.. state.PurchasedProducts ?? []]);

    private static Dictionary<string, long> SpendOf(UserSessionState state) =>
        state.SpendMinorByCurrency is { } spend ? new(spend, StringComparer.Ordinal) : new(StringComparer.Ordinal);

    /// <summary>A fresh state that keeps only what delivery needs across sessions: offset, recent event ids, the closed session's end.</summary>
    public static UserSessionState Reset(UserSessionState closed) => new()
    {
        LastOffset = closed.LastOffset,
        RecentEventHashes = closed.RecentEventHashes,
        RecentEventCursor = closed.RecentEventCursor,
        ClosedLastEventAtMs = closed.LastEventAtMs,
    };
}
