using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Orleans.RealTime.Sessions.Storage;
using Orleans.RealTime.Sessions.Tests.Infrastructure;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.RealTime.Sessions.Tests;

/// <summary>A session applies the records of one delivery call together and writes its state once per call.</summary>
public sealed class DeliveryCallPersistenceTests
{
    private const int Records = 48;

    [Theory]
    [InlineData(DeliverySemantics.ExactlyOnce)]
    [InlineData(DeliverySemantics.AtLeastOnce)]
    public async Task BacklogOfOneUser_IsWrittenOncePerDeliveryCall_AndEveryRecordApplied(DeliverySemantics semantics)
    {
        // The whole backlog is in the topic before any silo reads it, so the pulling agent finds many records of the
        // user in its cache and hands them over up to 16 per call (the test cluster's BatchContainerBatchSize).
        var broker = SessionTestCluster.StartBroker();
        long last;
        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build())
        {
            for (var i = 0; i < Records - 1; i++)
            {
                producer.Produce(SessionStreams.Namespace, new Message<string, byte[]> { Key = "backlog-u1", Value = Events.Click("backlog-u1", $"e{i}", "P" + (i % 5)).Bytes() });
            }

            last = (await producer.ProduceAsync(SessionStreams.Namespace, new Message<string, byte[]> { Key = "backlog-u1", Value = Events.Click("backlog-u1", "e-last", "P9").Bytes() })).Offset.Value;
        }

        await using var test = await SessionTestCluster.StartAsync(
            broker: broker,
            sessions: o => o.DeliverySemantics = semantics,
            compactStorage: true,
            silo: silo => silo.Services.AddKeyedSingleton<IGrainStorage>(
                SessionStreams.StorageName,
                (sp, _) => new CountingGrainStorage(new CompactGrainStorage(sp.GetRequiredService<Serializer>()))));

        var session = await test.WaitForOffsetAsync("backlog-u1", last);
        var storage = (CountingGrainStorage)test.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(SessionStreams.StorageName);

        Assert.Equal(Records, session.ProductClicks);
        Assert.InRange(storage.Writes, 1, Records / 4);
    }

    /// <summary>Counts writes on the way to the real storage.</summary>
    private sealed class CountingGrainStorage(IGrainStorage inner) : IGrainStorage
    {
        private int _writes;

        public int Writes => Volatile.Read(ref _writes);

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Interlocked.Increment(ref _writes);
            return inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
