using Grpc.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.RealTime.Gateway.Grpc;

namespace Orleans.RealTime.Gateway;

/// <summary>Registers the gRPC front end.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds gRPC, grpc.health.v1 health reporting (checks run on each <c>Check</c> call) and server reflection over
    /// the whole <c>realtime.v1</c> contract, so grpcurl and other generic clients can discover it.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The health checks builder, to add the checks that decide SERVING.</returns>
    public static IHealthChecksBuilder AddRealTimeGateway(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddGrpc();
        services.AddMetrics();
        services.TryAddSingleton<GatewayInstruments>();
        services.AddSingleton(new ReflectionServiceImpl(ApiContract.AllServices));
        services.AddSingleton(new ReflectionV1ServiceImpl(ApiContract.AllServices));
        services.AddGrpcHealthChecks(options => options.UseHealthChecksCache = false);
        return services.AddHealthChecks();
    }
}
