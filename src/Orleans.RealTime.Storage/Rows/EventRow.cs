namespace Orleans.RealTime.Storage;

/// <summary>
/// One stored row of the events table. A purchase becomes one row per line item (<see cref="Line"/> 0, 1, ...);
/// every other interaction is one row with <see cref="Line"/> 0. The row key is (<see cref="EventId"/>, <see cref="Line"/>),
/// so counting rows with <see cref="Line"/> 0 counts events exactly once.
/// </summary>
public sealed record EventRow
{
    /// <summary>The event's globally unique id; duplicates of the same id are absorbed by every store.</summary>
    public required string EventId { get; init; }

    /// <summary>The line item index within a purchase; 0 for every other interaction.</summary>
    public int Line { get; init; }

    /// <summary>When the interaction happened (UTC, millisecond precision).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The user the event belongs to.</summary>
    public required string UserId { get; init; }

    /// <summary>The client's own session id (browser or app session).</summary>
    public string? ClientSessionId { get; init; }

    /// <summary>The interaction type, one of <see cref="InteractionTypes"/>.</summary>
    public required string InteractionType { get; init; }

    /// <summary>The product concerned, if any.</summary>
    public string? ProductId { get; init; }

    /// <summary>Quantity (add to cart, purchase line).</summary>
    public int? Quantity { get; init; }

    /// <summary>Unit price in minor units of <see cref="Currency"/>.</summary>
    public long? UnitPriceMinor { get; init; }

    /// <summary>ISO 4217 currency code.</summary>
    public string? Currency { get; init; }

    /// <summary>The order id of a purchase.</summary>
    public string? OrderId { get; init; }

    /// <summary>Device type from the device info ("type"), e.g. "mobile".</summary>
    public string? DeviceType { get; init; }

    /// <summary>Operating system from the device info ("os").</summary>
    public string? DeviceOs { get; init; }

    /// <summary>Country from the location data ("country").</summary>
    public string? Country { get; init; }

    /// <summary>City from the location data ("city").</summary>
    public string? City { get; init; }
}
