using Confluent.Kafka;
using Google.Protobuf;
using Grpc.Core;
using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Sessions.Summaries;
using Orleans.RealTime.Storage;
using Orleans.RealTime.Streaming.Kafka.Embedded;

namespace Orleans.RealTime.Host.Tests;

/// <summary>AnalyticsService.Query through the running host: gRPC, the tier router and the embedded DuckDB hot tier.</summary>
public sealed class AnalyticsEndToEndTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly DateTimeOffset Hour = StartOfHour(DateTimeOffset.UtcNow.AddHours(-2));

    [Fact]
    public async Task Query_EventCountsAndTopProducts_AnswerFromTheHotTier()
    {
        var tiers = host.App.Services.GetRequiredService<StorageTiers>();
        var events = Enumerable.Range(0, 30).Select(i => Click($"ae2e-{i}", $"P{i % 3}", Hour.AddMinutes(i))).ToList();
        await tiers.Hot.WriteEventsAsync([.. events.SelectMany(EventRowMapper.ToRows)]);
        var client = new AnalyticsService.AnalyticsServiceClient(host.Channel);
        var range = new AnalyticsQuery { From = Hour.ToUnixTimeMilliseconds(), To = Hour.AddHours(1).ToUnixTimeMilliseconds() };

        var counts = await client.QueryAsync(new AnalyticsQuery(range) { EventCounts = new EventCountsQuery { BucketSeconds = 3600 } });
        var top = await client.QueryAsync(new AnalyticsQuery(range) { TopProducts = new TopProductsQuery { By = "product_click", Limit = 2 } });

        var bucket = Assert.Single(counts.EventCounts);
        Assert.Equal(("product_click", 30L), (bucket.InteractionType, bucket.Count));
        Assert.Equal(["hot"], counts.Tiers);
        Assert.Equal(2, top.TopProducts.Count);
        Assert.All(top.TopProducts, p => Assert.Equal(10, p.Count));
    }

    [Fact]
    public async Task Query_OverHttpJson_OnTheWebListener_AnswersLikeGrpc()
    {
        var tiers = host.App.Services.GetRequiredService<StorageTiers>();
        var at = Hour.AddMinutes(-30);
        await tiers.Hot.WriteEventsAsync([.. EventRowMapper.ToRows(Click("ae2e-json", "P-json", at))]);
        using var http = new HttpClient { BaseAddress = host.WebAddress };
        var body = $$$"""{"from": "{{{at.ToUnixTimeMilliseconds()}}}", "to": "{{{Hour.ToUnixTimeMilliseconds()}}}", "topProducts": {"by": "product_click", "limit": 5}}""";

        using var response = await http.PostAsync(new Uri("v1/analytics:query", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var result = Google.Protobuf.JsonParser.Default.Parse<AnalyticsResult>(json);
        Assert.Equal(("P-json", 1L), (Assert.Single(result.TopProducts).ProductId, result.TopProducts[0].Count));
        Assert.Equal(["hot"], result.Tiers);
    }

    [Fact]
    public async Task EventsProducedToTheHostsKafka_AreStoredByTheSink_AndAnswerAnalytics()
    {
        var product = "P-sink-" + Guid.NewGuid().ToString("N")[..8];
        var bootstrap = host.App.Services.GetRequiredService<EmbeddedKafka>().BootstrapServers;
        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, EnableIdempotence = true }).Build())
        {
            for (var i = 0; i < 5; i++)
            {
                var click = Click($"{product}-{i}", product, DateTimeOffset.UtcNow.AddSeconds(-i));
                await producer.ProduceAsync("user-interactions", new Message<string, byte[]> { Key = click.UserId, Value = click.ToByteArray() });
            }
        }

        var client = new AnalyticsService.AnalyticsServiceClient(host.Channel);
        var query = new AnalyticsQuery
        {
            From = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds(),
            To = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds(),
            TopProducts = new TopProductsQuery { By = "product_click", Limit = 1000 },
        };

        await Testing.Eventually.HoldsAsync(
            async () => (await client.QueryAsync(query)).TopProducts.Any(p => p.ProductId == product && p.Count == 5),
            TimeSpan.FromSeconds(60),
            "the sink to store the five clicks");
    }

    [Fact]
    public async Task ClosedSessionSummaries_GoToTheSessionsTable()
    {
        var sink = host.App.Services.GetRequiredService<ISessionSummarySink>();
        var start = Hour.AddDays(-3);
        var summary = new SessionSummary(
            "summary-user", "summary-session-1", "client-1", start, start.AddMinutes(12), start.AddMinutes(42),
            PageViews: 4, ProductClicks: 2, AddToCarts: 1, Purchases: 1,
            new Dictionary<string, long> { ["EUR"] = 2599 }, ["P1", "P2"], ["P2"]);

        await sink.WriteAsync(summary);
        await sink.WriteAsync(summary);
        var stats = await new AnalyticsService.AnalyticsServiceClient(host.Channel).QueryAsync(new AnalyticsQuery
        {
            From = start.ToUnixTimeMilliseconds(),
            To = start.AddHours(1).ToUnixTimeMilliseconds(),
            SessionStats = new SessionStatsQuery(),
        });

        Assert.Equal(1, stats.SessionStats.Sessions);
        Assert.Equal(8, stats.SessionStats.AverageEvents);
        Assert.Equal(1.0, stats.SessionStats.ConversionRate);
        Assert.Equal(12 * 60, stats.SessionStats.AverageDurationSeconds);
    }

    [Fact]
    public async Task Query_WithAnEmptyRange_IsInvalidArgumentNamingTheField()
    {
        var client = new AnalyticsService.AnalyticsServiceClient(host.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.QueryAsync(
            new AnalyticsQuery { From = 2000, To = 1000, Funnel = new FunnelQuery() }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("to ", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("to", error.Trailers.GetValue("field"));
    }

    [Fact]
    public async Task Query_WithABudgetNoTierCanMeet_FailsNamingBudgetAndTier()
    {
        var tiers = host.App.Services.GetRequiredService<StorageTiers>();
        await tiers.Hot.WriteEventsAsync([.. EventRowMapper.ToRows(Click("ae2e-budget", "P9", Hour))]);
        var client = new AnalyticsService.AnalyticsServiceClient(host.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.QueryAsync(new AnalyticsQuery
        {
            From = Hour.ToUnixTimeMilliseconds(),
            To = Hour.AddHours(1).ToUnixTimeMilliseconds(),
            LatencyBudgetMs = 1,
            Funnel = new FunnelQuery(),
        }));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("1 ms", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("hot tier", error.Status.Detail, StringComparison.Ordinal);
    }

    private static DateTimeOffset StartOfHour(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero);

    private static UserInteraction Click(string id, string product, DateTimeOffset at) => new()
    {
        EventId = id,
        UserId = "analytics-user",
        Timestamp = at.ToUnixTimeMilliseconds(),
        ProductClick = new ProductClick { ProductId = product },
    };
}
