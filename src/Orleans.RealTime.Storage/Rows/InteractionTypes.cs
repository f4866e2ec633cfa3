namespace Orleans.RealTime.Storage;

/// <summary>The values of <see cref="EventRow.InteractionType"/>, named after the fields of the protobuf oneof.</summary>
public static class InteractionTypes
{
    /// <summary>A page was shown.</summary>
    public const string PageView = "page_view";

    /// <summary>A product was clicked in a list.</summary>
    public const string ProductClick = "product_click";

    /// <summary>A product was added to the cart.</summary>
    public const string AddToCart = "add_to_cart";

    /// <summary>An order was placed (one row per line item).</summary>
    public const string Purchase = "purchase";

    /// <summary>The event carried no interaction.</summary>
    public const string Unknown = "unknown";

    /// <summary>True if <paramref name="value"/> ranks products (click, cart or purchase).</summary>
    public static bool IsProductRanking(string value) => value is ProductClick or AddToCart or Purchase;
}
