using Orleans.RealTime.Sessions.State;
using Orleans.Storage;

namespace Orleans.RealTime.Sessions.Storage;

/// <summary>
/// One session's state, read and written straight through the grain storage named <see cref="SessionStreams.StorageName"/>
/// (Redis, or <see cref="CompactGrainStorage"/> in a single silo). Orleans' <c>IPersistentState</c> bridge starts every
/// write with a forced yield, so even a write the storage completes at once made each delivery call asynchronous: another
/// scheduler turn and a chain of task allocations per event. Here a synchronous write keeps the whole call synchronous.
/// The grain is not reentrant, so operations never overlap and need no queue.
/// </summary>
internal sealed class SessionStateStore(IGrainStorage storage, GrainId grainId)
{
    /// <summary>The state name sessions are stored under (the name the earlier <c>[PersistentState("session")]</c> used).</summary>
    public const string StateName = "session";

    private readonly GrainState<UserSessionState> _stored = new(new UserSessionState());

    /// <summary>The live state.</summary>
    public UserSessionState State
    {
        get => _stored.State!;
        set => _stored.State = value;
    }

    /// <summary>Replaces the live state with the stored one (a fresh state when nothing is stored).</summary>
    public async Task ReadAsync()
    {
        await storage.ReadStateAsync(StateName, grainId, _stored);
        _stored.State ??= new UserSessionState();
    }

    /// <summary>Writes the live state; the storage checks and renews the ETag.</summary>
    public Task WriteAsync() => storage.WriteStateAsync(StateName, grainId, _stored);
}
