namespace Orleans.RealTime.Recommendations.Model;

/// <summary>A product related to another, with the weighted score and how it was earned.</summary>
/// <param name="ProductId">The related product.</param>
/// <param name="Score">Weighted sum of co-views, co-carts and co-purchases over the square root of the related product's occurrences.</param>
/// <param name="Reason">The pair kind that contributed most to the score.</param>
public readonly record struct Neighbor(string ProductId, double Score, PairKind Reason);
