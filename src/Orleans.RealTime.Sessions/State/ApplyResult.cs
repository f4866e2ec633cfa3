using Orleans.RealTime.Recommendations;
using Orleans.RealTime.Recommendations.Model;

namespace Orleans.RealTime.Sessions.State;

/// <summary>The effect of one event on the session.</summary>
/// <param name="Outcome">Applied or why not.</param>
/// <param name="OpenedSession">Whether the event opened a new session.</param>
/// <param name="OutOfOrder">Whether it was older than the session's latest event.</param>
/// <param name="Kind">The interaction kind.</param>
/// <param name="Products">The products it touched with the session's products before it (for the model).</param>
/// <param name="Context">The session's most recent products before the event, as many as the model pairs with; empty for an event without products.</param>
internal sealed record ApplyResult(
    ApplyOutcome Outcome,
    bool OpenedSession,
    bool OutOfOrder,
    InteractionKind Kind,
    IReadOnlyList<string> Products,
    IReadOnlyList<ProductInteraction> Context)
{
    public static ApplyResult Skipped(ApplyOutcome outcome, InteractionKind kind) => new(outcome, false, false, kind, [], []);
}
