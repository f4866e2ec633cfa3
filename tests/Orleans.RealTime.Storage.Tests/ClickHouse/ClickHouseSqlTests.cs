namespace Orleans.RealTime.Storage.Tests.ClickHouse;

public sealed class ClickHouseSqlTests
{
    private readonly ClickHouseSql _sql = new("analytics", "hot_");

    [Fact]
    public void CreateEvents_IsAReplacingMergeTreePartitionedByDayOrderedForUserAndTime()
    {
        var ddl = _sql.CreateEvents;

        Assert.Contains("CREATE TABLE IF NOT EXISTS analytics.hot_events", ddl, StringComparison.Ordinal);
        Assert.Contains("ENGINE = ReplacingMergeTree", ddl, StringComparison.Ordinal);
        Assert.Contains("PARTITION BY toDate(time)", ddl, StringComparison.Ordinal);
        Assert.Contains("ORDER BY (user_id, time, event_id, line)", ddl, StringComparison.Ordinal);
        Assert.Contains("time DateTime64(3, 'UTC')", ddl, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateSessions_ReplacesBySessionAndPartitionsByStartDay()
    {
        Assert.Contains("PARTITION BY toDate(start)", _sql.CreateSessions, StringComparison.Ordinal);
        Assert.Contains("ORDER BY (user_id, start, session_id)", _sql.CreateSessions, StringComparison.Ordinal);
        Assert.Contains("ReplacingMergeTree", _sql.CreateSessions, StringComparison.Ordinal);
    }

    [Fact]
    public void EventColumns_MatchTheTableColumnsInOrder()
    {
        var declared = System.Text.RegularExpressions.Regex.Matches(_sql.CreateEvents, @"(?:\(|,)\s*([a-z_]+) (?:String|Int32|Int64|DateTime64|LowCardinality|Nullable)")
            .Select(m => m.Groups[1].Value);

        Assert.Equal(ClickHouseSql.EventColumns, declared);
    }

    [Fact]
    public void Queries_ReadWithFinalAndTakeValuesOnlyAsTypedParameters()
    {
        string[] queries = [_sql.CountEvents, _sql.TopProducts, _sql.Funnel, _sql.FunnelUsers, _sql.UserTimeline, _sql.SessionStatistics, _sql.CountDay, _sql.ReadDayEvents];

        Assert.All(queries, q => Assert.Contains("FINAL", q, StringComparison.Ordinal));
        Assert.Contains("{from:Int64}", _sql.CountEvents, StringComparison.Ordinal);
        Assert.Contains("{bucket:Int64}", _sql.CountEvents, StringComparison.Ordinal);
        Assert.Contains("line = 0", _sql.CountEvents, StringComparison.Ordinal);
        Assert.Contains("{type:String}", _sql.TopProducts, StringComparison.Ordinal);
        Assert.Contains("{user:String}", _sql.UserTimeline, StringComparison.Ordinal);
        Assert.Contains("{limit:Int32}", _sql.UserTimeline, StringComparison.Ordinal);
        Assert.Contains("{day:Date}", _sql.CountDay, StringComparison.Ordinal);
    }

    [Fact]
    public void DropDay_DropsTheDayPartitionOfBothTables()
    {
        Assert.Equal(
            ["ALTER TABLE analytics.hot_events DROP PARTITION '2026-11-20'", "ALTER TABLE analytics.hot_sessions DROP PARTITION '2026-11-20'"],
            _sql.DropDay(new DateOnly(2026, 11, 20)));
    }

    [Theory]
    [InlineData("analytics; DROP TABLE x", "")]
    [InlineData("analytics", "hot-")]
    [InlineData("", "")]
    public void Constructor_NonIdentifierNames_AreRejected(string database, string prefix)
    {
        Assert.Throws<ArgumentException>(() => new ClickHouseSql(database, prefix));
    }
}
