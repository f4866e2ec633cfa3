using Confluent.Kafka;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Orleans.RealTime.Gateway;
using Orleans.RealTime.Gateway.Ingest;
using Orleans.RealTime.LoadGen.Clickstream;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.LoadGen.Tests.Clickstream;

public sealed class IngestClickstreamWriterTests
{
    private const string Topic = "user-interactions";
    private const int Partitions = 4;

    [Fact]
    public async Task Writer_ThroughIngestService_StoresEveryRecordIncludingDuplicates_AcrossSeveralCalls()
    {
        using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = [Topic], Partitions = Partitions });
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder([$"--Ingest:BootstrapServers={kafka.BootstrapServers}"]);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddRealTimeGateway();
        builder.Services.AddRealTimeIngest();
        await using var app = builder.Build();
        app.MapRealTimeIngest();
        await app.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var generator = new ClickstreamGenerator(new ClickstreamSettings(Users: 50, Products: 100, DuplicateFraction: 0.1));

        long records;
        IReadOnlyDictionary<string, long> expected;
        await using (var writer = new IngestClickstreamWriter(channel, eventsPerCall: 64))
        {
            for (var i = 0; i < 500; i++)
            {
                await writer.WriteAsync(generator.Next(), CancellationToken.None);
            }

            await writer.FlushAsync(CancellationToken.None);
            Assert.Equal(0, writer.Failed);
            (records, expected) = (writer.Records, writer.Expected);
        }

        Assert.True(records > 500, "some events were sent twice");
        Assert.Equal(500, expected.Values.Sum());
        Assert.Equal(records, StoredRecords(kafka.BootstrapServers));
    }

    private static long StoredRecords(string bootstrap)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "writer-test" }).Build();
        return Enumerable.Range(0, Partitions)
            .Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(Topic, p), TimeSpan.FromSeconds(30)).High.Value);
    }
}
