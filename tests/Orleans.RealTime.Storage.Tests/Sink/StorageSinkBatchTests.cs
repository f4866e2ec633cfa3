using Google.Protobuf;
using Microsoft.Extensions.Time.Testing;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Contracts.Validation;

namespace Orleans.RealTime.Storage.Tests.Sink;

public sealed class StorageSinkBatchTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(StorageDays.Start(SampleData.Day1).AddHours(12));
    private readonly TempDirectory _directory = new();
    private DuckDbTierStore _hot = null!;

    public async Task InitializeAsync() => _hot = await DuckDbTierStore.OpenAsync(Path.Combine(_directory.Path, "hot.duckdb"));

    public async Task DisposeAsync()
    {
        await _hot.DisposeAsync();
        _directory.Dispose();
    }

    private StorageSinkBatch Batch(int maxRows = 10_000) =>
        new(new StorageSinkOptions { MaxBatchRows = maxRows, MaxBatchDelay = TimeSpan.FromSeconds(1) }, new UserInteractionValidator(_time), _time);

    private byte[] Record(string id, string user = "u1") => new UserInteraction
    {
        EventId = id,
        Timestamp = _time.GetUtcNow().AddMinutes(-1).ToUnixTimeMilliseconds(),
        UserId = user,
        SessionId = "s1",
        ProductClick = new ProductClick { ProductId = "p1" },
    }.ToByteArray();

    [Fact]
    public void IsDue_AtMaxRows_IsTrue()
    {
        var batch = Batch(maxRows: 2);

        batch.Add("events", 0, 10, Record("e1"));
        Assert.False(batch.IsDue);
        batch.Add("events", 0, 11, Record("e2"));

        Assert.True(batch.IsDue);
    }

    [Fact]
    public void IsDue_OneSecondAfterTheFirstRecord_IsTrue()
    {
        var batch = Batch();
        Assert.Equal(TimeSpan.FromSeconds(1), batch.UntilDue);

        batch.Add("events", 0, 10, Record("e1"));
        _time.Advance(TimeSpan.FromMilliseconds(600));
        Assert.False(batch.IsDue);
        Assert.Equal(TimeSpan.FromMilliseconds(400), batch.UntilDue);
        _time.Advance(TimeSpan.FromMilliseconds(400));

        Assert.True(batch.IsDue);
        Assert.Equal(TimeSpan.Zero, batch.UntilDue);
    }

    [Fact]
    public async Task Flush_WritesTheRowsAndReturnsTheOffsetAfterEachPartitionsLastRecord()
    {
        var batch = Batch();
        batch.Add("events", 0, 10, Record("e1"));
        batch.Add("events", 1, 5, Record("e2", "u2"));
        batch.Add("events", 0, 11, Record("e3"));
        batch.Add("events", 0, 12, Record("e1"));

        var flush = await batch.FlushAsync(_hot);

        Assert.Equal([new SinkPosition("events", 0, 13), new SinkPosition("events", 1, 6)], flush.Positions.OrderBy(p => p.Partition));
        Assert.Equal((4, 0), (flush.Rows, flush.Rejected.Count));
        Assert.Equal(3, (await _hot.CountDayAsync(SampleData.Day1)).Events);
        Assert.Equal(0, batch.Records);
        Assert.False(batch.IsDue);
    }

    [Fact]
    public async Task Flush_SkipsUndecodableOrInvalidRecordsAndReportsThem_ButCommitsTheirOffsets()
    {
        var batch = Batch();

        batch.Add("events", 0, 10, [0xFF, 0xFF, 0xFF]);
        batch.Add("events", 0, 11, new UserInteraction { EventId = "e9" }.ToByteArray());
        batch.Add("events", 0, 12, Record("e1"));
        var flush = await batch.FlushAsync(_hot);

        Assert.Equal([10L, 11L], flush.Rejected.Select(r => r.Offset));
        Assert.Contains("user_id", flush.Rejected[1].Problem, StringComparison.Ordinal);
        Assert.Equal(2, batch.Rejected);
        Assert.Equal([new SinkPosition("events", 0, 13)], flush.Positions);
        Assert.Equal(1, flush.Rows);
        Assert.Equal(1, (await _hot.CountDayAsync(SampleData.Day1)).Events);
    }

    [Fact]
    public async Task Flush_OfRecordsPartlyStoredAlready_CountsOnlyTheNewOnesAndReportsEachRejectionOnce()
    {
        var batch = Batch();
        batch.Add("events", 0, 10, Record("e1"));
        await batch.FlushAsync(_hot);

        // The rows are decoded as the store appends them, and it finds e1 stored already.
        batch.Add("events", 0, 11, [0xFF, 0xFF, 0xFF]);
        batch.Add("events", 0, 12, Record("e1"));
        batch.Add("events", 0, 13, Record("e2"));
        var flush = await batch.FlushAsync(_hot);

        Assert.Equal([11L], flush.Rejected.Select(r => r.Offset));
        Assert.Equal(1, batch.Rejected);
        Assert.Equal(2, flush.Rows);
        Assert.Equal(2, (await _hot.CountDayAsync(SampleData.Day1)).Events);
        var day = TimeRange.OfDay(SampleData.Day1);
        Assert.Equal(2, (await _hot.CountEventsAsync(day, TimeSpan.FromDays(1))).Sum(b => b.Count));
    }

    [Fact]
    public async Task ManyRecords_OutgrowingTheBatchBuffer_AreAllDecodedAndWritten()
    {
        var batch = Batch();
        for (var i = 0; i < 2_000; i++)
        {
            batch.Add("events", 0, i, Record("e" + i, "u" + (i % 50)));
        }

        var flush = await batch.FlushAsync(_hot);
        batch.Add("events", 0, 2_000, Record("e-after"));
        var next = await batch.FlushAsync(_hot);

        Assert.Equal((2_000, 0), (flush.Rows, flush.Rejected.Count));
        Assert.Equal(1, next.Rows);
        Assert.Equal(2_001, (await _hot.CountDayAsync(SampleData.Day1)).Events);
    }

    [Fact]
    public async Task Flush_EmptiesTheBatch_SoTheNextFlushWritesNothing()
    {
        var batch = Batch();
        batch.Add("events", 0, 10, Record("e1"));
        var first = await batch.FlushAsync(_hot);
        var second = await batch.FlushAsync(_hot);

        Assert.Equal(1, first.Rows);
        Assert.Equal((0, 0), (second.Rows, second.Positions.Count));
        Assert.Equal(1, (await _hot.CountDayAsync(SampleData.Day1)).Events);
    }
}
