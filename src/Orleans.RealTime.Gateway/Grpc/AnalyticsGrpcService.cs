using Grpc.Core;
using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Storage;

namespace Orleans.RealTime.Gateway.Grpc;

/// <summary><c>realtime.v1.AnalyticsService</c>: typed queries answered by the tier router within a latency budget.</summary>
internal sealed class AnalyticsGrpcService(IAnalyticsQueryRouter router) : AnalyticsService.AnalyticsServiceBase
{
    public override async Task<AnalyticsResult> Query(AnalyticsQuery request, ServerCallContext context)
    {
        try
        {
            return await router.ExecuteAsync(request, context.CancellationToken);
        }
        catch (ArgumentException exception) when (exception.ParamName is not null)
        {
            throw GrpcErrors.InvalidArgument(exception);
        }
        catch (LatencyBudgetExceededException exception)
        {
            // The query was refused (or stopped) because no tier holding the range answers within the budget.
            throw new RpcException(new Status(StatusCode.FailedPrecondition, exception.Message));
        }
    }
}
