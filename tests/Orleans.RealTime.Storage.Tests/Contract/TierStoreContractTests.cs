namespace Orleans.RealTime.Storage.Tests.Contract;

/// <summary>The behaviour every <see cref="ITierStore"/> must show; one derived class per store.</summary>
public abstract class TierStoreContractTests : IAsyncLifetime
{
    private ITierStore? _store;

    /// <summary>A scratch directory for the store's files, deleted after each test.</summary>
    protected string ScratchPath => Scratch.Path;

    private TempDirectory Scratch { get; } = new();

    protected ITierStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        await CleanUpAsync();
        Scratch.Dispose();
    }

    protected abstract Task<ITierStore> CreateStoreAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    private async Task SeedAsync()
    {
        await Store.WriteEventsAsync(SampleData.Events());
        await Store.WriteSessionsAsync(SampleData.Sessions());
    }

    [ContractFact]
    public async Task WriteEvents_SameEventIdTwice_StoresOnce()
    {
        await SeedAsync();
        await Store.WriteEventsAsync(SampleData.Events());
        await Store.WriteEventsAsync([SampleData.Events()[0], SampleData.Events()[0]]);

        Assert.Equal(8, (await Store.CountDayAsync(SampleData.Day1)).Events);
        Assert.Equal(2, (await Store.CountDayAsync(SampleData.Day2)).Events);
    }

    [ContractFact]
    public async Task WriteSessions_SameSessionIdTwice_StoresOnce()
    {
        await SeedAsync();
        await Store.WriteSessionsAsync(SampleData.Sessions());

        Assert.Equal(2, (await Store.CountDayAsync(SampleData.Day1)).Sessions);
        Assert.Equal(1, (await Store.CountDayAsync(SampleData.Day2)).Sessions);
    }

    [ContractFact]
    public async Task CountEvents_HourBuckets_CountsEachPurchaseOnce()
    {
        await SeedAsync();

        var buckets = await Store.CountEventsAsync(TimeRange.OfDay(SampleData.Day1), TimeSpan.FromHours(1));

        Assert.Equal(
            [
                new EventCountBucket(SampleData.At(SampleData.Day1, 9), InteractionTypes.AddToCart, 1),
                new EventCountBucket(SampleData.At(SampleData.Day1, 9), InteractionTypes.PageView, 1),
                new EventCountBucket(SampleData.At(SampleData.Day1, 9), InteractionTypes.ProductClick, 1),
                new EventCountBucket(SampleData.At(SampleData.Day1, 9), InteractionTypes.Purchase, 1),
                new EventCountBucket(SampleData.At(SampleData.Day1, 10), InteractionTypes.AddToCart, 1),
                new EventCountBucket(SampleData.At(SampleData.Day1, 10), InteractionTypes.PageView, 1),
                new EventCountBucket(SampleData.At(SampleData.Day1, 11), InteractionTypes.PageView, 1),
            ],
            buckets);
    }

    [ContractFact]
    public async Task TopProducts_ByPurchase_RanksLineItemsAcrossDays()
    {
        await SeedAsync();

        var top = await Store.TopProductsAsync(SampleData.Days1And2, InteractionTypes.Purchase, 10);

        Assert.Equal([new ProductCount("p2", 2), new ProductCount("p1", 1)], top);
    }

    [ContractFact]
    public async Task TopProducts_Limit_ReturnsOnlyTheFirst()
    {
        await SeedAsync();

        var top = await Store.TopProductsAsync(SampleData.Days1And2, InteractionTypes.AddToCart, 1);

        Assert.Equal([new ProductCount("p1", 1)], top);
    }

    [ContractFact]
    public async Task Funnel_Day1_CountsDistinctUsersPerStage()
    {
        await SeedAsync();

        Assert.Equal(new FunnelCounts(3, 2, 1), await Store.FunnelAsync(TimeRange.OfDay(SampleData.Day1)));
        Assert.Equal(new FunnelCounts(3, 2, 2), await Store.FunnelAsync(SampleData.Days1And2));
    }

    [ContractFact]
    public async Task FunnelUsers_Day1_NamesTheUsersOfEachStage()
    {
        await SeedAsync();

        var users = await Store.FunnelUsersAsync(TimeRange.OfDay(SampleData.Day1));

        Assert.Equal(["alice", "bob", "carol"], users.Viewers.Order());
        Assert.Equal(["alice", "bob"], users.Carters.Order());
        Assert.Equal(["alice"], users.Purchasers);
    }

    [ContractFact]
    public async Task UserTimeline_OneUser_ReturnsHerRowsInTimeOrderUpToLimit()
    {
        await SeedAsync();

        var all = await Store.UserTimelineAsync(SampleData.Days1And2, "alice", 100);
        var first = await Store.UserTimelineAsync(SampleData.Days1And2, "alice", 2);

        Assert.Equal(SampleData.Events().Where(e => e.UserId == "alice"), all);
        Assert.Equal(["e1", "e2"], first.Select(e => e.EventId));
    }

    [ContractFact]
    public async Task SessionStatistics_Range_SumsSessionsStartedInIt()
    {
        await SeedAsync();

        var day1 = await Store.SessionStatisticsAsync(TimeRange.OfDay(SampleData.Day1));
        var both = await Store.SessionStatisticsAsync(SampleData.Days1And2);

        Assert.Equal(new SessionStatistics(2, 50 * 60, 6, 1), day1);
        Assert.Equal(new SessionStatistics(3, 60 * 60, 7, 2), both);
        Assert.Equal(0.5, day1.ConversionRate);
    }

    [ContractFact]
    public async Task Queries_RangeEnd_IsExclusive()
    {
        await SeedAsync();
        var range = new TimeRange(SampleData.At(SampleData.Day1, 9), SampleData.At(SampleData.Day1, 10));

        var buckets = await Store.CountEventsAsync(range, TimeSpan.FromDays(1));

        Assert.Equal(4, buckets.Sum(b => b.Count));
    }

    [ContractFact]
    public async Task ListDays_AfterWrites_ReturnsEachDayHeldOnce()
    {
        Assert.Empty(await Store.ListDaysAsync());
        await SeedAsync();

        Assert.Equal([SampleData.Day1, SampleData.Day2], await Store.ListDaysAsync());
    }

    [ContractFact]
    public async Task ReadDay_Day1_ReturnsExactlyItsRows()
    {
        await SeedAsync();

        var day = await Store.ReadDayAsync(SampleData.Day1);

        Assert.Equal(SampleData.Events().Where(e => StorageDays.Of(e.Time) == SampleData.Day1), day.Events);
        Assert.Equal(["s1", "s2"], day.Sessions.Select(s => s.SessionId));
    }

    [ContractFact]
    public async Task ImportDay_Twice_DoesNotDouble()
    {
        var day = new DayData(
            SampleData.Day1,
            [.. SampleData.Events().Where(e => StorageDays.Of(e.Time) == SampleData.Day1)],
            [.. SampleData.Sessions().Where(s => StorageDays.Of(s.Start) == SampleData.Day1)]);

        await Store.ImportDayAsync(day);
        await Store.ImportDayAsync(day);

        Assert.Equal(new DayCounts(8, 2), await Store.CountDayAsync(SampleData.Day1));
        Assert.Equal([SampleData.Day1], await Store.ListDaysAsync());
    }

    [ContractFact]
    public async Task DeleteDay_Day1_LeavesDay2Intact()
    {
        await SeedAsync();

        await Store.DeleteDayAsync(SampleData.Day1);
        await Store.DeleteDayAsync(SampleData.Day1);

        Assert.Equal(new DayCounts(0, 0), await Store.CountDayAsync(SampleData.Day1));
        Assert.Equal(new DayCounts(2, 1), await Store.CountDayAsync(SampleData.Day2));
        Assert.Equal([SampleData.Day2], await Store.ListDaysAsync());
    }

    [ContractFact]
    public async Task Queries_EmptyStore_ReturnEmptyAnswers()
    {
        Assert.Empty(await Store.CountEventsAsync(SampleData.Days1And2, TimeSpan.FromHours(1)));
        Assert.Empty(await Store.TopProductsAsync(SampleData.Days1And2, InteractionTypes.Purchase, 5));
        Assert.Equal(new FunnelCounts(0, 0, 0), await Store.FunnelAsync(SampleData.Days1And2));
        Assert.Empty(await Store.UserTimelineAsync(SampleData.Days1And2, "alice", 5));
        Assert.Equal(SessionStatistics.Empty, await Store.SessionStatisticsAsync(SampleData.Days1And2));
    }
}
