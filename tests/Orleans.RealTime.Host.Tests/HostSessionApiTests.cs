using Confluent.Kafka;
using Google.Protobuf;
using Grpc.Core;
using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Streaming.Kafka.Embedded;

namespace Orleans.RealTime.Host.Tests;

public sealed class HostSessionApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetSession_UnknownUser_ReturnsAnEmptySession()
    {
        var client = new SessionService.SessionServiceClient(host.Channel);

        var session = await client.GetSessionAsync(new GetSessionRequest { UserId = "nobody-" + Guid.NewGuid() }, deadline: DateTime.UtcNow.Add(Deadline));

        Assert.Equal("", session.SessionId);
        Assert.Equal(0, session.PageViews + session.ProductClicks + session.AddToCarts + session.Purchases);
    }

    [Fact]
    public async Task BadRequests_AnswerInvalidArgumentNamingTheField()
    {
        var sessions = new SessionService.SessionServiceClient(host.Channel);
        var recommendations = new RecommendationService.RecommendationServiceClient(host.Channel);

        var noUser = await Assert.ThrowsAsync<RpcException>(async () => await sessions.GetSessionAsync(new GetSessionRequest()));
        var badLimit = await Assert.ThrowsAsync<RpcException>(async () =>
            await recommendations.GetRecommendationsAsync(new GetRecommendationsRequest { UserId = "u", Limit = 1_000 }));
        using var watch = recommendations.WatchRecommendations(new WatchRecommendationsRequest { UserId = new string('x', 200) });
        var longUser = await Assert.ThrowsAsync<RpcException>(async () => await watch.ResponseStream.MoveNext());

        Assert.Equal((StatusCode.InvalidArgument, "user_id: is required"), (noUser.StatusCode, noUser.Status.Detail));
        Assert.Equal(StatusCode.InvalidArgument, badLimit.StatusCode);
        Assert.StartsWith("limit:", badLimit.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, longUser.StatusCode);
        Assert.StartsWith("user_id:", longUser.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventsProducedToTheHostsKafka_ShowInGetSessionAndWatchRecommendations()
    {
        var user = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        var other = "e2e-teacher-" + Guid.NewGuid().ToString("N")[..8];
        var bootstrap = host.App.Services.GetRequiredService<EmbeddedKafka>().BootstrapServers;
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, Partitioner = Partitioner.Murmur2Random }).Build();
        var recommendations = new RecommendationService.RecommendationServiceClient(host.Channel);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = recommendations.WatchRecommendations(new WatchRecommendationsRequest { UserId = user }, cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(user, watch.ResponseStream.Current.UserId);

        // Another shopper teaches the model that P-1 and P-2 go together.
        await ProduceAsync(producer, Click(other, "P-1"));
        await ProduceAsync(producer, Click(other, "P-2"));
        await Testing.Eventually.HoldsAsync(
            // P-2 trends in the same model batch that learns its pair with P-1.
            async () => (await recommendations.GetRecommendationsAsync(new GetRecommendationsRequest { UserId = other + "-probe", Limit = 100 })).Items.Any(i => i.ProductId == "P-2"),
            TimeSpan.FromSeconds(30),
            "the model to learn from the first shopper");
        var click = Click(user, "P-1");
        await ProduceAsync(producer, click);

        RecommendationSet pushed;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
            pushed = watch.ResponseStream.Current;
        }
        while (pushed.TriggerEventId != click.EventId);

        var session = await new SessionService.SessionServiceClient(host.Channel).GetSessionAsync(new GetSessionRequest { UserId = user });
        Assert.Equal((1L, "client-" + user), (session.ProductClicks, session.ClientSessionId));
        Assert.Equal(["P-1"], session.RecentlyViewedProducts);
        Assert.Contains(pushed.Items, i => i.ProductId == "P-2" && i.Reason == "co-view of P-1");
        Assert.DoesNotContain(pushed.Items, i => i.ProductId == "P-1");
        var fetched = await recommendations.GetRecommendationsAsync(new GetRecommendationsRequest { UserId = user });
        Assert.Equal(click.EventId, fetched.TriggerEventId);
    }

    private static UserInteraction Click(string user, string product) => new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        UserId = user,
        SessionId = "client-" + user,
        Timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ProductClick = new ProductClick { ProductId = product, ListName = "search" },
    };

    private static Task ProduceAsync(IProducer<string, byte[]> producer, UserInteraction evt) =>
        producer.ProduceAsync("user-interactions", new Message<string, byte[]> { Key = evt.UserId, Value = evt.ToByteArray() });
}
