using Grpc.Core;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Gateway.Tests.Ingest;

public sealed class IngestSecurityAndOptionsTests
{
    private const string Key = "ingest-key-0123456789abcdef";

    [Fact]
    public async Task Publish_WithoutTheApiKey_IsUnauthenticated_AndWritesNothing()
    {
        using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = ["user-interactions"], Partitions = 2 });
        await using var server = await IngestServer.StartAsync(kafka.BootstrapServers, "--Security:ApiKeys:0=" + Key);
        using var reader = new TopicReader(kafka.BootstrapServers, "user-interactions", 2);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Client.PublishAsync(IngestEvents.Request(IngestEvents.Click("u")), deadline: DateTime.UtcNow.AddSeconds(30)));
        var accepted = await server.Client.PublishAsync(
            IngestEvents.Request(IngestEvents.Click("u")), new global::Grpc.Core.Metadata { { "x-api-key", Key } }, DateTime.UtcNow.AddSeconds(30));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(0, accepted.Offset);
        Assert.Equal(1, reader.Count());
    }

    [Theory]
    [InlineData("--Ingest:DeliveryTimeout=00:00:00", "Ingest:DeliveryTimeout")]
    [InlineData("--Ingest:MaxEventsPerStream=0", "Ingest:MaxEventsPerStream")]
    [InlineData("--Ingest:MaxReceiveMessageSize=10", "Ingest:MaxReceiveMessageSize")]
    [InlineData("--Ingest:ProducerSettings:acks=1", "Ingest:ProducerSettings:acks")]
    [InlineData("--Ingest:Topic= ", "Ingest:Topic")]
    public async Task Start_WithABadSetting_FailsNamingIt(string setting, string key)
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var app = IngestServer.Build("127.0.0.1:9", FreePort.Next(), setting);
            await app.StartAsync();
        });

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
