using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Contracts.Validation;

namespace Orleans.RealTime.Gateway.Ingest;

/// <summary>Registers <c>realtime.v1.IngestService</c>.</summary>
public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Adds the ingest service's idempotent Kafka producer, the shared <see cref="UserInteractionValidator"/> and
    /// <see cref="IngestOptions"/> bound from section <c>Ingest</c> and validated at start; its gRPC receive limit is
    /// <see cref="IngestOptions.MaxReceiveMessageSize"/>. Call after <c>AddRealTimeGateway</c>; map it with
    /// <see cref="IngestEndpointRouteBuilderExtensions.MapRealTimeIngest"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="defaultBootstrap">Gives the bootstrap servers when <c>Ingest:BootstrapServers</c> is empty (e.g. the one sessions read from).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddRealTimeIngest(this IServiceCollection services, Func<IServiceProvider, string>? defaultBootstrap = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName);
        if (defaultBootstrap is not null)
        {
            options.Configure<IServiceProvider>((ingest, provider) =>
            {
                if (string.IsNullOrWhiteSpace(ingest.BootstrapServers))
                {
                    ingest.BootstrapServers = defaultBootstrap(provider);
                }
            });
        }

        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new UserInteractionValidator(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IngestInstruments>();
        services.TryAddSingleton<IngestProducer>();
        services.AddOptions<GrpcServiceOptions<IngestGrpcService>>().Configure<IOptions<IngestOptions>>(
            (grpc, ingest) => grpc.MaxReceiveMessageSize = ingest.Value.MaxReceiveMessageSize);
        return services;
    }
}
