namespace Orleans.RealTime.Recommendations.Model;

/// <summary>A trending product and its decayed score.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Score">Decayed interaction weight.</param>
public readonly record struct TrendingProduct(string ProductId, double Score);
