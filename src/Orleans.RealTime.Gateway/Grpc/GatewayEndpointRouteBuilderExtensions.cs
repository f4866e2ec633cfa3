using Grpc.Reflection;
using Orleans.Dashboard;
using Orleans.RealTime.Gateway.Grpc;

namespace Orleans.RealTime.Gateway;

/// <summary>Maps the gRPC front end and the Orleans dashboard.</summary>
public static class GatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps grpc.health.v1 (always anonymous, for probes), server reflection (v1 and v1alpha), the <c>realtime.v1</c>
    /// AnalyticsService, SessionService and RecommendationService (the last two need an Orleans silo or client in the
    /// container) and the Orleans dashboard; with API keys configured everything but health requires one.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <param name="dashboardPath">Where the dashboard is served, e.g. <c>/dashboard</c>; <see langword="null"/> serves none.</param>
    /// <param name="dashboardPort">When set, the dashboard answers only on this port (its HTTP/1.1 listener).</param>
    /// <returns>The endpoint route builder.</returns>
    public static IEndpointRouteBuilder MapRealTimeGateway(this IEndpointRouteBuilder endpoints, string? dashboardPath, int? dashboardPort = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcHealthChecksService().AllowAnonymous();
        endpoints.MapGrpcService<ReflectionServiceImpl>();
        endpoints.MapGrpcService<ReflectionV1ServiceImpl>();
        endpoints.MapGrpcService<AnalyticsGrpcService>();
        endpoints.MapGrpcService<SessionGrpcService>();
        endpoints.MapGrpcService<RecommendationGrpcService>();
        if (dashboardPath is not null)
        {
            var dashboard = endpoints.MapOrleansDashboard(routePrefix: dashboardPath);
            if (dashboardPort is { } port)
            {
                dashboard.RequireHost($"*:{port}");
            }
        }

        return endpoints;
    }
}
