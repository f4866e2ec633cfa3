using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Streaming.Kafka.Providers;

namespace Orleans.RealTime.Streaming.Kafka.Hosting;

/// <summary>Configures a Kafka stream provider on a cluster client (producing only).</summary>
public sealed class ClusterClientKafkaStreamConfigurator : ClusterClientPersistentStreamConfigurator
{
    private readonly IClientBuilder _builder;

    /// <summary>Creates the configurator of provider <paramref name="name"/>.</summary>
    public ClusterClientKafkaStreamConfigurator(string name, IClientBuilder builder)
        : base(name, builder, KafkaAdapterFactory.Create)
    {
        _builder = builder;
        builder.ConfigureServices(services => KafkaStreamServices.Add(services, name));
    }

    /// <summary>Configures <see cref="KafkaStreamOptions"/>, e.g. <c>ob =&gt; ob.BindConfiguration("Kafka")</c>.</summary>
    public ClusterClientKafkaStreamConfigurator ConfigureKafka(Action<OptionsBuilder<KafkaStreamOptions>> configureOptions)
    {
        this.Configure(configureOptions);
        return this;
    }

    /// <summary>Replaces the default <see cref="UserInteractionDataAdapter"/>.</summary>
    public ClusterClientKafkaStreamConfigurator UseDataAdapter(Func<IServiceProvider, IKafkaDataAdapter> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _builder.ConfigureServices(services => services.AddKeyedSingleton(Name, (sp, _) => factory(sp)));
        return this;
    }
}
