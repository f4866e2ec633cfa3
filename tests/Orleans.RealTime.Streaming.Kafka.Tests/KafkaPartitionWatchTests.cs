using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class KafkaPartitionWatchTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    [Fact]
    public void CachedRecordsNeitherHandedOutNorPurged_ForAnInterval_LogWhatPinsThem()
    {
        var (state, time, logger, watch) = Watch();
        using (watch)
        {
            state.CacheRecords = 3;
            state.Progress.PurgeRound(0, 42, "cursor of s/a", 1);
            Read(state);

            time.Advance(Interval);

            var warning = Assert.Single(logger.Entries);
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains("user-interactions[7] made no progress", warning.Message, StringComparison.Ordinal);
            Assert.Contains("oldest pinned offset 42 by cursor of s/a", warning.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AgentNotReading_ForAnInterval_IsLoggedEvenWithAnEmptyCache()
    {
        var (_, time, logger, watch) = Watch();
        using (watch)
        {
            time.Advance(Interval);

            Assert.Contains("reads 0 (inside a read now: False)", Assert.Single(logger.Entries).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PartitionThatReadsAndDelivers_LogsNothing()
    {
        var (state, time, logger, watch) = Watch();
        using (watch)
        {
            for (var i = 0; i < 3; i++)
            {
                state.CacheRecords = 5;
                Read(state);
                state.Progress.HandOut();
                time.Advance(Interval);
            }

            Assert.Empty(logger.Entries);
        }
    }

    private static void Read(KafkaPartitionState state)
    {
        state.Progress.ReadStarted();
        state.Progress.ReadEnded();
    }

    private static (KafkaPartitionState, FakeTimeProvider, CapturingLogger, KafkaPartitionWatch) Watch()
    {
        var state = new KafkaPartitionState("kafka", "user-interactions", 7);
        var time = new FakeTimeProvider();
        var logger = new CapturingLogger();
        return (state, time, logger, new KafkaPartitionWatch(state, () => (-1, 0), Interval, time, logger));
    }
}
