using Grpc.Core;

namespace Orleans.RealTime.Gateway.Tests.Ingest;

/// <summary>The producer refuses records over 1,000 bytes (<c>message.max.bytes</c>), so one event of a stream fails to be written.</summary>
public sealed class IngestPartialFailureTests : IAsyncLifetime
{
    private IngestRig _rig = null!;

    public async Task InitializeAsync() => _rig = await IngestRig.StartAsync(2, "--Ingest:ProducerSettings:message.max.bytes=1000");

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Publish_RecordKafkaRefuses_IsNotAcknowledged()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _rig.Server.Client.PublishAsync(IngestEvents.Request(Oversized("big")), deadline: DateTime.UtcNow.AddSeconds(30)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(0, _rig.Reader.Count());
    }

    [Fact]
    public async Task PublishStream_OneEventFailsDelivery_FailsTheCallInsteadOfClaimingItAccepted()
    {
        using var call = _rig.Server.Client.PublishStream(deadline: DateTime.UtcNow.AddSeconds(30));
        try
        {
            for (var i = 0; i < 5; i++)
            {
                await call.RequestStream.WriteAsync(IngestEvents.Request(IngestEvents.Click("small-" + i)));
            }

            await call.RequestStream.WriteAsync(IngestEvents.Request(Oversized("big")));
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server may end the call before the client has written everything.
        }

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.StartsWith("1 events were not acknowledged by Kafka", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("5 were acknowledged", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(5, _rig.Reader.Count());
    }

    private static Contracts.Events.UserInteraction Oversized(string user)
    {
        var big = IngestEvents.Click(user);
        big.DeviceInfo.Add("padding", new string('x', 200));
        big.DeviceInfo.Add("padding-2", new string('y', 200));
        big.DeviceInfo.Add("padding-3", new string('z', 200));
        big.LocationData.Add("padding", new string('x', 200));
        big.LocationData.Add("padding-2", new string('y', 200));
        return big;
    }
}
