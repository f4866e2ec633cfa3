namespace Orleans.RealTime.Recommendations;

/// <summary>A user's recommendation set as computed at one moment.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Items">Best first, at most the configured top N.</param>
/// <param name="ComputedAt">When the set was computed.</param>
/// <param name="TriggerEventId">The event that triggered the computation; empty when none did.</param>
[GenerateSerializer, Immutable, Alias("orleans-realtime.recs.snapshot")]
public sealed record RecommendationSnapshot(
    [property: Id(0)] string UserId,
    [property: Id(1)] IReadOnlyList<RecommendedProduct> Items,
    [property: Id(2)] DateTimeOffset ComputedAt,
    [property: Id(3)] string TriggerEventId);
