using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>One generated event and what the benchmark needs to know about it.</summary>
/// <param name="Event">The event.</param>
/// <param name="SendTwice">Whether to send it a second time (a producer retry duplicate).</param>
/// <param name="NewProductClick">The clicked product when this is a click on a product new to the session; else null.</param>
/// <param name="SessionProducts">The session's products before this event (what recommendations exclude).</param>
internal sealed record GeneratedEvent(UserInteraction Event, bool SendTwice, string? NewProductClick, IReadOnlySet<string> SessionProducts);
