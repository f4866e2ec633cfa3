namespace Orleans.RealTime.Storage;

/// <summary>One day moved from one tier to the next.</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="From">The tier the day left.</param>
/// <param name="To">The tier that holds it now.</param>
/// <param name="Events">Event rows moved.</param>
/// <param name="Sessions">Session rows moved.</param>
[GenerateSerializer, Immutable, Alias("Orleans.RealTime.Storage.TierMove")]
public sealed record TierMove([property: Id(0)] DateOnly Day, [property: Id(1)] StorageTier From, [property: Id(2)] StorageTier To, [property: Id(3)] long Events, [property: Id(4)] long Sessions);
