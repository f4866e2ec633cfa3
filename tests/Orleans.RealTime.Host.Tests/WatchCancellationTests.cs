using System.Diagnostics.Metrics;
using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Gateway.Grpc;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Host.Tests;

/// <summary>Its own host, so no other test's watch moves the open-watches counter.</summary>
public sealed class WatchCancellationTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WatchRecommendations_ClientGoesAway_TheServerEndsTheCall()
    {
        using var active = new ScopedCounterTotal(host.App.Services.GetRequiredService<IMeterFactory>(), GatewayInstruments.MeterName, "realtime-gateway-watches-active");
        var recommendations = new RecommendationService.RecommendationServiceClient(host.Channel);
        using var cancel = new CancellationTokenSource();
        using var watch = recommendations.WatchRecommendations(new WatchRecommendationsRequest { UserId = "leaver" }, cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        await Eventually.HoldsAsync(() => Task.FromResult(active.Total == 1), Deadline, "the watch to be open");

        await cancel.CancelAsync();

        await Eventually.HoldsAsync(() => Task.FromResult(active.Total == 0), Deadline, "the server to end the watch");
    }
}
