using Grpc.Core;
using Grpc.Net.Client;
using Orleans.RealTime.Contracts.Api.V1;

namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>
/// Writes generated events through <c>IngestService.PublishStream</c>, <paramref name="eventsPerCall"/> records per
/// call; a record counts as failed unless the call's summary reports it accepted.
/// </summary>
internal sealed class IngestClickstreamWriter(GrpcChannel channel, int eventsPerCall) : IClickstreamSink
{
    private readonly IngestService.IngestServiceClient _client = new(channel);
    private readonly Dictionary<string, long> _expected = new(StringComparer.Ordinal);
    private AsyncClientStreamingCall<PublishRequest, PublishStreamSummary>? _call;
    private int _inCall;

    public long Records { get; private set; }

    public long Failed { get; private set; }

    public IReadOnlyDictionary<string, long> Expected => _expected;

    public async ValueTask WriteAsync(GeneratedEvent generated, CancellationToken ct)
    {
        var request = new PublishRequest { Event = generated.Event };
        await SendAsync(request, ct);
        if (generated.SendTwice)
        {
            await SendAsync(request, ct);
        }

        _expected[generated.Event.UserId] = _expected.GetValueOrDefault(generated.Event.UserId) + 1;
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_call is null)
        {
            return;
        }

        var (call, sent) = (_call, _inCall);
        (_call, _inCall) = (null, 0);
        try
        {
            await call.RequestStream.CompleteAsync();
            var summary = await call.ResponseAsync.WaitAsync(ct);
            Failed += sent - summary.Accepted;
        }
        catch (RpcException ex)
        {
            Failed += sent;
            Console.Error.WriteLine($"PublishStream of {sent} records failed: {ex.Status}");
        }
        finally
        {
            call.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await FlushAsync(CancellationToken.None);

    private async Task SendAsync(PublishRequest request, CancellationToken ct)
    {
        _call ??= _client.PublishStream(cancellationToken: ct);
        await _call.RequestStream.WriteAsync(request, ct);
        Records++;
        if (++_inCall >= eventsPerCall)
        {
            await FlushAsync(ct);
        }
    }
}
