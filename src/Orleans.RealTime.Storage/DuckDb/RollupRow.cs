namespace Orleans.RealTime.Storage;

/// <summary>
/// What the rollups read of one event row. The storage sink's type, product and user strings are pooled, long-lived
/// instances, so a staged write can keep these for all its rows while the rows themselves are gone.
/// </summary>
/// <param name="TimeMs">When the interaction happened, epoch ms.</param>
/// <param name="Line">The line item index (0 for all but a purchase's later lines).</param>
/// <param name="InteractionType">The interaction type.</param>
/// <param name="ProductId">The product, if any.</param>
/// <param name="UserId">The user.</param>
internal readonly record struct RollupRow(long TimeMs, int Line, string InteractionType, string? ProductId, string UserId)
{
    /// <summary>The rollup fields of <paramref name="row"/>.</summary>
    public static RollupRow Of(EventRow row) => new(row.Time.ToUnixTimeMilliseconds(), row.Line, row.InteractionType, row.ProductId, row.UserId);
}
