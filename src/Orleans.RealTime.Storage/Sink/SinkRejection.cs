namespace Orleans.RealTime.Storage;

/// <summary>A record the sink skipped because it did not decode or validate; its offset is committed with the batch.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Offset">The record's offset.</param>
/// <param name="Problem">Why it was skipped.</param>
public sealed record SinkRejection(string Topic, int Partition, long Offset, string Problem);
