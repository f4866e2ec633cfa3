using DuckDB.NET.Data;

namespace Orleans.RealTime.Storage;

/// <summary>
/// A tier held in one DuckDB database file (the Embedded profile's hot and warm tiers). Rows are bulk-loaded with the
/// DuckDB appender into a staging table and moved with <c>INSERT OR IGNORE</c> into tables keyed by
/// (event_id, line) and session_id, so duplicates are absorbed. Writes are serialized; queries run on their own
/// connections to the same database and may run concurrently.
/// </summary>
public sealed class DuckDbTierStore : ITierStore, IAsyncDisposable
{
    private static readonly DuckDbQueries Queries = new("events", "sessions");
    private readonly DuckDBConnection _connection;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // The days held, kept beside the tables (this process is the file's only writer) so that the router's
    // planning never scans the table.
    private readonly SortedSet<DateOnly> _days;

    private DuckDbTierStore(DuckDBConnection connection, IEnumerable<DateOnly> days)
    {
        _connection = connection;
        _days = [.. days];
    }

    /// <summary>Opens (creating if needed) the database file at <paramref name="path"/> and its tables.</summary>
    public static async Task<DuckDbTierStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, DuckDbSchema.EventsTable("events", staging: false), cancellationToken);
        await ExecuteAsync(connection, DuckDbSchema.SessionsTable("sessions", staging: false), cancellationToken);
        await ExecuteAsync(connection, DuckDbSchema.EventsTable("stage_events", staging: true), cancellationToken);
        await ExecuteAsync(connection, DuckDbSchema.SessionsTable("stage_sessions", staging: true), cancellationToken);
        return new DuckDbTierStore(connection, await Queries.ListDaysAsync(connection, cancellationToken));
    }

    /// <inheritdoc />
    public Task WriteEventsAsync(IReadOnlyList<EventRow> rows, CancellationToken cancellationToken = default) =>
        WriteAsync(rows, "stage_events", "events", "event_id, line", DuckDbRows.Append, r => r.Time, cancellationToken);

    /// <inheritdoc />
    public Task WriteSessionsAsync(IReadOnlyList<SessionRow> rows, CancellationToken cancellationToken = default) =>
        WriteAsync(rows, "stage_sessions", "sessions", "session_id", DuckDbRows.Append, r => r.Start, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DateOnly>> ListDaysAsync(CancellationToken cancellationToken = default)
    {
        lock (_days)
        {
            return Task.FromResult<IReadOnlyList<DateOnly>>([.. _days]);
        }
    }

    /// <inheritdoc />
    public Task<DayCounts> CountDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => Queries.CountDayAsync(c, day, ct), cancellationToken);

    /// <inheritdoc />
    public Task<DayData> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => Queries.ReadDayAsync(c, day, ct), cancellationToken);

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
        var range = TimeRange.OfDay(day);
        var (from, to) = (range.From.ToUnixTimeMilliseconds(), range.To.ToUnixTimeMilliseconds());
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await ExecuteAsync(_connection, "BEGIN TRANSACTION", cancellationToken);
            await ExecuteAsync(_connection, $"DELETE FROM events WHERE time_ms >= {from} AND time_ms < {to}", cancellationToken);
            await ExecuteAsync(_connection, $"DELETE FROM sessions WHERE start_ms >= {from} AND start_ms < {to}", cancellationToken);
            await ExecuteAsync(_connection, "COMMIT", cancellationToken);
            lock (_days)
            {
                _days.Remove(day);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EventCountBucket>> CountEventsAsync(TimeRange range, TimeSpan bucket, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => Queries.CountEventsAsync(c, range, bucket, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProductCount>> TopProductsAsync(TimeRange range, string interactionType, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync((c, ct) => Queries.TopProductsAsync(c, range, interactionType, limit, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<FunnelCounts> FunnelAsync(TimeRange range, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => Queries.FunnelAsync(c, range, ct), cancellationToken);

    /// <inheritdoc />
    public Task<FunnelUsers> FunnelUsersAsync(TimeRange range, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => Queries.FunnelUsersAsync(c, range, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EventRow>> UserTimelineAsync(TimeRange range, string userId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync((c, ct) => Queries.UserTimelineAsync(c, range, userId, limit, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SessionStatistics> SessionStatisticsAsync(TimeRange range, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => Queries.SessionStatisticsAsync(c, range, ct), cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _writeGate.Dispose();
    }

    internal static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteAsync<T>(
        IReadOnlyList<T> rows, string stage, string table, string key, Action<DuckDBAppender, T> append, Func<T, DateTimeOffset> time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await ExecuteAsync(_connection, "BEGIN TRANSACTION", cancellationToken);
            try
            {
                using (var appender = _connection.CreateAppender("temp", "main", stage))
                {
                    foreach (var row in rows)
                    {
                        append(appender, row);
                    }
                }

                await ExecuteAsync(_connection, $"INSERT OR IGNORE INTO {table} SELECT DISTINCT ON ({key}) * FROM temp.{stage}", cancellationToken);
                await ExecuteAsync(_connection, $"DELETE FROM temp.{stage}", cancellationToken);
                await ExecuteAsync(_connection, "COMMIT", cancellationToken);
            }
            catch
            {
                await ExecuteAsync(_connection, "ROLLBACK", CancellationToken.None);
                throw;
            }

            lock (_days)
            {
                _days.UnionWith(rows.Select(r => StorageDays.Of(time(r))));
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<T> ReadAsync<T>(Func<DuckDBConnection, CancellationToken, Task<T>> query, CancellationToken cancellationToken)
    {
        // A second connection to the same file shares the open database instance inside this process.
        await using var connection = new DuckDBConnection(_connection.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        return await query(connection, cancellationToken);
    }
}
