using Confluent.Kafka;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class AtLeastOnceTests
{
    private const int Keys = 200;
    private const int RecordsPerKey = 20;

    [Fact]
    public async Task SiloKilledWhileRecordsFlow_EveryRecordDeliveredAtLeastOnceInOffsetOrderPerKey()
    {
        await using var test = await KafkaTestCluster.StartAsync(silos: 3);
        using var producer = test.CreateExternalProducer();
        var offsets = new Dictionary<string, long>();

        await ProduceRoundsAsync(producer, test.Topic, 0, RecordsPerKey / 2, offsets);
        await test.Log.WaitUntilAsync(d => d.Count >= Keys * RecordsPerKey / 4, TimeSpan.FromSeconds(60));
        var victim = test.Cluster.Silos[^1];
        var victimPartitions = HeldPartitions(test, victim.Name);
        Assert.NotEmpty(victimPartitions);
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

        var takenOver = test.Assignments.Entries.Skip(assignedBeforeKill)
            .Where(e => e.Silo != victim.Name && e.Message.Contains(" assigned", StringComparison.Ordinal))
            .Select(e => Partition(e.Message)).ToHashSet();
        Assert.Subset(takenOver, victimPartitions);
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
