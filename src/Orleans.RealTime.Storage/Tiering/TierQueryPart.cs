namespace Orleans.RealTime.Storage;

/// <summary>The part of a query's range that one tier answers.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Range">The sub-range, made of whole days this tier holds (clipped to the query's range).</param>
public sealed record TierQueryPart(StorageTier Tier, TimeRange Range);
