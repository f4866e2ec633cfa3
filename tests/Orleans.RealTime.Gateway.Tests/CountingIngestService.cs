using Grpc.Core;
using Orleans.RealTime.Contracts.Api.V1;

namespace Orleans.RealTime.Gateway.Tests;

/// <summary>
/// Stands in for a service behind the gateway (one the gateway itself does not map yet) and counts the calls that
/// reached it.
/// </summary>
public sealed class CountingIngestService : IngestService.IngestServiceBase
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public override Task<PublishResponse> Publish(PublishRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new PublishResponse { Partition = 3, Offset = 42 });
    }
}
