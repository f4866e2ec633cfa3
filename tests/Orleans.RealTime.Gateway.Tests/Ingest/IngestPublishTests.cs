using Grpc.Core;

namespace Orleans.RealTime.Gateway.Tests.Ingest;

public sealed class IngestPublishTests : IAsyncLifetime
{
    private const int Partitions = 8;
    private IngestRig _rig = null!;

    private IngestServer Server => _rig.Server;

    private TopicReader Reader => _rig.Reader;

    public async Task InitializeAsync() => _rig = await IngestRig.StartAsync(Partitions, "--Ingest:MaxReceiveMessageSize=4096");

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Publish_ValidEvent_IsStoredAtTheReturnedPartitionAndOffset()
    {
        var click = IngestEvents.Click("reader-" + Guid.NewGuid().ToString("N"));

        var response = await Server.Client.PublishAsync(IngestEvents.Request(click), deadline: DateTime.UtcNow.AddSeconds(30));

        var (key, stored) = Reader.ReadAt(response.Partition, response.Offset);
        Assert.Equal(click.UserId, key);
        Assert.Equal(click, stored);
    }

    [Theory]
    [InlineData("21", 4)]
    [InlineData("foobar", 6)]
    [InlineData("abc", 3)]
    [InlineData("a-little-bit-long-string", 0)]
    public async Task Publish_KeyedByUserId_LandsOnTheJavaMurmur2Partition(string user, int expected)
    {
        // Partitions from Kafka's Java murmur2 test vectors (e.g. murmur2("21") = -973932308), modulo 8: the partition
        // the Orleans stream provider's own producer (KafkaMurmur2) picks for the same key.
        var response = await Server.Client.PublishAsync(IngestEvents.Request(IngestEvents.Click(user)), deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.Equal(expected, response.Partition);
    }

    [Fact]
    public async Task Publish_InvalidEvent_IsInvalidArgumentNamingEveryBadField_AndWritesNothing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Server.Client.PublishAsync(IngestEvents.Request(IngestEvents.Invalid("u-1")), deadline: DateTime.UtcNow.AddSeconds(30)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("event_id:", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("timestamp:", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("product_click.product_id:", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(["event_id", "timestamp", "product_click.product_id"], error.Trailers.GetAll("field").Select(f => f.Value));
        Assert.Equal(0, Reader.Count());
    }

    [Fact]
    public async Task Publish_MissingEvent_IsInvalidArgumentNamingTheEvent()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Server.Client.PublishAsync(new(), deadline: DateTime.UtcNow.AddSeconds(30)));

        Assert.Equal((StatusCode.InvalidArgument, "event: is required"), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task Publish_MessageOverTheReceiveLimit_IsResourceExhausted_AndWritesNothing()
    {
        var big = IngestEvents.Click("big");
        big.DeviceInfo.Add("padding", new string('x', 5000));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Server.Client.PublishAsync(IngestEvents.Request(big), deadline: DateTime.UtcNow.AddSeconds(30)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(0, Reader.Count());
    }
}
