using Grpc.Core;
using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Sessions;

namespace Orleans.RealTime.Gateway.Grpc;

/// <summary><c>realtime.v1.SessionService</c>: a user's live session from its grain.</summary>
public sealed class SessionGrpcService(IGrainFactory grains) : SessionService.SessionServiceBase
{
    /// <inheritdoc />
    public override async Task<Session> GetSession(GetSessionRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userId = RequestErrors.RequireUserId(request.UserId);
        var snapshot = await grains.GetGrain<IUserSessionGrain>(userId).GetSessionAsync().WaitAsync(context.CancellationToken);
        return ApiMapping.ToMessage(snapshot);
    }
}
