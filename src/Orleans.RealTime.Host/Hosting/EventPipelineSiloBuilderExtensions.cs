using Orleans.Configuration;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Host.Configuration;
using Orleans.RealTime.Sessions;
using Orleans.RealTime.Sessions.Hosting;
using Orleans.RealTime.Streaming.Kafka;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Streaming.Kafka.Hosting;
using Orleans.Streams;

namespace Orleans.RealTime.Host.Hosting;

/// <summary>Wires the events topic into sessions and recommendations.</summary>
internal static class EventPipelineSiloBuilderExtensions
{
    /// <summary>The stream provider name sessions read through.</summary>
    public const string StreamProvider = "kafka";

    /// <summary>The configuration section of the Kafka stream provider.</summary>
    public const string KafkaSection = "Kafka";

    /// <summary>The section of Orleans' pulling-agent settings (e.g. <c>GetQueueMsgsTimerPeriod</c>, <c>BatchContainerBatchSize</c>).</summary>
    public const string PullingAgentSection = "Kafka:PullingAgent";

    /// <summary>The connection string key that moves session state and reminders to Redis.</summary>
    public const string SessionsRedisKey = "Sessions:Redis";

    /// <summary>The consumer group sessions read the events topic as, unless <c>Kafka:ConsumerGroupId</c> says otherwise.</summary>
    public const string DefaultConsumerGroup = "realtime-sessions";

    /// <summary>
    /// Kafka stream provider <see cref="StreamProvider"/> over topic <see cref="SessionStreams.Namespace"/> (bootstrap
    /// <c>Kafka:BootstrapServers</c>, or in the Embedded profile the embedded broker when that is empty), session storage
    /// (serialized in this silo's memory, or Redis when <see cref="SessionsRedisKey"/> is set or, in the Cluster profile,
    /// <c>Cluster:Redis</c>), reminders, sessions and recommendations.
    /// </summary>
    public static ISiloBuilder AddEventPipeline(this ISiloBuilder silo, IConfiguration configuration, RealTimeProfile profile)
    {
        var bootstrap = configuration[ConfigurationKeys.KafkaBootstrapServers];
        if (string.IsNullOrWhiteSpace(bootstrap) && profile == RealTimeProfile.Embedded)
        {
            silo.Services.AddEmbeddedKafka(options =>
            {
                if (!options.Topics.Contains(SessionStreams.Namespace))
                {
                    options.Topics.Add(SessionStreams.Namespace);
                }
            });
        }

        silo.AddKafkaStreams(StreamProvider, configurator =>
        {
            configurator.ConfigureKafka(ob =>
            {
                ob.BindConfiguration(KafkaSection);
                ob.Configure<IServiceProvider>(ApplyDefaults);
            });

            // Sessions subscribe implicitly only: no pub-sub grain call per new stream, no pub-sub store.
            configurator.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            configurator.ConfigurePullingAgent(ob => ob.Configure(agent =>
            {
                // A read returns a record the moment it arrives (Kafka:ReadWait) and Orleans reads again at once, so the
                // period only matters after a read that waited in vain: 3 ms, not Orleans' 100 ms, so a partition that
                // fell idle answers its next record at once too. README, bench-e2e.
                agent.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(3);
                // Up to 16 records of a stream per delivery call; the provider's cache pins the whole call until it completes.
                agent.BatchContainerBatchSize = 16;
            }).BindConfiguration(PullingAgentSection));
        });

        var redis = ClusterSiloBuilderExtensions.SessionRedis(configuration, profile);
        if (string.IsNullOrWhiteSpace(redis))
        {
            // Single silo: session state as serialized bytes and idle deadlines in this process, no grain call or reminder per session.
            silo.AddSingleSiloSessionPersistence();
            silo.UseInMemoryReminderService();
        }
        else
        {
            silo.AddRedisSessionPersistence(redis);
        }

        silo.AddUserSessions();
        silo.Services.AddHostedService<KafkaBootstrapAnnouncer>();
        return silo;
    }

    /// <summary>The consumer setting a mock broker needs for prompt delivery (kafka-dev tells silos to pass it).</summary>
    internal static readonly KeyValuePair<string, string> MockFetchWait = new("fetch.wait.max.ms", "2");

    private static void ApplyDefaults(KafkaStreamOptions options, IServiceProvider services)
    {
        // In the Cluster profile there is no embedded broker: an empty bootstrap fails the start in validation instead.
        if (string.IsNullOrWhiteSpace(options.BootstrapServers) && services.GetService<EmbeddedKafka>() is { } embedded)
        {
            options.BootstrapServers = embedded.BootstrapServers;
        }

        if (options.Topics.Count == 0)
        {
            options.Topics = [SessionStreams.Namespace];
        }

        if (string.IsNullOrWhiteSpace(options.ConsumerGroupId))
        {
            options.ConsumerGroupId = DefaultConsumerGroup;
        }

        // The embedded broker (librdkafka's mock) holds a fetch that finds no record for the consumer's whole
        // fetch.wait.max.ms (500 ms by default) and does not answer it when one arrives: 2 ms, so a click reaches its
        // session at once. A real broker answers a waiting fetch as soon as a record arrives, so there the default
        // stays: a short wait would only multiply idle fetch requests (500 a second per silo).
        if (services.GetService<EmbeddedKafka>() is { } broker && options.BootstrapServers == broker.BootstrapServers)
        {
            options.ConsumerSettings.TryAdd(MockFetchWait.Key, MockFetchWait.Value);
        }

        // The sessions take the offset from the sequence token and never read the record context, which Orleans would
        // otherwise build, copy and read back with every delivery call.
        if (services.GetRequiredService<IConfiguration>()[$"{KafkaSection}:{nameof(KafkaStreamOptions.RecordContext)}"] is null)
        {
            options.RecordContext = false;
        }

        // Several records per delivery call: after a handover an in-flight call's earlier records can be unpinned
        // (provider README), so offsets wait until Orleans has completed or given up any call that held them.
        if (services.GetRequiredService<IConfiguration>()[$"{KafkaSection}:{nameof(KafkaStreamOptions.CommitDelay)}"] is null)
        {
            options.CommitDelay = services.GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>().Get(StreamProvider).MaxEventDeliveryTime;
        }
    }

    /// <summary>The Kafka bootstrap the provider uses, once options are resolved.</summary>
    public static string BootstrapOf(IServiceProvider services) =>
        services.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(StreamProvider).BootstrapServers;
}
