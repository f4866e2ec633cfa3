namespace Orleans.RealTime.Gateway.Ingest;

/// <summary>Maps <c>realtime.v1.IngestService</c>.</summary>
public static class IngestEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>realtime.v1.IngestService</c> (registered by <see cref="IngestServiceCollectionExtensions.AddRealTimeIngest"/>);
    /// with API keys configured it requires one, like the other <c>realtime.v1</c> services.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The endpoint convention builder of the service.</returns>
    public static GrpcServiceEndpointConventionBuilder MapRealTimeIngest(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGrpcService<IngestGrpcService>();
    }
}
