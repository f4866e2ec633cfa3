using Microsoft.Extensions.DependencyInjection;
using Orleans.RealTime.Recommendations;
using Orleans.RealTime.Recommendations.Model;
using Orleans.RealTime.Sessions.State;
using Orleans.RealTime.Sessions.Storage;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.RealTime.Sessions.Tests;

/// <summary>The Redis state serializer: Orleans' bytes, from a buffer the thread reuses.</summary>
public sealed class PooledGrainStorageSerializerTests
{
    private readonly Serializer _serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void WritesTheBytesOfOrleansOwnSerializer_SoStoredStateReadsBothWays()
    {
        var pooled = new PooledGrainStorageSerializer(_serializer);
        var orleans = new OrleansGrainStorageSerializer(_serializer);
        var state = State(seed: 1);

        var ours = pooled.Serialize(state);

        Assert.Equal(orleans.Serialize(state).ToArray(), ours.ToArray());
        Assert.Equal(state.RecentEventHashes, pooled.Deserialize<UserSessionState>(orleans.Serialize(state)).RecentEventHashes);
        Assert.Equal(state.RecentProducts, orleans.Deserialize<UserSessionState>(ours)!.RecentProducts);
    }

    [Fact]
    public void AWrittenState_IsNotChangedByTheThreadsNextWrite()
    {
        var pooled = new PooledGrainStorageSerializer(_serializer);
        var first = pooled.Serialize(State(seed: 1));
        var copy = first.ToArray();

        pooled.Serialize(State(seed: 2));

        Assert.Equal(copy, first.ToArray());
        Assert.Equal(State(seed: 1).RecentEventHashes, pooled.Deserialize<UserSessionState>(first).RecentEventHashes);
    }

    /// <summary>A state past the 256 bytes Orleans' serializer starts its buffer with: a full deduplication ring.</summary>
    private static UserSessionState State(int seed)
    {
        var random = new Random(seed);
        return new UserSessionState
        {
            SessionId = $"s-{seed}",
            RecentProducts = [new ProductInteraction($"p-{seed}", InteractionKind.Cart)],
            RecentEventHashes = [.. Enumerable.Range(0, 128).Select(_ => (ulong)random.NextInt64())],
            LastOffset = seed * 1_000L,
        };
    }
}
