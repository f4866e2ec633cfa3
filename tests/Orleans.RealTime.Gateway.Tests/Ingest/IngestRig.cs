using Orleans.RealTime.Streaming.Kafka.Embedded;

namespace Orleans.RealTime.Gateway.Tests.Ingest;

/// <summary>An embedded broker with the events topic, an ingest server writing to it, and a reader of the topic.</summary>
internal sealed class IngestRig : IAsyncDisposable
{
    public const string Topic = "user-interactions";

    private IngestRig(EmbeddedKafka kafka, IngestServer server, TopicReader reader)
    {
        Kafka = kafka;
        Server = server;
        Reader = reader;
    }

    public EmbeddedKafka Kafka { get; }

    public IngestServer Server { get; }

    public TopicReader Reader { get; }

    public static async Task<IngestRig> StartAsync(int partitions, params string[] settings)
    {
        var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = [Topic], Partitions = partitions });
        var server = await IngestServer.StartAsync(kafka.BootstrapServers, settings);
        return new IngestRig(kafka, server, new TopicReader(kafka.BootstrapServers, Topic, partitions));
    }

    public async ValueTask DisposeAsync()
    {
        Reader.Dispose();
        await Server.DisposeAsync();
        Kafka.Dispose();
    }
}
