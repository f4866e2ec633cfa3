using Microsoft.Extensions.Logging;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// Checks one partition on a timer and logs a warning with its cache, cursor, pressure and read figures when it made
/// no progress over a whole interval: records cached but none handed out or purged, or the pulling agent not reading.
/// </summary>
internal sealed partial class KafkaPartitionWatch : IDisposable
{
    private readonly KafkaPartitionState _state;
    private readonly Func<(long Committed, int Pending)> _commits;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly TimeSpan _interval;
    private (long Reads, long HandedOut, long Purged, long PurgeRounds) _last;

    public KafkaPartitionWatch(KafkaPartitionState state, Func<(long Committed, int Pending)> commits, TimeSpan interval, TimeProvider timeProvider, ILogger logger)
    {
        _state = state;
        _commits = commits;
        _logger = logger;
        _interval = interval;
        _last = Snapshot();
        _timer = timeProvider.CreateTimer(_ => Check(), null, interval, interval);
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>Compares the figures with the previous check's; logs when the partition stood still.</summary>
    internal bool Check()
    {
        var now = Snapshot();
        var previous = _last;
        _last = now;
        var progress = _state.Progress;
        var cached = _state.CacheRecords;
        var deliveringStopped = cached > 0 && now.HandedOut == previous.HandedOut && now.Purged == previous.Purged;
        var readingStopped = now.Reads == previous.Reads && !progress.InRead;
        if (!deliveringStopped && !readingStopped)
        {
            return false;
        }

        var (committed, pending) = _commits();
        LogStalled(
            _state.Topic,
            _state.Partition,
            _interval,
            cached,
            _state.CacheBytes,
            progress.PinnedOffset == long.MaxValue ? -1 : progress.PinnedOffset,
            progress.PinnedBy,
            progress.Cursors,
            progress.Rewinding,
            progress.UnderPressure,
            now.Reads - previous.Reads,
            progress.InRead,
            now.PurgeRounds - previous.PurgeRounds,
            progress.NextOffset,
            progress.HighWatermark,
            committed,
            pending,
            now.HandedOut,
            now.Purged);
        return true;
    }

    private (long Reads, long HandedOut, long Purged, long PurgeRounds) Snapshot()
    {
        var progress = _state.Progress;
        return (progress.ReadCalls, progress.HandedOut, progress.Purged, progress.PurgeRounds);
    }

    [LoggerMessage(10, LogLevel.Warning,
        "Kafka partition {Topic}[{Partition}] made no progress in {Interval}: cache {CacheRecords} records / {CacheBytes} B, " +
        "oldest pinned offset {PinnedOffset} by {PinnedBy} ({Cursors} cursors, {Rewinding} rewinding), under pressure {UnderPressure}; " +
        "reads {Reads} (inside a read now: {InRead}), purge rounds {PurgeRounds}; next offset {NextOffset}, high watermark {HighWatermark}, " +
        "committed {Committed}, pending {Pending}; handed out {HandedOut}, purged {Purged} in all.")]
    private partial void LogStalled(
        string topic, int partition, TimeSpan interval, long cacheRecords, long cacheBytes, long pinnedOffset, string pinnedBy, int cursors, int rewinding,
        bool underPressure, long reads, bool inRead, long purgeRounds, long nextOffset, long highWatermark, long committed, int pending, long handedOut, long purged);
}
