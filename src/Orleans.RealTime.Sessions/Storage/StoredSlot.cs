namespace Orleans.RealTime.Sessions.Storage;

/// <summary>
/// One grain state's place in <see cref="CompactGrainStorage"/>: its serialized bytes and the version its ETag is made
/// of, changed under the slot's own lock, so writes of different grains never contend on the dictionary's locks.
/// A write copies into the slot's buffer when it fits and grows it by half when not (a session's state grows with its
/// first events): a new array per write lived until the grain's next write, long enough to survive young-generation
/// collections.
/// </summary>
internal sealed class StoredSlot
{
    /// <summary>Version of a slot that holds nothing: never written, or cleared and left out of the dictionary.</summary>
    public const long Empty = 0;

    private byte[] _buffer = [];

    /// <summary>The stored bytes; valid under the slot's lock only (the next write overwrites them in place).</summary>
    public ReadOnlySpan<byte> Data => _buffer.AsSpan(0, Length);

    /// <summary>How many bytes are stored.</summary>
    public int Length { get; private set; }

    /// <summary>The buffer's size: what the slot holds in memory.</summary>
    public int Capacity => _buffer.Length;

    public long Version { get; set; } = Empty;

    /// <summary>Whether a clear took this slot out of the dictionary; a writer that still holds it must look again.</summary>
    public bool Removed { get; set; }

    /// <summary>Replaces the stored bytes with <paramref name="data"/>. Under the slot's lock.</summary>
    public void Store(ReadOnlySpan<byte> data)
    {
        if (data.Length > _buffer.Length)
        {
            _buffer = new byte[_buffer.Length == 0 ? data.Length : Math.Max(data.Length, _buffer.Length + (_buffer.Length / 2))];
        }

        data.CopyTo(_buffer);
        Length = data.Length;
    }
}
