using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.RealTime.Host;
using Orleans.RealTime.Recommendations;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>The platform's host (Embedded profile) started in this process on free loopback ports.</summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    private HostUnderTest(WebApplication app, GrpcChannel channel)
    {
        App = app;
        Channel = channel;
    }

    public WebApplication App { get; }

    public GrpcChannel Channel { get; }

    public string Bootstrap => App.Services.GetRequiredService<EmbeddedKafka>().BootstrapServers;

    public Recommender Recommender => App.Services.GetRequiredService<Recommender>();

    public static async Task<HostUnderTest> StartAsync(int partitions, string? redis, params string[] extra)
    {
        var ports = FreePort.Next(4);
        var grpc = ports[0];
        string[] args =
        [
            "--urls", $"http://127.0.0.1:{grpc}",
            $"--Web:Url=http://127.0.0.1:{ports[3]}",
            "--Dashboard:Enabled=false",
            $"--Orleans:SiloPort={ports[1]}",
            $"--Orleans:GatewayPort={ports[2]}",
            $"--Kafka:Embedded:Partitions={partitions}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans.RealTime.Host=Information",
            .. redis is null ? Array.Empty<string>() : [$"--Sessions:Redis={redis}"],
            .. extra,
        ];
        var app = RealTimeHost.Build(args);
        await app.StartAsync();
        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpc}", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        return new HostUnderTest(app, channel);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
