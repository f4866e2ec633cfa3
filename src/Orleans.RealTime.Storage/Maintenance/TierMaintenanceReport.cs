namespace Orleans.RealTime.Storage;

/// <summary>What one maintenance run did.</summary>
/// <param name="Moves">Days moved to a colder tier.</param>
/// <param name="Expired">Days deleted from the cold tier past its retention.</param>
/// <param name="Deferred">Days copied but left in their source because rows arrived during the move (moved on the next run).</param>
[GenerateSerializer, Immutable, Alias("Orleans.RealTime.Storage.TierMaintenanceReport")]
public sealed record TierMaintenanceReport(
    [property: Id(0)] IReadOnlyList<TierMove> Moves, [property: Id(1)] IReadOnlyList<DateOnly> Expired, [property: Id(2)] IReadOnlyList<DateOnly> Deferred);
