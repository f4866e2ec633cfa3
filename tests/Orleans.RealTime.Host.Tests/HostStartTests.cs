using Grpc.Core;
using Grpc.Health.V1;
using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Host.Tests;

public sealed class HostStartTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Health_OnceTheSiloIsUp_IsServing()
    {
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcProbe.CheckHealthAsync(host.Channel));
    }

    [Fact]
    public async Task Reflection_ListServices_IncludesEveryRealtimeV1Service()
    {
        var services = await GrpcProbe.ListServicesAsync(host.Channel);

        Assert.Superset(
            new HashSet<string>
            {
                "realtime.v1.IngestService", "realtime.v1.SessionService", "realtime.v1.RecommendationService",
                "realtime.v1.AnalyticsService", "grpc.health.v1.Health",
            },
            services.ToHashSet());
    }

    [Fact]
    public async Task Dashboard_OverHttp11_Answers200WithTheDashboardPage()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(host.DashboardAddress + "/"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Dashboard_IsNotServedOnTheGrpcEndpoint()
    {
        using var http = new HttpClient(new SocketsHttpHandler())
        {
            DefaultRequestVersion = System.Net.HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{host.GrpcPort}/dashboard/"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task IngestService_IsServed_AndValidatesTheEvent()
    {
        var client = new IngestService.IngestServiceClient(host.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await client.PublishAsync(new PublishRequest(), deadline: DateTime.UtcNow.AddSeconds(10)));

        Assert.Equal((StatusCode.InvalidArgument, "event: is required"), (error.StatusCode, error.Status.Detail));
    }
}
