namespace Orleans.RealTime.Storage;

/// <summary>A merged answer and the tiers that contributed to it.</summary>
/// <typeparam name="T">The answer type.</typeparam>
/// <param name="Value">The merged answer.</param>
/// <param name="Tiers">The tiers that answered, hottest first (empty when no tier holds the range).</param>
/// <param name="Elapsed">How long planning, running and merging took.</param>
public sealed record TierQueryResult<T>(T Value, IReadOnlyList<StorageTier> Tiers, TimeSpan Elapsed);
