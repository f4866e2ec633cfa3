using Grpc.Core;
using Orleans.RealTime.Contracts.Api.V1;

namespace Orleans.RealTime.Gateway.Tests;

/// <summary>Stands in for the service behind the gateway and counts the calls that reached it.</summary>
public sealed class CountingSessionService : SessionService.SessionServiceBase
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public override Task<Session> GetSession(GetSessionRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new Session { UserId = request.UserId });
    }
}
