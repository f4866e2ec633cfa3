namespace Orleans.RealTime.Recommendations;

/// <summary>How strongly a user engaged with a product, weakest first.</summary>
/// <remarks>Generated serialization: without it the serializer boxed the value on every session state write.</remarks>
[GenerateSerializer]
public enum InteractionKind
{
    /// <summary>The product page was viewed.</summary>
    View = 0,

    /// <summary>The product was clicked in a list.</summary>
    Click = 1,

    /// <summary>The product was added to the cart.</summary>
    Cart = 2,

    /// <summary>The product was bought.</summary>
    Purchase = 3,
}
