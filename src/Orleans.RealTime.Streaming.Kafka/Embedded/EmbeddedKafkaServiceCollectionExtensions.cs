using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Streaming.Kafka.Embedded;

/// <summary>Registers the embedded development broker.</summary>
public static class EmbeddedKafkaServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="EmbeddedKafka"/> as a singleton, started on first resolution with <see cref="EmbeddedKafkaOptions"/>
    /// (bound from the <c>Kafka:Embedded</c> section when configured) and disposed with the service provider.
    /// </summary>
    public static IServiceCollection AddEmbeddedKafka(this IServiceCollection services, Action<EmbeddedKafkaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EmbeddedKafkaOptions>().BindConfiguration(EmbeddedKafkaOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton(sp => EmbeddedKafka.Start(sp.GetRequiredService<IOptions<EmbeddedKafkaOptions>>().Value));
        return services;
    }
}
