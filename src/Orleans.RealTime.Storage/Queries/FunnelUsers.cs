namespace Orleans.RealTime.Storage;

/// <summary>The user ids behind each funnel stage, so funnels of several tiers can be merged exactly.</summary>
/// <param name="Viewers">Users with a product view or click.</param>
/// <param name="Carters">Users with an add to cart.</param>
/// <param name="Purchasers">Users with a purchase.</param>
public sealed record FunnelUsers(IReadOnlySet<string> Viewers, IReadOnlySet<string> Carters, IReadOnlySet<string> Purchasers)
{
    /// <summary>The funnel counts of these users.</summary>
    public FunnelCounts ToCounts() => new(Viewers.Count, Carters.Count, Purchasers.Count);
}
