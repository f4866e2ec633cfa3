namespace Orleans.RealTime.Recommendations.Model;

/// <summary>A product and the strongest interaction a session had with it.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Kind">The strongest interaction so far.</param>
[GenerateSerializer, Immutable, Alias("orleans-realtime.recs.product-interaction")]
public readonly record struct ProductInteraction(
    [property: Id(0)] string ProductId,
    [property: Id(1)] InteractionKind Kind);
