using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Host.Tests;

public sealed class SecuredHostTests : IAsyncLifetime
{
    private const string Key = "secured-host-key-0123456789";
    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;
    private Uri _dashboard = null!;

    public async Task InitializeAsync()
    {
        var ports = FreePort.Next(4);
        _app = RealTimeHost.Build(HostArguments.For(ports, $"--Security:ApiKeys:0={Key}"));
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{ports[0]}");
        _dashboard = new Uri($"http://127.0.0.1:{ports[1]}/dashboard/");
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_WithoutAKey_Is401WithABasicChallenge()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(_dashboard);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Dashboard_WithTheKeyAsHeaderOrBasicPassword_Is200()
    {
        using var http = new HttpClient();
        using var byHeader = new HttpRequestMessage(HttpMethod.Get, _dashboard) { Headers = { { "x-api-key", Key } } };
        using var byBasic = new HttpRequestMessage(HttpMethod.Get, _dashboard)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"ops:{Key}"))) },
        };

        using var headerResponse = await http.SendAsync(byHeader);
        using var basicResponse = await http.SendAsync(byBasic);

        Assert.Equal(HttpStatusCode.OK, headerResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, basicResponse.StatusCode);
    }

    [Fact]
    public async Task GrpcCall_WithoutAKey_IsUnauthenticated_ButHealthIsServing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => GrpcProbe.ListServicesAsync(_channel));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcProbe.CheckHealthAsync(_channel));
    }
}
