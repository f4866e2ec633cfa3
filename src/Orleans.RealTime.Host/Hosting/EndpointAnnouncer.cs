using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Gateway.Security;
using Orleans.RealTime.Host.Configuration;

namespace Orleans.RealTime.Host.Hosting;

/// <summary>Logs one line per endpoint once the server listens, with the addresses actually bound.</summary>
internal sealed partial class EndpointAnnouncer(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<DashboardSettings> dashboard,
    IOptions<WebSettings> web,
    IOptions<ApiKeySettings> security,
    ILogger<EndpointAnnouncer> logger) : IHostedService
{
    private CancellationTokenRegistration _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The addresses Kestrel listens on, after start.</summary>
    public IReadOnlyCollection<string> Addresses =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    private void Announce()
    {
        if (!security.Value.Required)
        {
            LogLoopbackOnly(logger);
        }

        foreach (var address in Addresses)
        {
            if (ListenerUrl.TryParse(address)?.Port == web.Value.Port)
            {
                LogWebEndpoint(logger, address);
                if (dashboard.Value.Enabled)
                {
                    LogDashboardEndpoint(logger, $"{address.TrimEnd('/')}{dashboard.Value.Path}");
                }
            }
            else
            {
                LogGrpcEndpoint(logger, address);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "gRPC: {Address}")]
    private static partial void LogGrpcEndpoint(ILogger logger, string address);

    [LoggerMessage(2, LogLevel.Information, "Dashboard: {Address}")]
    private static partial void LogDashboardEndpoint(ILogger logger, string address);

    [LoggerMessage(4, LogLevel.Information, "HTTP/JSON: {Address}")]
    private static partial void LogWebEndpoint(ILogger logger, string address);

    [LoggerMessage(3, LogLevel.Warning, "No API key configured (Security:ApiKeys): listening on loopback only, every call is accepted.")]
    private static partial void LogLoopbackOnly(ILogger logger);
}
