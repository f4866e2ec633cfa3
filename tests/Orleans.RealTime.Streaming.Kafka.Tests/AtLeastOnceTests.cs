using System.Globalization;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class AtLeastOnceTests
{
    private const int Keys = 200;
    private const int RecordsPerKey = 20;
    private const int Partitions = 8;

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    public async Task SiloKilledWhileRecordsFlow_EveryRecordDeliveredAtLeastOnceInOffsetOrderPerKey(int deliveryBatchSize)
    {
        await using var test = await KafkaTestCluster.StartAsync(
            silos: 3,
            partitions: Partitions,
            configureSilo: silo => silo.Services.Configure<StreamPullingAgentOptions>(KafkaTestCluster.Provider, o => o.BatchContainerBatchSize = deliveryBatchSize));
        using var producer = test.CreateExternalProducer();
        var offsets = new Dictionary<string, long>();

        await ProduceRoundsAsync(producer, test.Topic, 0, RecordsPerKey / 2, offsets);
        await test.Log.WaitUntilAsync(d => d.Count >= Keys * RecordsPerKey / 4, TimeSpan.FromSeconds(60));
        var victim = test.Cluster.Silos.Skip(1).MaxBy(s => HeldPartitions(test, s.Name).Count)!;
        var victimPartitions = HeldPartitions(test, victim.Name);
        Assert.NotEmpty(victimPartitions);

        // Offsets are committed while records flow, not only at shutdown.
        await Eventually.HoldsAsync(() => test.CommittedOffsets(Partitions).All(c => c > 0), TimeSpan.FromSeconds(60), "every partition commits while records flow");
        var committedBeforeKill = test.CommittedOffsets(Partitions);
        var highBeforeKill = test.HighWatermarks(Partitions);
        var assignedBeforeKill = test.Assignments.Entries.Count;
        await test.Cluster.KillSiloAsync(victim);
        await ProduceRoundsAsync(producer, test.Topic, RecordsPerKey / 2, RecordsPerKey, offsets);

        var deliveries = await test.Log.WaitUntilAsync(
            d => d.Select(x => x.EventId).Distinct().Count() == Keys * RecordsPerKey,
            TimeSpan.FromSeconds(150));

        Assert.Equal(offsets.Keys.Order(), deliveries.Select(d => d.EventId).Distinct().Order());
        Assert.All(deliveries, d => Assert.Equal(offsets[d.EventId], d.Offset));
        foreach (var byKey in deliveries.GroupBy(d => d.Key))
        {
            // Redeliveries after the kill may repeat a suffix; first arrivals must follow offsets.
            var firstArrivals = byKey.DistinctBy(d => d.EventId).Select(d => d.Offset!.Value).ToList();
            Assert.Equal(firstArrivals.Order(), firstArrivals);
        }

        var takeovers = test.Assignments.Entries.Skip(assignedBeforeKill)
            .Where(e => e.Silo != victim.Name && e.Message.Contains(" assigned", StringComparison.Ordinal))
            .Select(e => e.Message).ToList();
        Assert.Subset(takeovers.Select(Partition).ToHashSet(), victimPartitions);

        // The new owners resumed at or past what was committed before the kill, so redeliveries are bounded by what
        // was read but not yet committed then.
        foreach (var message in takeovers)
        {
            Assert.True(ResumeOffset(message) >= committedBeforeKill[PartitionNumber(message)], message);
        }

        var redeliveries = deliveries.Count - deliveries.Select(d => d.EventId).Distinct().Count();
        var uncommittedBeforeKill = highBeforeKill.Zip(committedBeforeKill, (high, committed) => high - committed).Sum();
        // Orleans hands a consumer the first token of the last call it delivered as its handshake, so a new owner
        // re-reads (rewinds) each of its streams from there: up to a call less one record more per stream.
        Assert.InRange(redeliveries, 0, uncommittedBeforeKill + (Keys * (deliveryBatchSize - 1)));
        Assert.True(uncommittedBeforeKill < highBeforeKill.Sum(), "commits must have advanced before the kill");
    }

    private static int PartitionNumber(string message)
    {
        var partition = Partition(message);
        return int.Parse(partition[(partition.IndexOf('[') + 1)..partition.IndexOf(']')], CultureInfo.InvariantCulture);
    }

    private static long ResumeOffset(string message)
    {
        const string Marker = "reading from offset ";
        var start = message.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        return long.Parse(message[start..message.IndexOf(' ', start)], CultureInfo.InvariantCulture);
    }

    private static HashSet<string> HeldPartitions(KafkaTestCluster test, string silo)
    {
        var held = new HashSet<string>();
        foreach (var (_, message) in test.Assignments.Entries.Where(e => e.Silo == silo))
        {
            if (message.Contains(" assigned", StringComparison.Ordinal))
            {
                held.Add(Partition(message));
            }
            else if (message.Contains(" released", StringComparison.Ordinal))
            {
                held.Remove(Partition(message));
            }
        }

        return held;
    }

    private static string Partition(string message) => message.Split(' ')[2];

    private static async Task ProduceRoundsAsync(IProducer<string, byte[]> producer, string topic, int from, int to, Dictionary<string, long> offsets)
    {
        var sends = new List<Task<DeliveryResult<string, byte[]>>>();
        for (var round = from; round < to; round++)
        {
            for (var k = 0; k < Keys; k++)
            {
                var key = $"user-{k}";
                sends.Add(producer.ProduceAsync(topic, new Message<string, byte[]> { Key = key, Value = TestEvents.Bytes(key, $"{key}-{round}") }));
            }
        }

        foreach (var result in await Task.WhenAll(sends))
        {
            offsets[Contracts.Events.UserInteraction.Parser.ParseFrom(result.Message.Value).EventId] = result.Offset.Value;
        }
    }
}
