namespace Orleans.RealTime.Sessions.Storage;

/// <summary>
/// One grain state's place in <see cref="CompactGrainStorage"/>: its serialized bytes and the version its ETag is made
/// of, changed under the slot's own lock, so writes of different grains never contend on the dictionary's locks.
/// </summary>
internal sealed class StoredSlot
{
    /// <summary>Version of a slot that holds nothing: never written, or cleared and left out of the dictionary.</summary>
    public const long Empty = 0;

    public byte[] Data { get; set; } = [];

    public long Version { get; set; } = Empty;

    /// <summary>Whether a clear took this slot out of the dictionary; a writer that still holds it must look again.</summary>
    public bool Removed { get; set; }
}
