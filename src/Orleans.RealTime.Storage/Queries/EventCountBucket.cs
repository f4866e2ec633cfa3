namespace Orleans.RealTime.Storage;

/// <summary>How many events of one interaction type started in one time bucket.</summary>
/// <param name="BucketStart">Start of the bucket (buckets are aligned to the Unix epoch).</param>
/// <param name="InteractionType">The interaction type.</param>
/// <param name="Count">Number of events (a purchase counts once, whatever its line items).</param>
public sealed record EventCountBucket(DateTimeOffset BucketStart, string InteractionType, long Count);
