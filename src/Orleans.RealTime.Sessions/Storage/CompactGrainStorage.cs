using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.RealTime.Sessions.Storage;

/// <summary>
/// Silo-local grain storage that keeps each grain's state as the bytes of the Orleans serializer, for a single-silo
/// deployment (the Embedded profile). Unlike Orleans' memory storage there is no grain call and no live object copy per
/// grain: a write serializes, a read deserializes a fresh object. Writes and clears are optimistic on the ETag: a
/// mismatch throws <see cref="InconsistentStateException"/>. Nothing survives the process.
/// </summary>
public sealed class CompactGrainStorage(Serializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<StoredStateKey, StoredSlot> _states = new();
    private long _lastVersion;

    /// <summary>How many states are stored.</summary>
    public int Count => _states.Count;

    /// <summary>The bytes all stored states take, serialized (their buffers' sizes, without the dictionary's own overhead).</summary>
    public long PayloadBytes => _states.Values.Sum(s => (long)s.Capacity);

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var found = false;
        if (_states.TryGetValue(new StoredStateKey(stateName, grainId), out var slot))
        {
            // Deserialized under the lock: a write copies the next state into the same buffer.
            lock (slot)
            {
                if (slot.Version != StoredSlot.Empty)
                {
                    grainState.State = serializer.Deserialize<T>(slot.Data);
                    grainState.ETag = ETagOf(slot.Version);
                    grainState.RecordExists = true;
                    found = true;
                }
            }
        }

        if (!found)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = new StoredStateKey(stateName, grainId);
        var expected = VersionOf(grainState.ETag);
        var data = SerializationBuffer.Write(serializer, grainState.State);
        while (true)
        {
            var slot = _states.GetOrAdd(key, static _ => new StoredSlot());
            lock (slot)
            {
                if (slot.Removed)
                {
                    continue;
                }

                if (slot.Version != expected)
                {
                    throw Conflict(key, grainState.ETag, slot.Version);
                }

                slot.Store(data);
                slot.Version = Interlocked.Increment(ref _lastVersion);
                grainState.ETag = ETagOf(slot.Version);
                grainState.RecordExists = true;
                return Task.CompletedTask;
            }
        }
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = new StoredStateKey(stateName, grainId);
        var expected = VersionOf(grainState.ETag);
        if (_states.TryGetValue(key, out var slot))
        {
            lock (slot)
            {
                if (slot.Version != expected)
                {
                    throw Conflict(key, grainState.ETag, slot.Version);
                }

                slot.Removed = true;
                _states.TryRemove(new KeyValuePair<StoredStateKey, StoredSlot>(key, slot));
            }
        }
        else if (expected != StoredSlot.Empty)
        {
            throw Conflict(key, grainState.ETag, StoredSlot.Empty);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>The version an ETag of this storage names; an ETag it never issued matches nothing stored.</summary>
    private static long VersionOf(string? eTag) =>
        eTag is null ? StoredSlot.Empty
        : long.TryParse(eTag, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var version) && version > 0 ? version
        : -1;

    private static InconsistentStateException Conflict(StoredStateKey key, string? expectedETag, long storedVersion)
    {
        var stored = storedVersion == StoredSlot.Empty ? "none" : ETagOf(storedVersion);
        return new InconsistentStateException(
            $"State {key.StateName} of {key.GrainId} was changed by another writer: stored ETag {stored}, expected {expectedETag ?? "none"}",
            stored,
            expectedETag ?? "none");
    }

    private static string ETagOf(long version) => version.ToString("x", CultureInfo.InvariantCulture);
}
