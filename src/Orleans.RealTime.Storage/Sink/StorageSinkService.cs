using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Contracts.Validation;

namespace Orleans.RealTime.Storage;

/// <summary>
/// Runs the <see cref="KafkaStorageSink"/> for the life of the host on a thread of its own, named <c>storage sink</c>
/// (the Kafka consumer blocks; on Linux it runs at nice 10 unless <see cref="StorageSinkOptions.BackgroundPriority"/>
/// is off), and restarts it with a fresh consumer after any broker or store failure, backing off up to half a minute: a failing
/// store must never stop the host. Offsets are committed only after a batch is written, so a restart re-reads at most
/// the unwritten batch; a failure while the host stops ends the sink quietly for the same reason.
/// </summary>
public sealed partial class StorageSinkService(
    StorageTiers tiers,
    IOptions<StorageSinkOptions> options,
    TimeProvider timeProvider,
    StorageInstruments instruments,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private const int BackgroundNice = 10;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly ILogger _logger = loggerFactory.CreateLogger<StorageSinkService>();

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(stoppingToken);
                ended.SetResult();
            }
            catch (Exception exception)
            {
                ended.SetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = ThreadName,
        };
        thread.Start();
        return ended.Task;
    }

    /// <summary>The name of the sink's thread (a Linux thread name holds at most 15 characters).</summary>
    internal const string ThreadName = "storage sink";

    private void Run(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.BackgroundPriority)
        {
            ThreadNiceness.Lower(BackgroundNice);
        }

        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var consumer = CreateConsumer(settings);
                var sink = new KafkaStorageSink(
                    consumer, tiers.Hot, settings, new UserInteractionValidator(timeProvider), timeProvider, instruments, loggerFactory.CreateLogger<KafkaStorageSink>());
                LogStarted(_logger, settings.Topic, settings.GroupId, settings.BootstrapServers);
                sink.Run(stoppingToken);
                consumer.Close();
                return;
            }
            catch (Exception exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: the batch in hand was not committed, so the next start reads it again.
                LogStoppedDuringFailure(_logger, exception.GetType().Name);
                return;
            }
            catch (Exception exception)
            {
                LogRestarting(_logger, exception, backoff);
                Task.Delay(backoff, timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default).Wait(CancellationToken.None);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    private static IConsumer<byte[]?, byte[]> CreateConsumer(StorageSinkOptions settings) =>
        new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = settings.BootstrapServers,
            GroupId = settings.GroupId,
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            SessionTimeoutMs = 10_000,
            HeartbeatIntervalMs = 1_000,

            // The sink reads one topic and needs a record's partition, offset and value only: no topic string, headers
            // or timestamp built per record.
            ConsumeResultFields = "none",
        }).Build();

    [LoggerMessage(30, LogLevel.Information, "Storage sink reading {Topic} as consumer group {Group} from {Bootstrap}.")]
    private static partial void LogStarted(ILogger logger, string topic, string group, string bootstrap);

    [LoggerMessage(32, LogLevel.Information, "Storage sink stopped with the host while failing ({Exception}); its uncommitted batch is read again at the next start.")]
    private static partial void LogStoppedDuringFailure(ILogger logger, string exception);

    [LoggerMessage(31, LogLevel.Warning, "Storage sink failed; restarting with a fresh consumer in {Backoff}.")]
    private static partial void LogRestarting(ILogger logger, Exception exception, TimeSpan backoff);
}
