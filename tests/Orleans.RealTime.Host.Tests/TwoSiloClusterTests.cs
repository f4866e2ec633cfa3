using System.Diagnostics;
using Confluent.Kafka;
using Google.Protobuf;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Testing;
using Xunit.Abstractions;

namespace Orleans.RealTime.Host.Tests;

/// <summary>
/// The Cluster profile for real: a private redis-server, the kafka-dev broker process and two host processes. One silo
/// is killed (SIGKILL) while events flow; its users continue on the other silo with every event counted exactly once.
/// </summary>
public sealed class TwoSiloClusterTests(ITestOutputHelper output)
{
    private const int Users = 200;
    private const int Rounds = 10;
    private const int Partitions = 8;
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan FailoverDeadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KillingOneSiloMidStream_ItsUsersContinueOnTheOther_WithExactCounts()
    {
        using var redis = new RedisServerFixture();
        using var broker = HostProcess.Start("kafka-dev", $"--Kafka:Embedded:Partitions={Partitions}");
        var bootstrap = BootstrapOf(await broker.WaitForLineAsync("Kafka bootstrap: ", StartDeadline));
        await broker.WaitForLineAsync("--Kafka:ConsumerSettings:fetch.wait.max.ms=2", StartDeadline);
        var cluster = ClusterArguments(redis.ConnectionString, bootstrap, "two-silo-" + Guid.NewGuid().ToString("N")[..8]);
        var (victimPorts, survivorPorts) = (FreePort.Next(4), FreePort.Next(4));
        using var victim = HostProcess.Start(HostArguments.For(victimPorts, cluster));
        using var survivor = HostProcess.Start(HostArguments.For(survivorPorts, cluster));
        using var victimChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{victimPorts[0]}");
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{survivorPorts[0]}");
        await Task.WhenAll(ServingAsync(victimChannel), ServingAsync(channel));
        await Eventually.HoldsAsync(
            () => Task.FromResult(SharePartitions(victim, survivor)),
            StartDeadline,
            "the two silos to form one cluster and share the partitions between them");
        var sessions = new SessionService.SessionServiceClient(channel);

        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrap,
            EnableIdempotence = true,
            Partitioner = Partitioner.Murmur2Random,
        }).Build();
        await ProduceRoundsAsync(producer, 0, Rounds / 2);
        await Eventually.HoldsAsync(
            async () => (await ClicksAsync(sessions, User(0))) > 0,
            StartDeadline,
            "the cluster to deliver the first events");

        var failover = Stopwatch.StartNew();
        var killed = victim.KillAsync(TimeSpan.FromSeconds(30));
        await ProduceRoundsAsync(producer, Rounds / 2, Rounds);
        await killed;

        await Eventually.HoldsAsync(
            () => Task.FromResult(PartitionAssignments.Held(survivor.Lines).Count == Partitions),
            FailoverDeadline,
            "the surviving silo to take over every partition");
        output.WriteLine($"The survivor held all {Partitions} partitions {failover.Elapsed.TotalSeconds:F1} s after the kill.");
        var counts = new Dictionary<string, long>();
        await Eventually.HoldsAsync(
            async () =>
            {
                foreach (var user in Enumerable.Range(0, Users).Select(User).Where(u => counts.GetValueOrDefault(u) != Rounds))
                {
                    counts[user] = await ClicksAsync(sessions, user);
                }

                return counts.Values.All(c => c == Rounds);
            },
            FailoverDeadline,
            "every user's session on the surviving silo to count all its events");
        output.WriteLine($"Every user counted {Rounds} events {failover.Elapsed.TotalSeconds:F1} s after the kill.");
        foreach (var line in survivor.Lines.Where(l => l.Contains("Kafka partition", StringComparison.Ordinal)))
        {
            output.WriteLine(line.Trim());
        }

        Assert.All(counts.Values, c => Assert.Equal(Rounds, c));
        Assert.Equal(Users, counts.Count);
        Assert.Contains(survivor.Lines, l => l.Contains("Cluster profile without Storage:ClickHouse:ConnectionString", StringComparison.Ordinal));
        // No embedded broker in the Cluster profile: the provider reads the shared kafka-dev broker.
        Assert.Contains(survivor.Lines, l => l.Contains($"Kafka bootstrap: {bootstrap}", StringComparison.Ordinal));
    }

    private static string[] ClusterArguments(string redis, string bootstrap, string clusterId) =>
    [
        "--RealTime:Profile=Cluster",
        $"--Cluster:Redis={redis}",
        $"--Kafka:BootstrapServers={bootstrap}",
        // kafka-dev is a mock broker, which answers a fetch that found nothing only after the whole wait (it says so).
        "--Kafka:ConsumerSettings:fetch.wait.max.ms=2",
        $"--Orleans:ClusterId={clusterId}",
        "--Storage:Sink:Enabled=false",
        "--Dashboard:Enabled=false",
        // Declare a killed silo dead within seconds instead of the production defaults' half a minute or more.
        "--Cluster:Membership:ProbeTimeout=00:00:01",
        "--Cluster:Membership:NumMissedProbesLimit=2",
        "--Cluster:Membership:NumVotesForDeathDeclaration=1",
        "--Cluster:Membership:TableRefreshTimeout=00:00:02",
        "--Cluster:Membership:IAmAliveTablePublishTimeout=00:00:05",
    ];

    /// <summary>Each silo reads some partitions, none twice, all of them between them: one cluster, balanced.</summary>
    private static bool SharePartitions(HostProcess first, HostProcess second)
    {
        var (a, b) = (PartitionAssignments.Held(first.Lines), PartitionAssignments.Held(second.Lines));
        return a.Count > 0 && b.Count > 0 && !a.Overlaps(b) && a.Count + b.Count == Partitions;
    }

    private static async Task ProduceRoundsAsync(IProducer<string, byte[]> producer, int from, int to)
    {
        for (var round = from; round < to; round++)
        {
            var sends = Enumerable.Range(0, Users).Select(u => producer.ProduceAsync(
                "user-interactions", new Message<string, byte[]> { Key = User(u), Value = Click(User(u), round).ToByteArray() }));
            var results = await Task.WhenAll(sends);
            Assert.All(results, r => Assert.Equal(PersistenceStatus.Persisted, r.Status));
        }
    }

    private static async Task<long> ClicksAsync(SessionService.SessionServiceClient sessions, string user) =>
        (await sessions.GetSessionAsync(new GetSessionRequest { UserId = user }, deadline: DateTime.UtcNow.AddSeconds(5))).ProductClicks;

    private static Task ServingAsync(GrpcChannel channel) => Eventually.HoldsAsync(
        async () => await GrpcProbe.CheckHealthAsync(channel) == HealthCheckResponse.Types.ServingStatus.Serving,
        StartDeadline,
        $"{channel.Target} to serve");

    private static string BootstrapOf(string line) => line[(line.IndexOf("Kafka bootstrap: ", StringComparison.Ordinal) + "Kafka bootstrap: ".Length)..].Trim();

    private static string User(int index) => $"cluster-user-{index:D3}";

    private static UserInteraction Click(string user, int round) => new()
    {
        EventId = $"{user}-{round}",
        UserId = user,
        SessionId = "client-" + user,
        Timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ProductClick = new ProductClick { ProductId = $"P-{round}", ListName = "search" },
    };
}
