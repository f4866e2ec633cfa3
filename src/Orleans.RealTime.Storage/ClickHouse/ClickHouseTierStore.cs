using System.Data.Common;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;

namespace Orleans.RealTime.Storage;

/// <summary>
/// A tier on a ClickHouse server (the Cluster profile's hot and warm tiers) through ClickHouse.Driver's HTTP client:
/// RowBinary bulk inserts in batches, ReplacingMergeTree tables partitioned by day (so duplicates collapse and a
/// whole day is dropped as one partition), queries with <c>FINAL</c>. SQL is in <see cref="ClickHouseSql"/>.
/// </summary>
public sealed class ClickHouseTierStore : ITierStore, IDisposable
{
    private readonly ClickHouseClient _client;
    private readonly ClickHouseSql _sql;
    private readonly int _batchSize;

    private ClickHouseTierStore(ClickHouseClient client, ClickHouseSql sql, int batchSize)
    {
        _client = client;
        _sql = sql;
        _batchSize = batchSize;
    }

    /// <summary>Connects and creates the tables if needed.</summary>
    public static async Task<ClickHouseTierStore> OpenAsync(ClickHouseStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        var sql = new ClickHouseSql(options.Database, options.TablePrefix);
        var client = new ClickHouseClient(options.ConnectionString);
        await client.ExecuteNonQueryAsync(sql.CreateEvents, cancellationToken: cancellationToken);
        await client.ExecuteNonQueryAsync(sql.CreateSessions, cancellationToken: cancellationToken);
        return new ClickHouseTierStore(client, sql, options.BatchSize);
    }

    /// <inheritdoc />
    public async Task WriteEventsAsync(IEnumerable<EventRow> rows, CancellationToken cancellationToken = default)
    {
        foreach (var batch in ClickHouseBatches.Events(rows, _batchSize))
        {
            await _client.InsertBinaryAsync(_sql.EventsTable, ClickHouseSql.EventColumns, batch, cancellationToken: cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task WriteSessionsAsync(IReadOnlyList<SessionRow> rows, CancellationToken cancellationToken = default)
    {
        foreach (var batch in ClickHouseBatches.Sessions(rows, _batchSize))
        {
            await _client.InsertBinaryAsync(_sql.SessionsTable, ClickHouseSql.SessionColumns, batch, cancellationToken: cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DateOnly>> ListDaysAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(_sql.ListDays, [], r => DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    /// <inheritdoc />
    public async Task<DayCounts> CountDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        (await QueryAsync(_sql.CountDay, [Day(day)], r => new DayCounts(r.GetInt64(0), r.GetInt64(1)), cancellationToken))[0];

    /// <inheritdoc />
    public async Task<DayData> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default) => new(
        day,
        await QueryAsync(_sql.ReadDayEvents, [Day(day)], DuckDbRows.ReadEvent, cancellationToken),
        await QueryAsync(_sql.ReadDaySessions, [Day(day)], DuckDbRows.ReadSession, cancellationToken));

    /// <inheritdoc />
    public async Task ImportDayAsync(DayData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        await WriteEventsAsync(data.Events, cancellationToken);
        await WriteSessionsAsync(data.Sessions, cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        foreach (var statement in _sql.DropDay(day))
        {
            await _client.ExecuteNonQueryAsync(statement, cancellationToken: cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EventCountBucket>> CountEventsAsync(TimeRange range, TimeSpan bucket, CancellationToken cancellationToken = default) =>
        QueryAsync(
            _sql.CountEvents,
            [.. Range(range), Parameter("bucket", (long)bucket.TotalMilliseconds)],
            r => new EventCountBucket(DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(0)), r.GetString(1), r.GetInt64(2)),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProductCount>> TopProductsAsync(TimeRange range, string interactionType, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            _sql.TopProducts,
            [.. Range(range), Parameter("type", interactionType), Parameter("limit", limit)],
            r => new ProductCount(r.GetString(0), r.GetInt64(1)),
            cancellationToken);

    /// <inheritdoc />
    public async Task<FunnelCounts> FunnelAsync(TimeRange range, CancellationToken cancellationToken = default) =>
        (await QueryAsync(_sql.Funnel, Range(range), r => new FunnelCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken))[0];

    /// <inheritdoc />
    public async Task<FunnelUsers> FunnelUsersAsync(TimeRange range, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(_sql.FunnelUsers, Range(range), r => (Stage: r.GetString(0), User: r.GetString(1)), cancellationToken);
        HashSet<string> Users(string stage) => rows.Where(row => row.Stage == stage).Select(row => row.User).ToHashSet(StringComparer.Ordinal);
        return new FunnelUsers(Users("view"), Users("cart"), Users("purchase"));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EventRow>> UserTimelineAsync(TimeRange range, string userId, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(_sql.UserTimeline, [.. Range(range), Parameter("user", userId), Parameter("limit", limit)], DuckDbRows.ReadEvent, cancellationToken);

    /// <inheritdoc />
    public async Task<SessionStatistics> SessionStatisticsAsync(TimeRange range, CancellationToken cancellationToken = default) =>
        (await QueryAsync(_sql.SessionStatistics, Range(range), r => new SessionStatistics(r.GetInt64(0), r.GetDouble(1), r.GetInt64(2), r.GetInt64(3)), cancellationToken))[0];

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static ClickHouseDbParameter Parameter(string name, object value) => new() { ParameterName = name, Value = value };

    private static ClickHouseDbParameter Day(DateOnly day) => new() { ParameterName = "day", Value = day.ToDateTime(TimeOnly.MinValue), ClickHouseType = "Date" };

    private static ClickHouseDbParameter[] Range(TimeRange range) =>
        [Parameter("from", range.From.ToUnixTimeMilliseconds()), Parameter("to", range.To.ToUnixTimeMilliseconds())];

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, ClickHouseDbParameter[] parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var collection = new ClickHouseParameterCollection();
        foreach (var parameter in parameters)
        {
            collection.Add(parameter);
        }

        var results = new List<T>();
        using var reader = await _client.ExecuteReaderAsync(sql, collection, cancellationToken: cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(read(reader));
        }

        return results;
    }
}
