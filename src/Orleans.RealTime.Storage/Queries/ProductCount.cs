namespace Orleans.RealTime.Storage;

/// <summary>How often a product took part in the ranking interaction.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Count">Number of rows (for purchases: line items) of the ranking interaction.</param>
public sealed record ProductCount(string ProductId, long Count);
