using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Gateway.Tests;

public sealed class GatewayHealthAndReflectionTests : IAsyncLifetime
{
    private volatile bool _healthy;
    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2));
        builder.Services.AddRealTimeGateway().AddCheck(
            "switch", () => _healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy());
        _app = builder.Build();
        _app.MapRealTimeGateway(dashboardPath: null);
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Health_FollowsTheRegisteredChecks_OnEveryCall()
    {
        _healthy = false;
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, await GrpcProbe.CheckHealthAsync(_channel));

        _healthy = true;
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcProbe.CheckHealthAsync(_channel));
    }

    [Fact]
    public async Task Reflection_ListServices_NamesTheRealtimeV1ContractAndHealth()
    {
        var services = await GrpcProbe.ListServicesAsync(_channel);

        Assert.Superset(
            new HashSet<string>
            {
                "realtime.v1.IngestService", "realtime.v1.SessionService", "realtime.v1.RecommendationService",
                "realtime.v1.AnalyticsService", "grpc.health.v1.Health",
            },
            services.ToHashSet());
    }
}
