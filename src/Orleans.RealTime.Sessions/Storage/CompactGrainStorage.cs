using System.Buffers;
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
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private readonly ConcurrentDictionary<StoredStateKey, StoredState> _states = new();
    private long _lastVersion;

    /// <summary>How many states are stored.</summary>
    public int Count => _states.Count;

    /// <summary>The bytes all stored states take, serialized (without the dictionary's own overhead).</summary>
    public long PayloadBytes => _states.Values.Sum(s => (long)s.Data.Length);

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_states.TryGetValue(new StoredStateKey(stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = ETagOf(stored.Version);
            grainState.RecordExists = true;
        }
        else
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
        var next = new StoredState(Serialize(grainState.State), Interlocked.Increment(ref _lastVersion));
        if (!Replace(key, grainState.ETag, next))
        {
            throw Conflict(key, grainState.ETag);
        }

        grainState.ETag = ETagOf(next.Version);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = new StoredStateKey(stateName, grainId);
        if (grainState.ETag is not null || _states.ContainsKey(key))
        {
            if (!_states.TryGetValue(key, out var stored) || grainState.ETag != ETagOf(stored.Version)
                || !_states.TryRemove(new KeyValuePair<StoredStateKey, StoredState>(key, stored)))
            {
                throw Conflict(key, grainState.ETag);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Serializes into a buffer this thread reuses, then copies out exactly the bytes written.</summary>
    private byte[] Serialize<T>(T state)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        serializer.Serialize(state, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Stores <paramref name="next"/> when what is stored carries <paramref name="expectedETag"/> (null: nothing stored).</summary>
    private bool Replace(StoredStateKey key, string? expectedETag, StoredState next)
    {
        if (expectedETag is null)
        {
            return _states.TryAdd(key, next);
        }

        return _states.TryGetValue(key, out var stored)
            && expectedETag == ETagOf(stored.Version)
            && _states.TryUpdate(key, next, stored);
    }

    private InconsistentStateException Conflict(StoredStateKey key, string? expectedETag)
    {
        var stored = _states.TryGetValue(key, out var current) ? ETagOf(current.Version) : "none";
        return new InconsistentStateException(
            $"State {key.StateName} of {key.GrainId} was changed by another writer: stored ETag {stored}, expected {expectedETag ?? "none"}",
            stored,
            expectedETag ?? "none");
    }

    private static string ETagOf(long version) => version.ToString("x", CultureInfo.InvariantCulture);
}
