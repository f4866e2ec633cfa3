using Microsoft.Extensions.Time.Testing;
using Orleans.RealTime.Storage.Tests.Maintenance;

namespace Orleans.RealTime.Storage.Tests.Tiering;

public sealed class AnalyticsQueryRouterTests : IAsyncLifetime
{
    private TierFixture _fixture = null!;
    private DuckDbTierStore _reference = null!;
    private readonly TempDirectory _referenceDirectory = new();

    public async Task InitializeAsync()
    {
        // Day 1 has aged into the warm tier, day 2 is hot; the reference store holds both days in one place.
        _fixture = await TierFixture.CreateAsync();
        await _fixture.PutDayAsync(StorageTier.Warm, SampleData.Day1);
        await _fixture.PutDayAsync(StorageTier.Hot, SampleData.Day2);
        _reference = await DuckDbTierStore.OpenAsync(Path.Combine(_referenceDirectory.Path, "all.duckdb"));
        await _reference.WriteEventsAsync(SampleData.Events());
        await _reference.WriteSessionsAsync(SampleData.Sessions());
    }

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        await _reference.DisposeAsync();
        _referenceDirectory.Dispose();
    }

    [Fact]
    public async Task Plan_RangeOverTwoTiers_GivesEachTierItsDays()
    {
        var plan = await _fixture.Router().PlanAsync(SampleData.Days1And2, latencyBudget: null);

        Assert.Equal([new TierQueryPart(StorageTier.Warm, TimeRange.OfDay(SampleData.Day1)), new TierQueryPart(StorageTier.Hot, TimeRange.OfDay(SampleData.Day2))], plan);
    }

    [Fact]
    public async Task CountEvents_RangeOverTwoTiers_MergesToTheSingleStoreAnswerAndNamesBothTiers()
    {
        var result = await _fixture.Router().CountEventsAsync(SampleData.Days1And2, TimeSpan.FromHours(1), latencyBudget: null);

        Assert.Equal(await _reference.CountEventsAsync(SampleData.Days1And2, TimeSpan.FromHours(1)), result.Value);
        Assert.Equal([StorageTier.Hot, StorageTier.Warm], result.Tiers);
    }

    [Fact]
    public async Task TopProducts_RangeOverTwoTiers_RanksOverBothTiers()
    {
        var result = await _fixture.Router().TopProductsAsync(SampleData.Days1And2, InteractionTypes.Purchase, 1, latencyBudget: null);

        // p2 is bought once on each day: only an exact merge puts it first.
        Assert.Equal([new ProductCount("p2", 2)], result.Value);
    }

    [Fact]
    public async Task Funnel_UserActiveInTwoTiers_IsCountedOnce()
    {
        var result = await _fixture.Router().FunnelAsync(SampleData.Days1And2, latencyBudget: null);

        Assert.Equal(await _reference.FunnelAsync(SampleData.Days1And2), result.Value);
        Assert.Equal(new FunnelCounts(3, 2, 2), result.Value);
    }

    [Fact]
    public async Task UserTimeline_RangeOverTwoTiers_IsInTimeOrderAndLimited()
    {
        var all = await _fixture.Router().UserTimelineAsync(SampleData.Days1And2, "alice", 100, latencyBudget: null);
        var lastTwo = await _fixture.Router().UserTimelineAsync(new TimeRange(SampleData.At(SampleData.Day1, 9, 15), StorageDays.Start(SampleData.Day2.AddDays(1))), "alice", 2, latencyBudget: null);

        Assert.Equal(await _reference.UserTimelineAsync(SampleData.Days1And2, "alice", 100), all.Value);
        Assert.Equal([("e4", 0), ("e4", 1)], lastTwo.Value.Select(e => (e.EventId, e.Line)));
    }

    [Fact]
    public async Task SessionStatistics_RangeOverTwoTiers_AddsUp()
    {
        var result = await _fixture.Router().SessionStatisticsAsync(SampleData.Days1And2, latencyBudget: null);

        Assert.Equal(new SessionStatistics(3, 60 * 60, 7, 2), result.Value);
    }

    [Fact]
    public async Task Query_DayLeftInTwoTiersByAnInterruptedMove_IsAnsweredByTheHotterTierOnly()
    {
        await _fixture.PutDayAsync(StorageTier.Cold, SampleData.Day1);

        var result = await _fixture.Router().CountEventsAsync(SampleData.Days1And2, TimeSpan.FromDays(1), latencyBudget: null);

        Assert.Equal(9, result.Value.Sum(b => b.Count));
        Assert.Equal([StorageTier.Hot, StorageTier.Warm], result.Tiers);
    }

    [Fact]
    public async Task Query_RangeNoTierHolds_IsEmptyWithNoTiers()
    {
        var result = await _fixture.Router().CountEventsAsync(TimeRange.OfDay(new DateOnly(2020, 1, 1)), TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(1));

        Assert.Empty(result.Value);
        Assert.Empty(result.Tiers);
    }

    [Fact]
    public async Task Budget_BelowWarmLatencyOnARangeNeedingWarm_FailsNamingBudgetAndTier()
    {
        var error = await Assert.ThrowsAsync<LatencyBudgetExceededException>(
            () => _fixture.Router().FunnelAsync(SampleData.Days1And2, TimeSpan.FromMilliseconds(200)));

        Assert.Equal((TimeSpan.FromMilliseconds(200), StorageTier.Warm), (error.Budget, error.Tier));
        Assert.Contains("200 ms", error.Message, StringComparison.Ordinal);
        Assert.Contains("warm tier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_BelowWarmLatencyOnAHotOnlyRange_Answers()
    {
        var result = await _fixture.Router().FunnelAsync(TimeRange.OfDay(SampleData.Day2), TimeSpan.FromMilliseconds(200));

        Assert.Equal([StorageTier.Hot], result.Tiers);
        Assert.Equal(new FunnelCounts(1, 0, 1), result.Value);
    }

    [Fact]
    public async Task Budget_QueryStillRunningWhenItRunsOut_IsCancelledWithTheBudgetError()
    {
        var time = new FakeTimeProvider();
        var hanging = new FaultingTierStore(_fixture.Tiers.Hot) { HangQueries = true };
        var router = _fixture.Router(time, _fixture.Tiers with { Hot = hanging });

        var query = router.CountEventsAsync(TimeRange.OfDay(SampleData.Day2), TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(150));
        time.Advance(TimeSpan.FromMilliseconds(150));
        var error = await Assert.ThrowsAsync<LatencyBudgetExceededException>(() => query.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal((TimeSpan.FromMilliseconds(150), StorageTier.Hot), (error.Budget, error.Tier));
        Assert.Contains("ran out before the hot tier", error.Message, StringComparison.Ordinal);
    }
}
