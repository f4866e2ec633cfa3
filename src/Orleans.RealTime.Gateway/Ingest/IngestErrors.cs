using Confluent.Kafka;
using Grpc.Core;

namespace Orleans.RealTime.Gateway.Ingest;

/// <summary>The statuses <c>IngestService</c> answers with when an event could not be stored.</summary>
internal static class IngestErrors
{
    /// <summary><c>UNAVAILABLE</c> (or <c>RESOURCE_EXHAUSTED</c> for a record Kafka finds too large): the event was not acknowledged.</summary>
    public static RpcException NotStored(Exception failure, string what, string? note = null)
    {
        var code = failure is ProduceException<string, byte[]> { Error.Code: Confluent.Kafka.ErrorCode.MsgSizeTooLarge }
            ? StatusCode.ResourceExhausted
            : StatusCode.Unavailable;
        return new RpcException(new Status(code, $"{what} not acknowledged by Kafka ({Reason(failure)}){note}"));
    }

    /// <summary>
    /// <c>DEADLINE_EXCEEDED</c> or <c>CANCELLED</c> for a call that ended while waiting for the broker; events already
    /// handed to the producer may still be written (and are deduplicated by event_id downstream).
    /// </summary>
    public static RpcException Ended(ServerCallContext context, TimeProvider timeProvider) =>
        context.Deadline <= timeProvider.GetUtcNow().UtcDateTime
            ? new RpcException(new Status(StatusCode.DeadlineExceeded, "The deadline passed while waiting for Kafka's acknowledgement."))
            : new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled while waiting for Kafka's acknowledgement."));

    /// <summary><c>RESOURCE_EXHAUSTED</c> naming <see cref="IngestOptions.MaxEventsPerStream"/>.</summary>
    public static RpcException TooManyEvents(int limit, long accepted, long rejected) => new(new Status(
        StatusCode.ResourceExhausted,
        $"PublishStream accepts at most {limit} events per call ({IngestOptions.SectionName}:{nameof(IngestOptions.MaxEventsPerStream)}); " +
        $"of the first {limit}, {accepted} were acknowledged and {rejected} rejected, and nothing after them was written."));

    public static string Reason(Exception failure) => failure switch
    {
        ProduceException<string, byte[]> produce => $"{produce.Error.Code}: {produce.Error.Reason}",
        KafkaException kafka => $"{kafka.Error.Code}: {kafka.Error.Reason}",
        _ => failure.Message,
    };
}
