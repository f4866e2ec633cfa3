using Confluent.Kafka;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Contracts.Validation;
using Orleans.RealTime.Gateway.Grpc;

namespace Orleans.RealTime.Gateway.Ingest;

/// <summary>
/// <c>realtime.v1.IngestService</c>: validates events and writes them to Kafka keyed by user_id; a call succeeds only
/// once the broker acknowledged what it reports as accepted.
/// </summary>
internal sealed partial class IngestGrpcService(
    IngestProducer producer,
    UserInteractionValidator validator,
    IOptions<IngestOptions> options,
    IngestInstruments instruments,
    TimeProvider timeProvider,
    ILogger<IngestGrpcService> logger) : IngestService.IngestServiceBase
{
    public override async Task<PublishResponse> Publish(PublishRequest request, ServerCallContext context)
    {
        instruments.CallStarted();
        try
        {
            return await PublishOneAsync(request, context);
        }
        finally
        {
            instruments.CallEnded();
        }
    }

    public override async Task<PublishStreamSummary> PublishStream(IAsyncStreamReader<PublishRequest> requestStream, ServerCallContext context)
    {
        instruments.CallStarted();
        try
        {
            return await PublishAllAsync(requestStream, context);
        }
        finally
        {
            instruments.CallEnded();
        }
    }

    private async Task<PublishResponse> PublishOneAsync(PublishRequest request, ServerCallContext context)
    {
        var result = validator.Validate(request.Event);
        if (!result.IsValid)
        {
            instruments.Rejected();
            throw GrpcErrors.InvalidArgument(result);
        }

        try
        {
            var delivery = await producer.ProduceAsync(request.Event).WaitAsync(context.CancellationToken);
            if (delivery.Status != PersistenceStatus.Persisted)
            {
                throw new InvalidOperationException($"Kafka reported persistence status {delivery.Status}.");
            }

            instruments.Accepted();
            return new PublishResponse { Partition = delivery.Partition.Value, Offset = delivery.Offset.Value };
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw IngestErrors.Ended(context, timeProvider);
        }
        catch (Exception failure) when (failure is KafkaException or InvalidOperationException)
        {
            instruments.Failed();
            LogNotStored(logger, 1, IngestErrors.Reason(failure));
            throw IngestErrors.NotStored(failure, "The event was");
        }
    }

    private async Task<PublishStreamSummary> PublishAllAsync(IAsyncStreamReader<PublishRequest> requestStream, ServerCallContext context)
    {
        var settings = options.Value;
        var cancellation = context.CancellationToken;
        var window = new DeliveryWindow(settings.MaxInFlightPerStream);
        var summary = new PublishStreamSummary();
        long received = 0;
        try
        {
            while (window.Failed == 0 && await requestStream.MoveNext(cancellation))
            {
                if (++received > settings.MaxEventsPerStream)
                {
                    await window.DrainAsync(cancellation);
                    Record(window);
                    throw window.Failed > 0 ? NotStored(window) : IngestErrors.TooManyEvents(settings.MaxEventsPerStream, window.Acknowledged, summary.Rejected);
                }

                var interaction = requestStream.Current.Event;
                var result = validator.Validate(interaction);
                if (!result.IsValid)
                {
                    summary.Rejected++;
                    if (summary.Errors.Count < settings.MaxReportedErrors)
                    {
                        summary.Errors.Add($"event {received - 1} (event_id '{interaction?.EventId}'): {result}");
                    }

                    continue;
                }

                await window.StartAsync(handler => producer.Produce(interaction!, handler), cancellation);
            }

            await window.DrainAsync(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw IngestErrors.Ended(context, timeProvider);
        }

        instruments.Rejected(summary.Rejected);
        Record(window);
        if (window.Failed > 0)
        {
            throw NotStored(window);
        }

        summary.Accepted = window.Acknowledged;
        return summary;
    }

    private void Record(DeliveryWindow window)
    {
        instruments.Accepted(window.Acknowledged);
        instruments.Failed(window.Failed);
    }

    private RpcException NotStored(DeliveryWindow window)
    {
        var reason = IngestErrors.Reason(window.FirstFailure!);
        LogNotStored(logger, window.Failed, reason);
        return IngestErrors.NotStored(
            window.FirstFailure!,
            $"{window.Failed} events were",
            $"; {window.Acknowledged} were acknowledged, and the stream was not read past the failure.");
    }

    [LoggerMessage(1, LogLevel.Warning, "{Count} ingested events were not acknowledged by Kafka: {Reason}")]
    private static partial void LogNotStored(ILogger logger, long count, string reason);
}
