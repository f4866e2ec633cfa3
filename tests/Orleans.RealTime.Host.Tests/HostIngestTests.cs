using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.Host.Tests;

public sealed class HostIngestTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Publish_ThroughGrpc_ShowsInTheUsersSession()
    {
        var user = "ingest-" + Guid.NewGuid().ToString("N")[..8];
        var ingest = new IngestService.IngestServiceClient(host.Channel);
        var sessions = new SessionService.SessionServiceClient(host.Channel);
        var click = new UserInteraction
        {
            EventId = Guid.NewGuid().ToString("N"),
            UserId = user,
            SessionId = "client-" + user,
            Timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ProductClick = new ProductClick { ProductId = "P-7", ListName = "search" },
        };

        var stored = await ingest.PublishAsync(new PublishRequest { Event = click }, deadline: DateTime.UtcNow.Add(Deadline));

        Assert.True(stored.Offset >= 0);
        await Testing.Eventually.HoldsAsync(
            async () => (await sessions.GetSessionAsync(new GetSessionRequest { UserId = user })).ProductClicks == 1,
            Deadline,
            "the session to count the published click");
        var session = await sessions.GetSessionAsync(new GetSessionRequest { UserId = user });
        Assert.Equal("client-" + user, session.ClientSessionId);
        Assert.Equal(["P-7"], session.RecentlyViewedProducts);
    }
}
