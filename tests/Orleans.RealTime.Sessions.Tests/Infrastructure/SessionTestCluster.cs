using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.RealTime.Testing;
using Microsoft.Extensions.Time.Testing;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Recommendations;
using Orleans.RealTime.Sessions.Hosting;
using Orleans.RealTime.Sessions.Summaries;
using Orleans.RealTime.Streaming.Kafka;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Streaming.Kafka.Hosting;
using Orleans.Streams;
using Orleans.TestingHost;

namespace Orleans.RealTime.Sessions.Tests.Infrastructure;

/// <summary>
/// An embedded broker with topic <c>user-interactions</c> and an in-process cluster of session silos reading it,
/// sharing one fake clock and one summary sink.
/// </summary>
public sealed class SessionTestCluster : IAsyncDisposable
{
    public const string Provider = "kafka";

    private SessionTestCluster(EmbeddedKafka kafka, InProcessTestCluster cluster, FakeTimeProvider time, RecentSessionSummaries summaries, PartitionAssignments assignments, SiloLogBuffer logs)
    {
        Logs = logs;
        Kafka = kafka;
        Cluster = cluster;
        Time = time;
        Summaries = summaries;
        Assignments = assignments;
        Producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            Partitioner = Partitioner.Murmur2Random,
            EnableIdempotence = true,
            LingerMs = 2,
        }).Build();
    }

    public EmbeddedKafka Kafka { get; }

    public InProcessTestCluster Cluster { get; }

    public FakeTimeProvider Time { get; }

    public RecentSessionSummaries Summaries { get; }

    public PartitionAssignments Assignments { get; }

    /// <summary>The silos' warnings and streaming lines, for a test that times out to print.</summary>
    public SiloLogBuffer Logs { get; }

    public IProducer<string, byte[]> Producer { get; }

    public IUserSessionGrain Session(string user) => Cluster.Client.GetGrain<IUserSessionGrain>(user);

    public static Task<SessionTestCluster> StartAsync(
        short silos = 1,
        Action<SessionOptions>? sessions = null,
        string? redis = null,
        Action<KafkaStreamOptions>? kafka = null,
        EmbeddedKafka? broker = null,
        FakeTimeProvider? time = null,
        string? serviceId = null,
        Action<RecentSessionSummaries>? observe = null,
        bool compactStorage = false,
        Action<ISiloBuilder>? silo = null)
    {
        broker ??= StartBroker();
        return StartOnBrokerAsync(broker, silos, sessions, redis, kafka, time ?? new FakeTimeProvider(DateTimeOffset.UtcNow), serviceId, observe, compactStorage, silo);
    }

    /// <summary>The broker <see cref="StartAsync"/> starts when it is given none: topic <c>user-interactions</c>, 8 partitions.</summary>
    public static EmbeddedKafka StartBroker() => EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = [SessionStreams.Namespace], Partitions = 8 });

    private static async Task<SessionTestCluster> StartOnBrokerAsync(
        EmbeddedKafka broker, short silos, Action<SessionOptions>? sessions, string? redis, Action<KafkaStreamOptions>? kafka, FakeTimeProvider time, string? serviceId, Action<RecentSessionSummaries>? observe, bool compactStorage, Action<ISiloBuilder>? configureSilo)
    {
        void ConfigureKafka(KafkaStreamOptions options)
        {
            options.BootstrapServers = broker.BootstrapServers;
            options.Topics = [SessionStreams.Namespace];
            options.ConsumerGroupId = "sessions";
            options.CommitInterval = TimeSpan.FromMilliseconds(200);
            // As in the host: offsets wait out Orleans' delivery time before they are committed (delivery calls carry up to 16 records).
            options.CommitDelay = TimeSpan.FromMinutes(1);
            options.StallWarningInterval = TimeSpan.FromSeconds(5);
            kafka?.Invoke(options);
        }

        var summaries = new RecentSessionSummaries();
        observe?.Invoke(summaries);
        var assignments = new PartitionAssignments();
        var logs = new SiloLogBuffer();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSiloHost((options, host) =>
        {
            host.Logging.AddProvider(assignments.For(options.SiloName));
            host.Logging.AddProvider(logs.For(options.SiloName));
        });
        if (serviceId is not null)
        {
            builder.Options.ServiceId = serviceId;
        }

        builder.ConfigureSilo((_, silo) =>
        {
            // Implicit subscriptions only, as in the host: no pub-sub state that a killed silo could take with it.
            silo.AddKafkaStreams(Provider, c =>
            {
                c.ConfigureKafka(ob => ob.Configure(ConfigureKafka));
                c.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                // Up to 16 records of a stream per delivery call, as in the host, so the semantics tests prove what it runs.
                c.ConfigurePullingAgent(ob => ob.Configure(agent => agent.BatchContainerBatchSize = 16));
            });
            if (compactStorage)
            {
                silo.AddSingleSiloSessionPersistence();
                silo.UseInMemoryReminderService();
            }
            else if (redis is null)
            {
                silo.AddMemoryGrainStorage(SessionStreams.StorageName);
                silo.UseInMemoryReminderService();
            }
            else
            {
                silo.AddRedisSessionPersistence(redis);
            }

            silo.Services.AddKeyedSingleton<TimeProvider>(RealTimeClock.Key, time);
            silo.Services.AddSingleton<ISessionSummarySink>(summaries);
            silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(500));
            silo.AddUserSessions(o =>
            {
                o.ExpiryCheckInterval = TimeSpan.FromSeconds(1);
                sessions?.Invoke(o);
            });
            configureSilo?.Invoke(silo);
        });
        builder.ConfigureClient(client => client.AddKafkaStreams(Provider, ConfigureKafka));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new SessionTestCluster(broker, cluster, time, summaries, assignments, logs);
    }

    public async Task<long> ProduceAsync(UserInteraction evt) => (await ProduceToAsync(evt)).Offset.Value;

    /// <summary>Produces <paramref name="evt"/> keyed by its user and says where it landed.</summary>
    public async Task<TopicPartitionOffset> ProduceToAsync(UserInteraction evt)
    {
        var result = await Producer.ProduceAsync(SessionStreams.Namespace, new Message<string, byte[]> { Key = evt.UserId, Value = evt.Bytes() });
        return result.TopicPartitionOffset;
    }

    public async Task<SessionSnapshot> WaitForOffsetAsync(string user, long offset)
    {
        SessionSnapshot? last = null;
        await Testing.Eventually.HoldsAsync(
            async () => (last = await Session(user).GetSessionAsync()).LastAppliedOffset >= offset,
            TimeSpan.FromSeconds(60),
            $"user {user} to apply offset {offset}");
        return last!;
    }

    /// <summary>Applies a click on P1 and 3 × P2 to the cart of <paramref name="user"/>, deactivates the grain and reads the session back.</summary>
    public async Task<(SessionSnapshot Before, SessionSnapshot After)> ClickCartAndDeactivateAsync(string user)
    {
        await ProduceAsync(Events.Click(user, "e1", "P1"));
        var last = await ProduceAsync(Events.Cart(user, "e2", "P2", 3, 990));
        var before = await WaitForOffsetAsync(user, last);
        await Cluster.DeactivateAsync((Runtime.IAddressable)Session(user));
        await Cluster.WaitForDeactivationAsync((Runtime.IAddressable)Session(user));
        return (before, await Session(user).GetSessionAsync());
    }

    /// <summary>Stops the silos and the client but keeps the broker, for a restart on the same topic.</summary>
    public async Task StopClusterAsync()
    {
        Producer.Dispose();
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Producer.Dispose();
        await Cluster.DisposeAsync();
        await Kafka.DisposeAsync();
    }
}
