using DuckDB.NET.Data;

namespace Orleans.RealTime.Storage;

/// <summary>
/// A tier held in one DuckDB database file (the Embedded profile's hot and warm tiers). Rows are bulk-loaded with the
/// DuckDB appender into a staging table and moved with <c>INSERT OR IGNORE</c> into tables keyed by
/// (event_id, line) and session_id, so duplicates are absorbed. Writes are serialized; queries run on their own
/// connections to the same database and may run concurrently. Event counts, top products and the funnel read
/// rollups kept in the write's transaction from the rows actually inserted (see <see cref="DuckDbRollups"/>).
/// </summary>
public sealed class DuckDbTierStore : ITierStore, IClosedDayOptimizer, IAsyncDisposable
{
    /// <summary>Event rows written to a day between two compactions of its rollups, unless told otherwise.</summary>
    public const int DefaultRollupCompactionRows = 200_000;

    private static readonly DuckDbQueries Queries = new("events", "sessions");
    private static readonly DuckDbRollupQueries Rollups = new(Queries);
    private readonly DuckDBConnection _connection;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly RollupCompaction _compaction;
    private StagedEvents _staged = new();

    // The days held, kept beside the tables (this process is the file's only writer) so that the router's
    // planning never scans the table.
    private readonly SortedSet<DateOnly> _days;

    // The days (start in epoch ms) whose rows are ordered by user (see DuckDbDayLayout); used under the write gate.
    private readonly HashSet<long> _sortedDays;

    private DuckDbTierStore(DuckDBConnection connection, IEnumerable<DateOnly> days, IEnumerable<long> sortedDays, int rollupCompactionRows)
    {
        _connection = connection;
        _compaction = new RollupCompaction(rollupCompactionRows);
        _days = [.. days];
        _sortedDays = [.. sortedDays];
    }

    /// <summary>Replaces the hash staged event ids are matched by (tests force equal hashes with it).</summary>
    internal Func<string, ulong> EventIdHash
    {
        set => _staged = new StagedEvents(value);
    }

    /// <summary>Opens (creating if needed) the database file at <paramref name="path"/> and its tables.</summary>
    public static Task<DuckDbTierStore> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(path, DefaultRollupCompactionRows, cancellationToken);

    /// <summary>
    /// Opens (creating if needed) the database file at <paramref name="path"/> and its tables, compacting a day's
    /// rollups after every <paramref name="rollupCompactionRows"/> event rows written to it.
    /// </summary>
    public static Task<DuckDbTierStore> OpenAsync(string path, int rollupCompactionRows, CancellationToken cancellationToken = default) =>
        OpenAsync(path, rollupCompactionRows, threads: 0, cancellationToken);

    /// <summary>
    /// Opens (creating if needed) the database file at <paramref name="path"/> and its tables; DuckDB runs a statement
    /// on at most <paramref name="threads"/> threads (0: DuckDB's default, one per core).
    /// </summary>
    public static async Task<DuckDbTierStore> OpenAsync(string path, int rollupCompactionRows, int threads, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rollupCompactionRows);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync(cancellationToken);
        if (threads > 0)
        {
            // A setting of the database, so its query connections follow it too.
            await ExecuteAsync(connection, $"SET threads = {threads}", cancellationToken);
        }

        await ExecuteAsync(connection, DuckDbSchema.EventsTable("events", staging: false), cancellationToken);
        await ExecuteAsync(connection, DuckDbSchema.SessionsTable("sessions", staging: false), cancellationToken);
        await ExecuteAsync(connection, DuckDbSchema.EventsTable("stage_events", staging: true), cancellationToken);
        await ExecuteAsync(connection, DuckDbSchema.SessionsTable("stage_sessions", staging: true), cancellationToken);
        await DuckDbRollups.CreateAsync(connection, cancellationToken);
        foreach (var ddl in DuckDbDayLayout.Ddl)
        {
            await ExecuteAsync(connection, ddl, cancellationToken);
        }

        return new DuckDbTierStore(
            connection, await Queries.ListDaysAsync(connection, cancellationToken), await DuckDbDayLayout.ListSortedAsync(connection, cancellationToken), rollupCompactionRows);
    }

    /// <inheritdoc />
    /// <remarks>The rows are enumerated once, as they are appended, and not kept.</remarks>
    public async Task WriteEventsAsync(IEnumerable<EventRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        const string Stage = "stage_events";
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await ExecuteAsync(_connection, "BEGIN TRANSACTION", cancellationToken);
            try
            {
                _staged.Append(_connection, Stage, rows);
                if (_staged.Count == 0)
                {
                    await ExecuteAsync(_connection, "ROLLBACK", CancellationToken.None);
                    return;
                }

                // A day stored ordered by user and written to again loses that copy until the next maintenance.
                var resorted = _staged.RowsPerDay.Keys.Where(_sortedDays.Contains).ToList();
                await DuckDbDayLayout.ForgetAsync(_connection, resorted, cancellationToken);
                await DuckDbRollups.InsertEventsAsync(_connection, Stage, _staged, cancellationToken);
                await DuckDbRollups.CompactDaysAsync(_connection, _compaction.Due(_staged.RowsPerDay), cancellationToken);
                await ExecuteAsync(_connection, $"DELETE FROM temp.{Stage}", cancellationToken);
                await ExecuteAsync(_connection, "COMMIT", cancellationToken);
                _sortedDays.ExceptWith(resorted);
                lock (_days)
                {
                    _days.UnionWith(_staged.RowsPerDay.Keys.Select(day => StorageDays.Of(DateTimeOffset.FromUnixTimeMilliseconds(day))));
                }
            }
            catch
            {
                await ExecuteAsync(_connection, "ROLLBACK", CancellationToken.None);
                throw;
            }
            finally
            {
                _staged.Clear();
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public Task WriteSessionsAsync(IReadOnlyList<SessionRow> rows, CancellationToken cancellationToken = default) =>
        WriteAsync(
            rows,
            "stage_sessions",
            DuckDbRows.Append,
            r => r.Start,
            ct => ExecuteAsync(_connection, "INSERT OR IGNORE INTO sessions SELECT DISTINCT ON (session_id) * FROM temp.stage_sessions", ct),
            cancellationToken);

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
            await DuckDbDayLayout.ForgetAsync(_connection, [from], cancellationToken);
            await ExecuteAsync(_connection, $"DELETE FROM sessions WHERE start_ms >= {from} AND start_ms < {to}", cancellationToken);
            await DuckDbRollups.DeleteDayAsync(_connection, from, to, cancellationToken);
            await ExecuteAsync(_connection, "COMMIT", cancellationToken);
            _sortedDays.Remove(from);
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
    public async Task<IReadOnlyList<DateOnly>> OptimizeDaysBeforeAsync(DateOnly before, CancellationToken cancellationToken = default)
    {
        var sorted = new List<DateOnly>();
        foreach (var day in (await ListDaysAsync(cancellationToken)).Where(d => d < before))
        {
            // The gate is taken per day, so that writes go on between days.
            var dayMs = StorageDays.Start(day).ToUnixTimeMilliseconds();
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                if (_sortedDays.Contains(dayMs))
                {
                    continue;
                }

                await DuckDbDayLayout.SortDayAsync(_connection, dayMs, cancellationToken);
                _sortedDays.Add(dayMs);
                sorted.Add(day);
            }
            finally
            {
                _writeGate.Release();
            }
        }

        return sorted;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EventCountBucket>> CountEventsAsync(TimeRange range, TimeSpan bucket, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => Rollups.CountEventsAsync(c, range, bucket, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProductCount>> TopProductsAsync(TimeRange range, string interactionType, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync((c, ct) => Rollups.TopProductsAsync(c, range, interactionType, limit, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<FunnelCounts> FunnelAsync(TimeRange range, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => Rollups.FunnelAsync(c, range, ct), cancellationToken);

    /// <inheritdoc />
    public Task<FunnelUsers> FunnelUsersAsync(TimeRange range, CancellationToken cancellationToken = default) =>
        ReadAsync((c, ct) => Rollups.FunnelUsersAsync(c, range, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EventRow>> UserTimelineAsync(TimeRange range, string userId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentNullException.ThrowIfNull(userId);
        return ReadAsync((c, ct) => DuckDbTimeline.QueryAsync(c, range, userId, limit, ct), cancellationToken);
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

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    internal static async Task<int> ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteAsync<T>(
        IReadOnlyList<T> rows,
        string stage,
        Action<DuckDBAppender, T> append,
        Func<T, DateTimeOffset> time,
        Func<CancellationToken, Task> insertStaged,
        CancellationToken cancellationToken)
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

                await insertStaged(cancellationToken);
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
