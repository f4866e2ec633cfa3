using Microsoft.Extensions.DependencyInjection;
using Orleans.RealTime.Sessions.State;
using Orleans.RealTime.Sessions.Storage;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.RealTime.Sessions.Tests;

public sealed class CompactGrainStorageTests
{
    private const string Name = "session";
    private static readonly GrainId User = GrainId.Create("session", "u1");

    private static CompactGrainStorage NewStorage() =>
        new(new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    private static GrainState<UserSessionState> Session(string sessionId, long offset = 1) =>
        new(new UserSessionState { SessionId = sessionId, LastOffset = offset, Cart = { ["P1"] = new CartItem(2, 990, "EUR") } });

    [Fact]
    public async Task Read_OfMissingState_ReportsNoRecordAndKeepsTheDefault()
    {
        var storage = NewStorage();
        var state = new GrainState<UserSessionState>(new UserSessionState());

        await storage.ReadStateAsync(Name, User, state);

        Assert.Equal((false, null, ""), (state.RecordExists, state.ETag, state.State!.SessionId));
    }

    [Fact]
    public async Task Write_ThenRead_ReturnsAFreshEqualCopyWithTheWrittenETag()
    {
        var storage = NewStorage();
        var written = Session("s1", offset: 42);
        await storage.WriteStateAsync(Name, User, written);
        written.State!.Cart["P1"] = new CartItem(7, 1, "USD");

        var read = new GrainState<UserSessionState>(new UserSessionState());
        await storage.ReadStateAsync(Name, User, read);

        Assert.True(read.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(("s1", 42L, new CartItem(2, 990, "EUR")), (read.State!.SessionId, read.State!.LastOffset, read.State!.Cart["P1"]));
        Assert.Equal(1, storage.Count);
    }

    [Fact]
    public async Task Write_OfASmallerState_ReusesTheBufferAndReadsBackExactlyThatState()
    {
        var storage = NewStorage();
        var big = Session("s1");
        for (var i = 0; i < 20; i++)
        {
            big.State!.Cart["product-" + i] = new CartItem(i, 100, "EUR");
        }

        await storage.WriteStateAsync(Name, User, big);
        var bigBytes = storage.PayloadBytes;
        var small = new GrainState<UserSessionState>(new UserSessionState { SessionId = "s2" }) { ETag = big.ETag };
        await storage.WriteStateAsync(Name, User, small);

        var read = new GrainState<UserSessionState>(new UserSessionState());
        await storage.ReadStateAsync(Name, User, read);

        Assert.Equal(("s2", 0), (read.State!.SessionId, read.State!.Cart.Count));
        Assert.Equal(bigBytes, storage.PayloadBytes);
    }

    [Fact]
    public async Task Write_WithAStaleETag_ThrowsInconsistentStateAndKeepsTheNewerState()
    {
        var storage = NewStorage();
        await storage.WriteStateAsync(Name, User, Session("s1"));
        var first = new GrainState<UserSessionState>(new UserSessionState());
        var second = new GrainState<UserSessionState>(new UserSessionState());
        await storage.ReadStateAsync(Name, User, first);
        await storage.ReadStateAsync(Name, User, second);

        first.State!.SessionId = "from-first";
        await storage.WriteStateAsync(Name, User, first);
        second.State!.SessionId = "from-second";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(Name, User, second));

        var read = new GrainState<UserSessionState>(new UserSessionState());
        await storage.ReadStateAsync(Name, User, read);
        Assert.Equal(("from-first", first.ETag), (read.State!.SessionId, read.ETag));
    }

    [Fact]
    public async Task Write_WithoutETagOverStoredState_ThrowsInconsistentState()
    {
        var storage = NewStorage();
        await storage.WriteStateAsync(Name, User, Session("s1"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(Name, User, Session("s2")));
    }

    [Fact]
    public async Task Clear_RemovesTheStateAndAStaleClearThrows()
    {
        var storage = NewStorage();
        var stale = Session("s1");
        await storage.WriteStateAsync(Name, User, stale);
        var current = new GrainState<UserSessionState>(new UserSessionState());
        await storage.ReadStateAsync(Name, User, current);
        await storage.WriteStateAsync(Name, User, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(Name, User, stale));
        await storage.ClearStateAsync(Name, User, current);

        var read = new GrainState<UserSessionState>(new UserSessionState());
        await storage.ReadStateAsync(Name, User, read);
        Assert.Equal((false, null, false, null, 0), (current.RecordExists, current.ETag, read.RecordExists, read.ETag, storage.Count));
        await storage.WriteStateAsync(Name, User, current);
        Assert.Equal(1, storage.Count);
    }

    [Fact]
    public async Task States_OfOtherGrainsAndStateNames_AreKeptApart()
    {
        var storage = NewStorage();
        await storage.WriteStateAsync(Name, User, Session("mine"));
        await storage.WriteStateAsync(Name, GrainId.Create("session", "u2"), Session("other-user"));
        await storage.WriteStateAsync("other", User, Session("other-name"));

        var read = new GrainState<UserSessionState>(new UserSessionState());
        await storage.ReadStateAsync(Name, User, read);

        Assert.Equal(("mine", 3), (read.State!.SessionId, storage.Count));
    }

    [Fact]
    public async Task ConcurrentWrites_WithTheSameETag_OnlyOneWins()
    {
        var storage = NewStorage();
        await storage.WriteStateAsync(Name, User, Session("s0"));
        var readers = Enumerable.Range(0, 16).Select(_ => new GrainState<UserSessionState>(new UserSessionState())).ToList();
        foreach (var reader in readers)
        {
            await storage.ReadStateAsync(Name, User, reader);
        }

        var outcomes = await Task.WhenAll(readers.Select((reader, i) => Task.Run(async () =>
        {
            reader.State!.SessionId = "writer-" + i;
            try
            {
                await storage.WriteStateAsync(Name, User, reader);
                return reader.State.SessionId;
            }
            catch (InconsistentStateException)
            {
                return null;
            }
        })));

        var winner = Assert.Single(outcomes, o => o is not null);
        var read = new GrainState<UserSessionState>(new UserSessionState());
        await storage.ReadStateAsync(Name, User, read);
        Assert.Equal(winner, read.State!.SessionId);
    }
}
