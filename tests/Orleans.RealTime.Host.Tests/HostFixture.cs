using Grpc.Net.Client;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Host.Tests;

/// <summary>The whole host, as <c>dotnet run</c> starts it, in-process on free loopback ports.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public WebApplication App { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public Uri DashboardAddress { get; private set; } = null!;

    /// <summary>The HTTP/1.1 listener: dashboard and HTTP/JSON API.</summary>
    public Uri WebAddress { get; private set; } = null!;

    public int GrpcPort { get; private set; }

    public async Task InitializeAsync()
    {
        var ports = FreePort.Next(4);
        GrpcPort = ports[0];
        WebAddress = new Uri($"http://127.0.0.1:{ports[1]}/");
        DashboardAddress = new Uri(WebAddress, "dashboard");
        App = RealTimeHost.Build(HostArguments.For(ports));
        await App.StartAsync();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}");
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
