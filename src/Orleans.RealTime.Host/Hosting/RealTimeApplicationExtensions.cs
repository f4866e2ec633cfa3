using Microsoft.Extensions.Options;
using Orleans.RealTime.Gateway;
using Orleans.RealTime.Gateway.Ingest;
using Orleans.RealTime.Host.Configuration;

namespace Orleans.RealTime.Host.Hosting;

/// <summary>Maps the host's endpoints.</summary>
public static class RealTimeApplicationExtensions
{
    /// <summary>Maps gRPC health, reflection, the realtime.v1 services including ingest and, when enabled, the dashboard.</summary>
    /// <param name="app">The built application.</param>
    /// <returns>The application.</returns>
    public static WebApplication MapRealTimeHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var dashboard = app.Services.GetRequiredService<IOptions<DashboardSettings>>().Value;
        var web = app.Services.GetRequiredService<IOptions<WebSettings>>().Value;
        app.MapRealTimeGateway(dashboard.Enabled ? dashboard.Path : null, web.Port);
        app.MapRealTimeIngest();
        return app;
    }
}
