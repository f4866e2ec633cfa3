using System.Diagnostics.Metrics;
using Confluent.Kafka;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Storage.Tests.Maintenance;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Storage.Tests.Sink;

/// <summary>The sink over a real Kafka wire protocol (the embedded librdkafka mock broker) into the DuckDB hot tier.</summary>
public sealed class StorageSinkServiceTests : IAsyncLifetime
{
    private const string Topic = "sink-events";
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow.AddMinutes(-5);
    private EmbeddedKafka _kafka = null!;
    private TierFixture _tiers = null!;

    public async Task InitializeAsync()
    {
        _kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = [Topic], Partitions = 4 });
        _tiers = await TierFixture.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _tiers.DisposeAsync();
        await _kafka.DisposeAsync();
    }

    [Fact]
    public async Task Sink_DuplicatesGarbageAndARestart_StoresEveryValidEventExactlyOnceAndCommits()
    {
        Produce(Enumerable.Range(0, 400).Select(Event), duplicateEvery: 20, garbage: 3);
        var first = Service();
        await first.StartAsync(CancellationToken.None);
        await WaitForEventsAsync(400);
        await first.StopAsync(CancellationToken.None);

        // After a restart in the same group: new events, plus producer retries of old ones.
        Produce(Enumerable.Range(400, 100).Select(Event).Concat(Enumerable.Range(0, 50).Select(Event)), duplicateEvery: 0, garbage: 0);
        var second = Service();
        await second.StartAsync(CancellationToken.None);
        await WaitForEventsAsync(500);
        await second.StopAsync(CancellationToken.None);

        Assert.Equal(500, await CountEventsAsync());
        Assert.Equal(EndOffsets(), CommittedOffsets());
    }

    [Fact]
    public async Task Sink_StoreFailures_RestartWithoutStoppingTheHost_AndLoseNothing()
    {
        var hot = new FaultingTierStore(_tiers.Tiers.Hot) { FailingWrites = 2 };
        Produce(Enumerable.Range(0, 200).Select(Event), duplicateEvery: 0, garbage: 0);
        var service = Service(new StorageTiers(hot, _tiers.Tiers.Warm, _tiers.Tiers.Cold));
        await service.StartAsync(CancellationToken.None);
        await WaitForEventsAsync(200);

        Assert.Equal(0, hot.FailingWrites);
        Assert.False(service.ExecuteTask!.IsCompleted, "the sink ended after a store failure");
        await service.StopAsync(CancellationToken.None);
        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(200, await CountEventsAsync());
        Assert.Equal(EndOffsets(), CommittedOffsets());
    }

    [Fact]
    public async Task Sink_FallenBehindTheLogStart_ReportsEveryRecordRetentionRemoved()
    {
        // One partition, so that the embedded broker's retention (its newest 5 MiB) is passed quickly.
        const string topic = "sink-retention";
        _kafka.CreateTopic(topic, 1);
        using var metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = metrics.GetRequiredService<IMeterFactory>();
        long reported = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Name == StorageInstruments.SinkRecordsLostName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref reported, value));
        listener.Start();
        var instruments = new StorageInstruments(meterFactory);

        Produce(Enumerable.Range(0, 100).Select(Event), duplicateEvery: 0, garbage: 0, topic);
        var first = Service(topic: topic, instruments: instruments);
        await first.StartAsync(CancellationToken.None);
        await WaitForEventsAsync(100);
        await first.StopAsync(CancellationToken.None);

        // While the sink is stopped, about 8 MB more: the broker drops the oldest records, some never read.
        Produce(Enumerable.Range(100, 5_000).Select(PaddedView), duplicateEvery: 0, garbage: 0, topic);
        using var reader = Consumer();
        var logStart = reader.QueryWatermarkOffsets(new TopicPartition(topic, 0), TimeSpan.FromSeconds(10)).Low.Value;
        Assert.True(logStart > 100, $"the log start {logStart} did not pass the sink's commit (100)");
        var second = Service(topic: topic, instruments: instruments);
        await second.StartAsync(CancellationToken.None);
        await WaitForEventsAsync(5_100 - logStart + 100);
        await second.StopAsync(CancellationToken.None);

        Assert.Equal(logStart - 100, Interlocked.Read(ref reported));
        Assert.Equal(5_100 - (logStart - 100), await CountEventsAsync());
    }

    [Theory]
    [InlineData(true, 10)]
    [InlineData(false, 0)]
    public async Task Sink_RunsOnItsOwnThread_AtNice10ByDefault_SoThePipelineGetsTheCoresFirst(bool backgroundPriority, int expectedNice)
    {
        Assert.True(OperatingSystem.IsLinux(), "thread nice values are read from /proc (the CI machine runs Linux)");
        Produce(Enumerable.Range(0, 10).Select(Event), duplicateEvery: 0, garbage: 0);
        var service = Service(backgroundPriority: backgroundPriority);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await WaitForEventsAsync(10);
            var sinkThreads = Directory.GetDirectories("/proc/self/task")
                .Where(task => ThreadName(task) == StorageSinkService.ThreadName)
                .Select(task => Nice(File.ReadAllText(Path.Combine(task, "stat"))))
                .ToList();

            Assert.Equal([expectedNice], sinkThreads);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        // A thread of the process (a client's, the pool's) may end between the listing and the read.
        static string? ThreadName(string task)
        {
            try
            {
                return File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
            }
            catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
            {
                return null;
            }
        }

        // Field 19 of /proc/<pid>/task/<tid>/stat, counted after the parenthesised thread name (which may hold spaces).
        static int Nice(string stat) => int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    private StorageSinkService Service(StorageTiers? tiers = null, bool backgroundPriority = true, string topic = Topic, StorageInstruments? instruments = null) => new(
        tiers ?? _tiers.Tiers,
        Options.Create(new StorageSinkOptions
        {
            BootstrapServers = _kafka.BootstrapServers,
            Topic = topic,
            GroupId = "sink-test",
            MaxBatchRows = 64,
            MaxBatchDelay = TimeSpan.FromMilliseconds(100),
            BackgroundPriority = backgroundPriority,
        }),
        TimeProvider.System,
        instruments ?? _tiers.Instruments,
        NullLoggerFactory.Instance);

    private static UserInteraction Event(int i) => new()
    {
        EventId = $"sink-{i}",
        UserId = $"user-{i % 37}",
        Timestamp = At.ToUnixTimeMilliseconds(),
        ProductClick = new ProductClick { ProductId = $"P{i % 11}" },
    };

    private static UserInteraction PaddedView(int i) => new()
    {
        EventId = $"sink-{i}",
        UserId = $"user-{i % 37}",
        Timestamp = At.ToUnixTimeMilliseconds(),
        PageView = new PageView { PageUrl = "https://shop.example/" + new string('p', 1_600) },
    };

    private void Produce(IEnumerable<UserInteraction> events, int duplicateEvery, int garbage, string topic = Topic)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = _kafka.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
        }).Build();
        var i = 0;
        foreach (var interaction in events)
        {
            var message = new Message<string, byte[]> { Key = interaction.UserId, Value = interaction.ToByteArray() };
            producer.Produce(topic, message);
            if (duplicateEvery > 0 && ++i % duplicateEvery == 0)
            {
                producer.Produce(topic, message);
            }
        }

        for (var g = 0; g < garbage; g++)
        {
            producer.Produce(topic, new Message<string, byte[]> { Key = "garbage", Value = [0xFF, 0xFE, (byte)g, 0x01] });
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
    }

    private async Task<long> CountEventsAsync()
    {
        long total = 0;
        foreach (var day in await _tiers.Tiers.Hot.ListDaysAsync())
        {
            total += (await _tiers.Tiers.Hot.CountDayAsync(day)).Events;
        }

        return total;
    }

    private Task WaitForEventsAsync(long expected) =>
        Eventually.HoldsAsync(async () => await CountEventsAsync() >= expected, TimeSpan.FromSeconds(90), $"{expected} events in the hot tier");

    private Dictionary<int, long> EndOffsets()
    {
        using var consumer = Consumer();
        return Enumerable.Range(0, 4).ToDictionary(
            p => p, p => consumer.QueryWatermarkOffsets(new TopicPartition(Topic, p), TimeSpan.FromSeconds(10)).High.Value);
    }

    private Dictionary<int, long> CommittedOffsets()
    {
        using var consumer = Consumer();
        var committed = consumer.Committed(Enumerable.Range(0, 4).Select(p => new TopicPartition(Topic, p)), TimeSpan.FromSeconds(10));
        return committed.ToDictionary(c => c.Partition.Value, c => c.Offset.Value);
    }

    private IConsumer<byte[], byte[]> Consumer() =>
        new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = _kafka.BootstrapServers, GroupId = "sink-test" }).Build();
}
