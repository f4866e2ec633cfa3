using Confluent.Kafka;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.Gateway.Ingest;

/// <summary>The one idempotent Kafka producer behind <c>IngestService</c>, writing events keyed by user_id.</summary>
internal sealed partial class IngestProducer : IDisposable
{
    /// <summary>Longest a shutdown waits for records still in flight.</summary>
    private static readonly TimeSpan MaxShutdownFlush = TimeSpan.FromSeconds(5);

    private readonly IProducer<string, byte[]> _producer;
    private readonly string _topic;
    private readonly TimeSpan _flushTimeout;

    public IngestProducer(IOptions<IngestOptions> options, ILogger<IngestProducer> logger)
    {
        var settings = options.Value;
        _topic = settings.Topic;
        _flushTimeout = settings.DeliveryTimeout < MaxShutdownFlush ? settings.DeliveryTimeout : MaxShutdownFlush;
        _producer = new ProducerBuilder<string, byte[]>(IngestProducerConfig.For(settings))
            .SetLogHandler((_, message) => LogClient(logger, message.Name, message.Message))
            .SetErrorHandler((_, error) => LogClientError(logger, error.Code, error.Reason))
            .Build();
    }

    /// <summary>
    /// Starts writing <paramref name="interaction"/>; the task completes once the broker acknowledged it, or fails with a
    /// <see cref="ProduceException{TKey, TValue}"/> when delivery failed or timed out.
    /// </summary>
    public Task<DeliveryResult<string, byte[]>> ProduceAsync(UserInteraction interaction) =>
        _producer.ProduceAsync(_topic, new Message<string, byte[]> { Key = interaction.UserId, Value = interaction.ToByteArray() });

    /// <summary>Queues <paramref name="interaction"/>; <paramref name="delivered"/> runs on the producer's poll thread once the broker answered.</summary>
    public void Produce(UserInteraction interaction, Action<DeliveryReport<string, byte[]>> delivered) =>
        _producer.Produce(_topic, new Message<string, byte[]> { Key = interaction.UserId, Value = interaction.ToByteArray() }, delivered);

    public void Dispose()
    {
        _producer.Flush(_flushTimeout);
        _producer.Dispose();
    }

    [LoggerMessage(1, LogLevel.Debug, "Kafka ingest producer {Client}: {Message}")]
    private static partial void LogClient(ILogger logger, string client, string message);

    [LoggerMessage(2, LogLevel.Warning, "Kafka ingest producer error {Code}: {Reason}")]
    private static partial void LogClientError(ILogger logger, Confluent.Kafka.ErrorCode code, string reason);
}
