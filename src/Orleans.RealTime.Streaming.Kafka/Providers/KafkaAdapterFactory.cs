using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Streams.Filtering;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// Creates the Kafka adapter, its cache, the partition mapper (from topic metadata) and failure handlers. It owns the
/// provider's clients: the silo's service container disposes it, and with it the shared producer (left undisposed, a
/// stopped silo's producer kept reconnecting to its broker for the life of the process).
/// </summary>
internal sealed class KafkaAdapterFactory : IQueueAdapterFactory, IDisposable
{
    private readonly string _name;
    private readonly KafkaClients _clients;
    private readonly IKafkaDataAdapter _dataAdapter;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly KafkaPartitionRegistry _registry;
    private readonly Lazy<KafkaStreamQueueMapper> _mapper;
    private readonly KafkaQueueAdapterCache _cache;

    public KafkaAdapterFactory(string name, KafkaStreamOptions options, int deliveryBatchSize, IKafkaDataAdapter dataAdapter, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _name = name;
        _clients = new KafkaClients(options, loggerFactory.CreateLogger<KafkaClients>());
        _dataAdapter = dataAdapter;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _registry = new KafkaPartitionRegistry(name);
        _mapper = new(() => KafkaTopicMetadata.CreateMapper(_clients));
        _cache = new KafkaQueueAdapterCache(_clients, dataAdapter, _registry, deliveryBatchSize, loggerFactory);
    }

    public static IQueueAdapterFactory Create(IServiceProvider services, string name)
    {
        var options = services.GetOptionsByName<KafkaStreamOptions>(name);
        var deliveryBatchSize = services.GetOptionsByName<StreamPullingAgentOptions>(name).BatchContainerBatchSize;
        if (deliveryBatchSize > 1 && services.GetKeyedService<IStreamFilter>(name) is not null)
        {
            // A filter makes the agent skip records inside a delivery call, so a cursor could not tell where the call ends.
            throw new OrleansConfigurationException(
                $"Stream provider '{name}': {nameof(StreamPullingAgentOptions.BatchContainerBatchSize)} above 1 is not supported together with a stream filter (at-least-once could not be kept).");
        }

        var dataAdapter = services.GetKeyedService<IKafkaDataAdapter>(name) ?? new UserInteractionDataAdapter();
        var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        return new KafkaAdapterFactory(name, options, deliveryBatchSize, dataAdapter, timeProvider, services.GetRequiredService<ILoggerFactory>());
    }

    public Task<IQueueAdapter> CreateAdapter() =>
        Task.FromResult<IQueueAdapter>(new KafkaAdapter(_name, _clients, _mapper.Value, _dataAdapter, _registry, _timeProvider, _loggerFactory));

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper.Value;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new KafkaDeliveryFailureHandler(queueId, _registry));

    public void Dispose() => _clients.Dispose();
}
