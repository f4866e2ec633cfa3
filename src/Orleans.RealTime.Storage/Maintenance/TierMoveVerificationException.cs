namespace Orleans.RealTime.Storage;

/// <summary>A copied day did not verify in its destination; the source was kept.</summary>
/// <param name="day">The day.</param>
/// <param name="to">The destination tier.</param>
/// <param name="detail">What did not match.</param>
public sealed class TierMoveVerificationException(DateOnly day, StorageTier to, string detail)
    : Exception($"Copying {day:yyyy-MM-dd} into the {to.ToString().ToLowerInvariant()} tier did not verify ({detail}); the source day was kept.");
