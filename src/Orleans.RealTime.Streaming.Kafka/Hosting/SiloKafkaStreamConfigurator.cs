using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Streaming.Kafka.Providers;

namespace Orleans.RealTime.Streaming.Kafka.Hosting;

/// <summary>Configures a Kafka stream provider on a silo.</summary>
public sealed class SiloKafkaStreamConfigurator : SiloPersistentStreamConfigurator
{
    /// <summary>Creates the configurator of provider <paramref name="name"/>.</summary>
    public SiloKafkaStreamConfigurator(string name, Action<Action<IServiceCollection>> configureServicesDelegate)
        : base(name, configureServicesDelegate, KafkaAdapterFactory.Create)
    {
        ConfigureDelegate(services => KafkaStreamServices.Add(services, name));
    }

    /// <summary>Configures <see cref="KafkaStreamOptions"/>, e.g. <c>ob =&gt; ob.BindConfiguration("Kafka")</c>.</summary>
    public SiloKafkaStreamConfigurator ConfigureKafka(Action<OptionsBuilder<KafkaStreamOptions>> configureOptions)
    {
        this.Configure(configureOptions);
        return this;
    }

    /// <summary>Replaces the default <see cref="UserInteractionDataAdapter"/>.</summary>
    public SiloKafkaStreamConfigurator UseDataAdapter(Func<IServiceProvider, IKafkaDataAdapter> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ConfigureDelegate(services => services.AddKeyedSingleton(Name, (sp, _) => factory(sp)));
        return this;
    }
}
