using Grpc.Reflection;
using Orleans.Dashboard;
using Orleans.RealTime.Gateway.Grpc;

namespace Orleans.RealTime.Gateway;

/// <summary>Maps the gRPC front end and the Orleans dashboard.</summary>
public static class GatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps grpc.health.v1, server reflection (v1 and v1alpha), <c>realtime.v1</c> SessionService and
    /// RecommendationService (which need an Orleans silo or client in the container) and the Orleans dashboard.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <param name="dashboardPath">Where the dashboard is served, e.g. <c>/dashboard</c>; <see langword="null"/> serves none.</param>
    /// <param name="dashboardPort">When set, the dashboard answers only on this port (its HTTP/1.1 listener).</param>
    /// <returns>The endpoint route builder.</returns>
    public static IEndpointRouteBuilder MapRealTimeGateway(this IEndpointRouteBuilder endpoints, string? dashboardPath, int? dashboardPort = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcService<ReflectionServiceImpl>();
        endpoints.MapGrpcService<ReflectionV1ServiceImpl>();
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
