namespace Orleans.RealTime.Storage;

/// <summary>The offset to commit for one partition once a batch is written: the offset after its last record.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="NextOffset">The offset of the next record to read.</param>
public sealed record SinkPosition(string Topic, int Partition, long NextOffset);
