
namespace Orleans.RealTime.Streaming.Kafka.Hosting;

/// <summary>Adds Kafka persistent streams to a silo.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Adds Kafka stream provider <paramref name="name"/> configured by <paramref name="configureOptions"/>.</summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder builder, string name, Action<KafkaStreamOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        return builder.AddKafkaStreams(name, c => c.ConfigureKafka(ob => ob.Configure(configureOptions)));
    }

    /// <summary>Adds Kafka stream provider <paramref name="name"/>; <paramref name="configure"/> sets options, cache, pub-sub, balancing.</summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder builder, string name, Action<SiloKafkaStreamConfigurator>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var configurator = new SiloKafkaStreamConfigurator(name, services => builder.ConfigureServices(services));
        configure?.Invoke(configurator);
        return builder;
    }
}
