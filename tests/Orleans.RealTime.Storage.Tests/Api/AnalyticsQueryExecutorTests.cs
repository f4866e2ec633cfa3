using Orleans.RealTime.Contracts.Api.V1;

namespace Orleans.RealTime.Storage.Tests.Api;

public sealed class AnalyticsQueryExecutorTests : IAsyncLifetime
{
    private TierFixture _fixture = null!;

    public async Task InitializeAsync()
    {
        _fixture = await TierFixture.CreateAsync();
        await _fixture.PutDayAsync(StorageTier.Warm, SampleData.Day1);
        await _fixture.PutDayAsync(StorageTier.Hot, SampleData.Day2);
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private static AnalyticsQuery Query(int budgetMs = 0) => new()
    {
        From = SampleData.Days1And2.From.ToUnixTimeMilliseconds(),
        To = SampleData.Days1And2.To.ToUnixTimeMilliseconds(),
        LatencyBudgetMs = budgetMs,
    };

    [Fact]
    public async Task Execute_Funnel_AnswersWithTheTiersNamedInLowerCase()
    {
        var query = Query();
        query.Funnel = new FunnelQuery();

        var result = await _fixture.Router().ExecuteAsync(query);

        Assert.Equal(new Funnel { Viewers = 3, Carters = 2, Purchasers = 2 }, result.Funnel);
        Assert.Equal(["hot", "warm"], result.Tiers);
    }

    [Fact]
    public async Task Execute_TopProductsAndTimelineAndSessionStats_MapEveryField()
    {
        var top = Query();
        top.TopProducts = new TopProductsQuery { By = "purchase", Limit = 1 };
        var timeline = Query();
        timeline.UserTimeline = new UserTimelineQuery { UserId = "bob" };
        var stats = Query();
        stats.SessionStats = new SessionStatsQuery();

        var router = _fixture.Router();
        var topResult = await router.ExecuteAsync(top);
        var timelineResult = await router.ExecuteAsync(timeline);
        var statsResult = await router.ExecuteAsync(stats);

        Assert.Equal([new Contracts.Api.V1.ProductCount { ProductId = "p2", Count = 2 }], topResult.TopProducts);
        Assert.Equal(["e5", "e6", "e9"], timelineResult.Timeline.Select(t => t.EventId));
        Assert.Equal(SampleData.At(SampleData.Day2, 12).ToUnixTimeMilliseconds(), timelineResult.Timeline[2].Timestamp);
        Assert.Equal((3L, 2.0 / 3), (statsResult.SessionStats.Sessions, statsResult.SessionStats.ConversionRate));
    }

    [Fact]
    public async Task Execute_EventCounts_SumsBucketsAcrossTiers()
    {
        var query = Query();
        query.EventCounts = new EventCountsQuery { BucketSeconds = 86_400 };

        var result = await _fixture.Router().ExecuteAsync(query);

        Assert.Equal(9, result.EventCounts.Sum(b => b.Count));
    }

    [Theory]
    [InlineData(0, "event_counts.bucket_seconds")]
    [InlineData(-1, "latency_budget_ms")]
    public async Task Execute_BadField_ThrowsNamingIt(int bucketSeconds, string field)
    {
        var query = Query(budgetMs: bucketSeconds < 0 ? -5 : 0);
        query.EventCounts = new EventCountsQuery { BucketSeconds = bucketSeconds < 0 ? 60 : bucketSeconds };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _fixture.Router().ExecuteAsync(query));

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public async Task Execute_NoKindOrUnknownRanking_ThrowsNamingTheField()
    {
        var none = Query();
        var badRanking = Query();
        badRanking.TopProducts = new TopProductsQuery { By = "page_view" };

        Assert.Equal("kind", (await Assert.ThrowsAsync<ArgumentException>(() => _fixture.Router().ExecuteAsync(none))).ParamName);
        Assert.Equal("top_products.by", (await Assert.ThrowsAsync<ArgumentException>(() => _fixture.Router().ExecuteAsync(badRanking))).ParamName);
    }

    [Fact]
    public async Task Execute_BudgetTooSmallForWarm_ThrowsLatencyBudgetExceeded()
    {
        var query = Query(budgetMs: 50);
        query.Funnel = new FunnelQuery();

        await Assert.ThrowsAsync<LatencyBudgetExceededException>(() => _fixture.Router().ExecuteAsync(query));
    }
}
