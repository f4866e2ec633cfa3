using System.Diagnostics.Metrics;
using Grpc.Core;
using Orleans.RealTime.Gateway.Ingest;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Gateway.Tests.Ingest;

/// <summary>The producer points at a free loopback port with nothing listening.</summary>
public sealed class IngestUnavailableTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Publish_KafkaUnreachable_IsUnavailableAfterTheDeliveryTimeout()
    {
        await using var server = await IngestServer.StartAsync($"127.0.0.1:{FreePort.Next()}", "--Ingest:DeliveryTimeout=00:00:01");

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Client.PublishAsync(IngestEvents.Request(IngestEvents.Click("u")), deadline: DateTime.UtcNow.Add(Bound)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("not acknowledged by Kafka", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishStream_KafkaUnreachable_IsUnavailable_NotASummary()
    {
        await using var server = await IngestServer.StartAsync($"127.0.0.1:{FreePort.Next()}", "--Ingest:DeliveryTimeout=00:00:01");
        using var call = server.Client.PublishStream(deadline: DateTime.UtcNow.Add(Bound));
        try
        {
            for (var i = 0; i < 20; i++)
            {
                await call.RequestStream.WriteAsync(IngestEvents.Request(IngestEvents.Click("u-" + i)));
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server may end the call before the client has written everything.
        }

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("0 were acknowledged", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_DeadlinePassesWhileWaitingForKafka_EndsWithDeadlineExceeded()
    {
        await using var server = await IngestServer.StartAsync($"127.0.0.1:{FreePort.Next()}", "--Ingest:DeliveryTimeout=00:02:00");
        using var active = new ScopedCounterTotal(server.App.Services.GetRequiredService<IMeterFactory>(), IngestInstruments.MeterName, "realtime-ingest-calls-active");

        var call = server.Client.PublishAsync(IngestEvents.Request(IngestEvents.Click("u")), deadline: DateTime.UtcNow.AddSeconds(1));
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseAsync.WaitAsync(Bound));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        // The delivery would wait two minutes: the server ends the call well before.
        await Eventually.HoldsAsync(() => Task.FromResult(active.Total == 0), TimeSpan.FromSeconds(30), "the server to end the call");
    }

    [Fact]
    public async Task PublishStream_ClientCancelsWhileWaitingForKafka_TheServerEndsTheCall()
    {
        await using var server = await IngestServer.StartAsync($"127.0.0.1:{FreePort.Next()}", "--Ingest:DeliveryTimeout=00:02:00");
        using var active = new ScopedCounterTotal(server.App.Services.GetRequiredService<IMeterFactory>(), IngestInstruments.MeterName, "realtime-ingest-calls-active");
        using var cancel = new CancellationTokenSource();
        using var call = server.Client.PublishStream(cancellationToken: cancel.Token);
        await call.RequestStream.WriteAsync(IngestEvents.Request(IngestEvents.Click("u")));
        await call.RequestStream.CompleteAsync();
        await Eventually.HoldsAsync(() => Task.FromResult(active.Total == 1), TimeSpan.FromSeconds(30), "the call to wait for Kafka");

        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseAsync.WaitAsync(Bound));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(active.Total == 0), TimeSpan.FromSeconds(30), "the server to end the call");
    }
}
