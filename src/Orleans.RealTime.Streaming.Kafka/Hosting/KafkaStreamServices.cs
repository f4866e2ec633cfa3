using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Orleans.RealTime.Streaming.Kafka.Hosting;

/// <summary>Services every Kafka provider registers, on silos and clients alike.</summary>
internal static class KafkaStreamServices
{
    public static void Add(IServiceCollection services, string name)
    {
        services.ConfigureNamedOptionForLogging<KafkaStreamOptions>(name);
        services.AddTransient<IConfigurationValidator>(sp =>
            new KafkaStreamOptionsValidator(sp.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name), name));
    }
}
