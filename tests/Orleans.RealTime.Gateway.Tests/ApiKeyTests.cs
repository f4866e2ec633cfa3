using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Gateway.Tests;

public sealed class ApiKeyTests : IAsyncLifetime
{
    private const string Key = "test-key-0123456789abcdef";
    private const string RotatedKey = "rotated-key-0123456789abcdef";
    private readonly CountingIngestService _service = new();
    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder(["--Security:ApiKeys:0=" + Key, "--Security:ApiKeys:1=" + RotatedKey]);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2));
        builder.Services.AddRealTimeGateway().AddCheck("up", () => HealthCheckResult.Healthy());
        builder.Services.AddSingleton(_service);
        _app = builder.Build();
        _app.MapRealTimeGateway(dashboardPath: null);
        _app.MapGrpcService<CountingIngestService>();
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key-0123456789abcdef")]
    [InlineData("test-key-0123456789abcde")]
    public async Task Call_WithoutAValidKey_IsUnauthenticatedAndNeverReachesTheService(string? key)
    {
        var client = new IngestService.IngestServiceClient(_channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.PublishAsync(
            new PublishRequest(), Headers(key), DateTime.UtcNow.AddSeconds(10)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(0, _service.Calls);
    }

    [Theory]
    [InlineData(Key)]
    [InlineData(RotatedKey)]
    public async Task Call_WithAnyConfiguredKey_ReachesTheService(string key)
    {
        var client = new IngestService.IngestServiceClient(_channel);

        var response = await client.PublishAsync(new PublishRequest(), Headers(key), DateTime.UtcNow.AddSeconds(10));

        Assert.Equal((3, 42L), (response.Partition, response.Offset));
        Assert.Equal(1, _service.Calls);
    }

    [Fact]
    public async Task Health_WithoutAKey_IsStillServed()
    {
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcProbe.CheckHealthAsync(_channel));
    }

    [Fact]
    public async Task Reflection_WithoutAKey_IsUnauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => GrpcProbe.ListServicesAsync(_channel));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private static global::Grpc.Core.Metadata Headers(string? key) => key is null ? [] : new global::Grpc.Core.Metadata { { "x-api-key", key } };
}
