namespace Orleans.RealTime.Sessions.State;

/// <summary>One product in the cart.</summary>
/// <param name="Quantity">Units in the cart.</param>
/// <param name="UnitPriceMinor">Price of one unit in minor units, as last added.</param>
/// <param name="Currency">ISO 4217 currency of the price.</param>
[GenerateSerializer, Immutable, Alias("orleans-realtime.sessions.cart-item")]
public sealed record CartItem(
    [property: Id(0)] int Quantity,
    [property: Id(1)] long UnitPriceMinor,
    [property: Id(2)] string Currency);
