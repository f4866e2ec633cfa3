namespace Orleans.RealTime.Recommendations;

/// <summary>One recommended product.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Score">Higher is better; comparable within one set.</param>
/// <param name="Reason">Why: <c>co-view of P1</c>, <c>co-cart of P2</c>, <c>co-purchase of P3</c> or <c>trending</c>.</param>
[GenerateSerializer, Immutable, Alias("orleans-realtime.recs.product")]
public sealed record RecommendedProduct(
    [property: Id(0)] string ProductId,
    [property: Id(1)] double Score,
    [property: Id(2)] string Reason);
