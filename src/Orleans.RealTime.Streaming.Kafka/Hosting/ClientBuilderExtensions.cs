
namespace Orleans.RealTime.Streaming.Kafka.Hosting;

/// <summary>Adds Kafka persistent streams to a cluster client.</summary>
public static class ClientBuilderExtensions
{
    /// <summary>Adds Kafka stream provider <paramref name="name"/> configured by <paramref name="configureOptions"/>.</summary>
    public static IClientBuilder AddKafkaStreams(this IClientBuilder builder, string name, Action<KafkaStreamOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        return builder.AddKafkaStreams(name, c => c.ConfigureKafka(ob => ob.Configure(configureOptions)));
    }

    /// <summary>Adds Kafka stream provider <paramref name="name"/>; <paramref name="configure"/> sets options and the data adapter.</summary>
    public static IClientBuilder AddKafkaStreams(this IClientBuilder builder, string name, Action<ClusterClientKafkaStreamConfigurator>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var configurator = new ClusterClientKafkaStreamConfigurator(name, builder);
        configure?.Invoke(configurator);
        return builder;
    }
}
