using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Gateway.Ingest;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Gateway.Tests.Ingest;

/// <summary>The gateway with IngestService mapped, on a free loopback port, writing to <c>bootstrap</c>.</summary>
internal sealed class IngestServer : IAsyncDisposable
{
    private IngestServer(WebApplication app, GrpcChannel channel)
    {
        App = app;
        Channel = channel;
        Client = new IngestService.IngestServiceClient(channel);
    }

    public WebApplication App { get; }

    public GrpcChannel Channel { get; }

    public IngestService.IngestServiceClient Client { get; }

    public static WebApplication Build(string bootstrap, int port, params string[] settings)
    {
        var builder = WebApplication.CreateSlimBuilder([$"--Ingest:BootstrapServers={bootstrap}", .. settings]);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddRealTimeGateway().AddCheck("up", () => HealthCheckResult.Healthy());
        builder.Services.AddRealTimeIngest();
        var app = builder.Build();
        app.MapRealTimeGateway(dashboardPath: null);
        app.MapRealTimeIngest();
        return app;
    }

    public static async Task<IngestServer> StartAsync(string bootstrap, params string[] settings)
    {
        var port = FreePort.Next();
        var app = Build(bootstrap, port, settings);
        await app.StartAsync();
        return new IngestServer(app, GrpcChannel.ForAddress($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.DisposeAsync();
    }
}
