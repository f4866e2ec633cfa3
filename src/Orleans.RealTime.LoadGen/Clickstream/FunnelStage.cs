namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>The next step of a shopper: click a product in a list, view it, add it to the cart, or check out.</summary>
internal enum FunnelStage
{
    Browse,
    View,
    Cart,
    Purchase,
}
