using Grpc.Health.V1;
using Orleans.RealTime.Contracts.Api.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Orleans.RealTime.Gateway.Grpc;

/// <summary>The gRPC services this front end publishes through server reflection.</summary>
public static class ApiContract
{
    /// <summary>The <c>realtime.v1</c> services.</summary>
    public static IReadOnlyList<ServiceDescriptor> RealTimeServices { get; } =
    [
        IngestService.Descriptor,
        SessionService.Descriptor,
        RecommendationService.Descriptor,
        AnalyticsService.Descriptor,
    ];

    /// <summary>Every service reflection lists: the <c>realtime.v1</c> services and <c>grpc.health.v1.Health</c>.</summary>
    public static IReadOnlyList<ServiceDescriptor> AllServices { get; } = [.. RealTimeServices, Health.Descriptor];
}
