namespace Orleans.RealTime.Storage;

/// <summary>
/// The conversion funnel: distinct users who viewed a product (product page view or product click),
/// who added to cart, and who purchased, within the range.
/// </summary>
/// <param name="Viewers">Distinct users with a product view or click.</param>
/// <param name="Carters">Distinct users with an add to cart.</param>
/// <param name="Purchasers">Distinct users with a purchase.</param>
public sealed record FunnelCounts(long Viewers, long Carters, long Purchasers);
