using Grpc.Core;
using Orleans.RealTime.Contracts.Api.V1;

namespace Orleans.RealTime.Gateway.Tests.Ingest;

public sealed class IngestStreamTests : IAsyncLifetime
{
    private const int Partitions = 4;
    private const int MaxEvents = 50;
    private IngestRig _rig = null!;

    private IngestServer Server => _rig.Server;

    private TopicReader Reader => _rig.Reader;

    public async Task InitializeAsync() => _rig = await IngestRig.StartAsync(Partitions, $"--Ingest:MaxEventsPerStream={MaxEvents}", "--Ingest:MaxInFlightPerStream=7", "--Ingest:MaxReportedErrors=2");

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task PublishStream_MixedEvents_AcceptsTheValidOnes_AndSummarisesTheRejected()
    {
        var valid = Enumerable.Range(0, 40).Select(i => IngestEvents.Click($"stream-user-{i % 7}", $"P-{i}")).ToList();
        using var call = Server.Client.PublishStream(deadline: DateTime.UtcNow.AddSeconds(30));
        for (var i = 0; i < valid.Count; i++)
        {
            await call.RequestStream.WriteAsync(IngestEvents.Request(valid[i]));
            if (i % 10 == 0)
            {
                await call.RequestStream.WriteAsync(IngestEvents.Request(IngestEvents.Invalid("bad-" + i)));
            }
        }

        await call.RequestStream.CompleteAsync();
        var summary = await call;

        Assert.Equal((40L, 4L), (summary.Accepted, summary.Rejected));
        Assert.Equal(2, summary.Errors.Count);
        Assert.StartsWith("event 1 (event_id ''): event_id: is required; timestamp:", summary.Errors[0], StringComparison.Ordinal);
        Assert.Equal(40, Reader.Count());
    }

    [Fact]
    public async Task PublishStream_BeyondMaxEventsPerStream_FailsNamingTheLimit_AndWritesNothingPastIt()
    {
        using var call = Server.Client.PublishStream(deadline: DateTime.UtcNow.AddSeconds(30));
        try
        {
            for (var i = 0; i < MaxEvents + 10; i++)
            {
                await call.RequestStream.WriteAsync(IngestEvents.Request(IngestEvents.Click("limit-user", $"P-{i}")));
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server may end the call before the client has written everything.
        }

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains($"at most {MaxEvents} events per call (Ingest:MaxEventsPerStream)", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(MaxEvents, Reader.Count());
    }

    [Fact]
    public async Task PublishStream_Empty_AcceptsNothing()
    {
        using var call = Server.Client.PublishStream(deadline: DateTime.UtcNow.AddSeconds(30));
        await call.RequestStream.CompleteAsync();

        var summary = await call;

        Assert.Equal(new PublishStreamSummary(), summary);
    }
}
