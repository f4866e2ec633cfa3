namespace Orleans.RealTime.Storage.Tests.ClickHouse;

public sealed class ClickHouseBatchesTests
{
    [Fact]
    public void Events_25000RowsInBatchesOf10000_GivesThreeBatchesInOrder()
    {
        var rows = SyntheticEvents.Generate(25_000, StorageDays.Start(SampleData.Day1), TimeSpan.FromDays(1)).ToList();

        var batches = ClickHouseBatches.Events(rows, 10_000).ToList();

        Assert.Equal([10_000, 10_000, 5_000], batches.Select(b => b.Length));
        Assert.Equal(rows.Select(r => r.EventId), batches.SelectMany(b => b).Select(v => (string)v[0]));
    }

    [Fact]
    public void Values_EventRow_FollowsTheColumnOrderWithUtcTimeAndNulls()
    {
        var row = SampleData.Event("e1", SampleData.At(SampleData.Day1, 9), "alice", InteractionTypes.PageView, "p1");

        var values = ClickHouseBatches.Values(row);

        Assert.Equal(ClickHouseSql.EventColumns.Count, values.Length);
        var byColumn = ClickHouseSql.EventColumns.Zip(values).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("e1", byColumn["event_id"]);
        Assert.Equal(0, byColumn["line"]);
        Assert.Equal(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), byColumn["time"]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)byColumn["time"]).Kind);
        Assert.Equal("p1", byColumn["product_id"]);
        Assert.Null(byColumn["quantity"]);
        Assert.Null(byColumn["order_id"]);
    }

    [Fact]
    public void Values_SessionRow_FollowsTheColumnOrder()
    {
        var session = SampleData.Sessions()[0];

        var values = ClickHouseBatches.Values(session);

        Assert.Equal(ClickHouseSql.SessionColumns.Count, values.Length);
        Assert.Equal(["s1", "alice", session.Start.UtcDateTime, session.End.UtcDateTime, 4, 1, 3998L], values);
    }

    [Fact]
    public void Events_NonPositiveBatchSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClickHouseBatches.Events([], 0).ToList());
    }
}
