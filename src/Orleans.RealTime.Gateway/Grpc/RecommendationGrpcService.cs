using Grpc.Core;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Recommendations;
using Orleans.RealTime.Sessions;

namespace Orleans.RealTime.Gateway.Grpc;

/// <summary><c>realtime.v1.RecommendationService</c>: the latest set of a user, and a stream of each new one.</summary>
public sealed partial class RecommendationGrpcService(
    IGrainFactory grains,
    IOptions<Sessions.SessionOptions> sessions,
    GatewayInstruments instruments,
    ILogger<RecommendationGrpcService> logger)
    : RecommendationService.RecommendationServiceBase
{
    /// <summary>Most recommendations one request may ask for.</summary>
    public const int MaxLimit = 100;

    /// <inheritdoc />
    public override async Task<RecommendationSet> GetRecommendations(GetRecommendationsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userId = RequestErrors.RequireUserId(request.UserId);
        if (request.Limit is < 0 or > MaxLimit)
        {
            RequestErrors.InvalidArgument("limit", $"must be from 0 to {MaxLimit} (was {request.Limit})");
        }

        var snapshot = await grains.GetGrain<IUserSessionGrain>(userId).GetRecommendationsAsync(request.Limit).WaitAsync(context.CancellationToken);
        return ApiMapping.ToMessage(snapshot);
    }

    /// <summary>Sends the current set, then each new one, until the client goes away (its cancellation ends the call).</summary>
    public override async Task WatchRecommendations(WatchRecommendationsRequest request, IServerStreamWriter<RecommendationSet> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var userId = RequestErrors.RequireUserId(request.UserId);
        var session = grains.GetGrain<IUserSessionGrain>(userId);
        var watch = new RecommendationWatch();
        var observer = grains.CreateObjectReference<IRecommendationObserver>(watch);
        var cancellation = context.CancellationToken;
        instruments.WatchStarted();
        try
        {
            await session.WatchAsync(observer).WaitAsync(cancellation);
            await responseStream.WriteAsync(ApiMapping.ToMessage(await session.GetRecommendationsAsync(0).WaitAsync(cancellation)), cancellation);
            using var renewal = new PeriodicTimer(sessions.Value.WatchLease / 2);
            var renew = renewal.WaitForNextTickAsync(cancellation).AsTask();
            while (true)
            {
                var next = watch.Sets.WaitToReadAsync(cancellation).AsTask();
                if (await Task.WhenAny(next, renew) == renew)
                {
                    await renew;
                    await session.WatchAsync(observer).WaitAsync(cancellation);
                    renew = renewal.WaitForNextTickAsync(cancellation).AsTask();
                }
                else
                {
                    // Observes the client's cancellation, which completes the wait as canceled.
                    await next;
                }

                while (watch.Sets.TryRead(out var set))
                {
                    await responseStream.WriteAsync(ApiMapping.ToMessage(set), cancellation);
                    instruments.SetPushed();
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            LogWatchEnded(logger, userId);
        }
        finally
        {
            instruments.WatchEnded();
            await UnwatchAsync(session, observer);
            grains.DeleteObjectReference<IRecommendationObserver>(observer);
        }
    }

    private async Task UnwatchAsync(IUserSessionGrain session, IRecommendationObserver observer)
    {
        try
        {
            await session.UnwatchAsync(observer).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException or InvalidOperationException)
        {
            // The lease ends the subscription anyway.
            LogUnwatchFailed(logger, ex, userId: session.GetPrimaryKeyString());
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Recommendation watch of user {UserId} ended by the client")]
    private static partial void LogWatchEnded(ILogger logger, string userId);

    [LoggerMessage(2, LogLevel.Debug, "Unsubscribing the recommendation watch of user {UserId} failed")]
    private static partial void LogUnwatchFailed(ILogger logger, Exception exception, string userId);
}
