using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.Streams;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class KafkaQueueCacheTests
{
    private static readonly StreamId A = StreamId.Create("t-cache", "a");
    private static readonly StreamId B = StreamId.Create("t-cache", "b");

    [Fact]
    public void Cursor_FollowsItsStreamInOffsetOrder_AndPinsOnlyTheRecordItDelivers()
    {
        var cache = NewCache(maxRecords: 100);
        cache.AddToCache(Batches((0, A), (1, B), (2, B), (3, A), (4, B), (5, A)));
        var cursor = Cursor(cache, A, 0);
        var delivered = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(QueueCacheCursorMoveResultKind.Success, cursor.MoveNextWithResult().Kind);
            delivered.Add(cursor.GetCurrent(out _)!.SequenceToken.SequenceNumber);
        }

        // While A@5 is being delivered it stays: 0..4 leave the cache. Once the cursor moves past it, it goes too.
        Assert.Equal([0, 3, 5], delivered);
        Assert.True(cache.TryPurgeFromCache(out var purged));
        Assert.Equal([0, 1, 2, 3, 4], purged.Select(b => b.SequenceToken.SequenceNumber));
        Assert.Equal(5, cache.HandoverOffset);
        Assert.Empty(Drain(cursor));
        Assert.True(cache.TryPurgeFromCache(out purged));
        Assert.Equal(5, Assert.Single(purged).SequenceToken.SequenceNumber);
    }

    [Fact]
    public void Purge_StopsAtTheOldestRecordAnyCursorOfItsStreamStillNeeds_WhateverComesAfterIt()
    {
        var cache = NewCache(maxRecords: 100);
        cache.AddToCache(Batches((0, A), (1, B), (2, A), (3, B)));
        var a = Cursor(cache, A, 0);
        var b = Cursor(cache, B, 0);
        Assert.Equal([0, 2], Drain(a));
        Assert.Equal(QueueCacheCursorMoveResultKind.Success, b.MoveNextWithResult().Kind);
        Assert.Equal(1, b.GetCurrent(out _)!.SequenceToken.SequenceNumber);

        // B@1 is being delivered: A@0 goes, A@2 (no longer needed) waits behind it, so the committed offset never
        // passes a record still in delivery.
        Assert.True(cache.TryPurgeFromCache(out var purged));
        Assert.Equal([0], purged.Select(p => p.SequenceToken.SequenceNumber));
        Assert.False(cache.TryPurgeFromCache(out _));
        Assert.Equal([3], Drain(b));
        Assert.True(cache.TryPurgeFromCache(out purged));
        Assert.Equal([1, 2, 3], purged.Select(p => p.SequenceToken.SequenceNumber));
    }

    [Fact]
    public void CursorWhoseLastRecordWasPurged_FindsItsStreamsNextRecord()
    {
        var cache = NewCache(maxRecords: 100);
        cache.AddToCache(Batches((0, A), (1, B)));
        var cursor = Cursor(cache, A, 0);
        Assert.Equal([0], Drain(cursor));
        Assert.True(cache.TryPurgeFromCache(out _));
        Assert.Equal(2, cache.HandoverOffset);

        cache.AddToCache(Batches((2, B), (3, A), (4, A)));

        Assert.Equal([3, 4], Drain(cursor));
    }

    [Fact]
    public void PurgedRecord_IsNoLongerHeld_ByTheIdleCursorThatDeliveredIt()
    {
        var cache = NewCache(maxRecords: 100);
        var delivered = AddOne(cache, 0, A);
        var cursor = Cursor(cache, A, 0);
        Assert.Equal([0], Drain(cursor));
        // The cursor keeps the entry to find its stream's next record; the entry must not keep the batch (and its event).
        PurgeAndCollect(cache);

        Assert.False(delivered.IsAlive);
        cache.AddToCache(Batches((1, A)));
        Assert.Equal([1], Drain(cursor));
    }

    [Fact]
    public void PurgedEntry_IsNoLongerHeld_ByTheIdleCursorThatDeliveredIt_WhichStillFindsTheNextRecord()
    {
        var cache = NewCache(maxRecords: 100);
        cache.AddToCache(Batches((0, A), (1, B)));
        var entry = EntryOf(cache, A);
        var cursor = Cursor(cache, A, 0);
        Assert.Equal([0], Drain(cursor));
        PurgeAndCollect(cache);

        Assert.False(entry.IsAlive);
        cache.AddToCache(Batches((2, B), (3, A)));
        Assert.Equal([3], Drain(cursor));
    }

    /// <summary>Purges what the cache lets go, then collects the whole heap once the purged list is out of scope.</summary>
    private static void PurgeAndCollect(KafkaQueueCache cache)
    {
        Purge(cache);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    // Its own frame: the purged list's slot (address-taken, so reported live to the end of its method) dies with it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Purge(KafkaQueueCache cache) => Assert.True(cache.TryPurgeFromCache(out _));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference EntryOf(KafkaQueueCache cache, StreamId stream) => new(cache.OldestOf(stream));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference AddOne(KafkaQueueCache cache, long offset, StreamId stream)
    {
        var batches = Batches((offset, stream));
        cache.AddToCache(batches);
        return new WeakReference(batches[0]);
    }

    [Fact]
    public void FullCache_ReportsPressure_ButNeverAZeroAddCount()
    {
        var cache = NewCache(maxRecords: 10);
        var held = Cursor(cache, A, 0);
        cache.AddToCache(Batches([.. Enumerable.Range(0, 10).Select(i => ((long)i, i == 0 ? A : B))]));
        Assert.True(held.MoveNextWithResult().Kind == QueueCacheCursorMoveResultKind.Success);

        Assert.True(cache.IsUnderPressure());
        Assert.Equal(1, cache.GetMaxAddCount());
        Assert.False(cache.TryPurgeFromCache(out _));

        held.Dispose();
        Assert.True(cache.TryPurgeFromCache(out var purged));
        Assert.Equal(10, purged.Count);
        Assert.False(cache.IsUnderPressure());
    }

    [Fact]
    public void MultiRecordDeliveryCall_StaysPinnedFromItsFirstRecord_UntilTheAgentAsksForTheNextCall()
    {
        var cache = NewCache(maxRecords: 100, deliveryBatchSize: 4);
        cache.AddToCache(Batches((0, A), (1, B), (2, A), (3, A), (4, B), (5, A), (6, A), (7, B)));
        var cursor = Cursor(cache, A, 0);

        // The agent collects one delivery call (0, 2, 3, 5) and, while it is delivered, the cache is purged: nothing
        // of the call may leave (and so be committed) before the call completes.
        Assert.Equal([0, 2, 3, 5], Collect(cursor, 4));
        Assert.False(cache.TryPurgeFromCache(out _));

        // The next call (6, then no data) means the first completed: 0..5 go, 6 stays while its call is in flight.
        Assert.Equal([6], Collect(cursor, 4));
        Assert.True(cache.TryPurgeFromCache(out var purged));
        Assert.Equal([0, 1, 2, 3, 4, 5], purged.Select(b => b.SequenceToken.SequenceNumber));

        // An empty call (no data) means the last completed, and an idle cursor pins nothing.
        Assert.Empty(Collect(cursor, 4));
        Assert.True(cache.TryPurgeFromCache(out purged));
        Assert.Equal([6, 7], purged.Select(b => b.SequenceToken.SequenceNumber));
    }

    [Fact]
    public void FailedDeliveryCall_MarksItsFirstRecord_WhoseTokenTheFailureHandlerGets_OthersLeaveAsDelivered()
    {
        var cache = NewCache(maxRecords: 100, deliveryBatchSize: 3);
        cache.AddToCache(Batches((0, A), (1, A), (2, A)));
        var cursor = Cursor(cache, A, 0);

        Assert.Equal([0, 1, 2], Collect(cursor, 3));
        cursor.RecordDeliveryFailure();
        Assert.Empty(Collect(cursor, 3));

        Assert.True(cache.TryPurgeFromCache(out var purged));
        Assert.Equal([1, 2], purged.Select(b => b.SequenceToken.SequenceNumber));
    }

    [Fact]
    public void HandshakeSkip_DoesNotCountTowardsTheDeliveryCall()
    {
        var cache = NewCache(maxRecords: 100, deliveryBatchSize: 2);
        cache.AddToCache(Batches((0, A), (1, A), (2, A), (3, A)));
        var cursor = Cursor(cache, A, 0);

        // Orleans moves a new cursor past the handshake token's record without reading it, then collects a call.
        Assert.Equal(QueueCacheCursorMoveResultKind.Success, cursor.MoveNextWithResult().Kind);
        Assert.Equal([1, 2], Collect(cursor, 2));
        Assert.True(cache.TryPurgeFromCache(out var purged));
        Assert.Equal([0], purged.Select(b => b.SequenceToken.SequenceNumber));
    }

    private static List<long> Collect(IQueueCacheCursor cursor, int most)
    {
        var offsets = new List<long>();
        while (offsets.Count < most && cursor.MoveNextWithResult().Kind == QueueCacheCursorMoveResultKind.Success)
        {
            offsets.Add(cursor.GetCurrent(out _)!.SequenceToken.SequenceNumber);
        }

        return offsets;
    }

    private static KafkaQueueCache NewCache(int maxRecords, int deliveryBatchSize = 1)
    {
        var options = new KafkaStreamOptions { BootstrapServers = "127.0.0.1:1", Topics = ["t-cache"], ConsumerGroupId = "g" };
        var state = new KafkaPartitionState("kafka", "t-cache", 0);
        return new KafkaQueueCache(
            maxRecords,
            1L << 30,
            deliveryBatchSize,
            state,
            new KafkaClients(options, NullLogger.Instance),
            new UserInteractionDataAdapter(),
            new KafkaRetentionGap(state, NullLogger<KafkaRetentionGap>.Instance));
    }

    private static IQueueCacheCursor Cursor(KafkaQueueCache cache, StreamId stream, long offset) =>
        cache.TryGetCacheCursor(stream, new KafkaStreamSequenceToken(offset)).Cursor!;

    private static List<long> Drain(IQueueCacheCursor cursor)
    {
        var offsets = new List<long>();
        while (cursor.MoveNextWithResult().Kind == QueueCacheCursorMoveResultKind.Success)
        {
            offsets.Add(cursor.GetCurrent(out _)!.SequenceToken.SequenceNumber);
        }

        return offsets;
    }

    private static List<IBatchContainer> Batches(params (long Offset, StreamId Stream)[] records) =>
        [.. records.Select(r => (IBatchContainer)new KafkaBatchContainer(r.Stream, [new object()], new KafkaRecordMetadata("t", 0, r.Offset, DateTimeOffset.UnixEpoch, []), new KafkaStreamSequenceToken(r.Offset), 300))];
}
