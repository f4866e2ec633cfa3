using DuckDB.NET.Data;

namespace Orleans.RealTime.Storage;

/// <summary>
/// The cold tier: immutable Parquet files (written with Parquet.Net), one folder per day, listed by an atomically
/// committed <see cref="ParquetManifest"/>. Changing a day writes a complete new file set for it (existing rows merged
/// with new ones, deduplicated), commits a manifest naming the new files, then deletes the old ones: a reader sees the
/// old day or the new day, never half of one. Queries run in an in-memory DuckDB over <c>read_parquet</c> of exactly
/// the files the manifest lists for the days in range. Superseded files are deleted only once no query in this
/// process still reads a snapshot that lists them. One writing process per root.
/// </summary>
public sealed class ParquetTierStore : ITierStore, IAsyncDisposable
{
    private static readonly DuckDbQueries Queries = new("events", "sessions");
    private readonly string _root;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // Files replaced by the manifest of version N wait here until no reader holds a snapshot older than N.
    private readonly Lock _snapshotLock = new();
    private readonly List<(long Version, string File)> _retired = [];
    private readonly Dictionary<long, int> _readers = [];
    private ParquetManifest _manifest;

    private ParquetTierStore(string root, ParquetManifest manifest)
    {
        _root = root;
        _manifest = manifest;
    }

    /// <summary>The committed snapshot this store reads.</summary>
    public ParquetManifest Manifest => Volatile.Read(ref _manifest);

    /// <summary>Opens the tier under <paramref name="root"/>, removing files an interrupted write left unlisted.</summary>
    public static async Task<ParquetTierStore> OpenAsync(string root, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        root = Path.GetFullPath(root);
        Directory.CreateDirectory(root);
        var manifest = await ParquetManifest.LoadAsync(root, cancellationToken);
        RemoveUnlisted(root, manifest);
        return new ParquetTierStore(root, manifest);
    }

    /// <inheritdoc />
    public Task WriteEventsAsync(IEnumerable<EventRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteByDayAsync(rows.GroupBy(r => StorageDays.Of(r.Time)).Select(g => new DayData(g.Key, [.. g], [])), cancellationToken);
    }

    /// <inheritdoc />
    public Task WriteSessionsAsync(IReadOnlyList<SessionRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteByDayAsync(rows.GroupBy(r => StorageDays.Of(r.Start)).Select(g => new DayData(g.Key, [], [.. g])), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DateOnly>> ListDaysAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DateOnly> days = [.. Manifest.Days.Keys.Select(k => DateOnly.ParseExact(k, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Order()];
        return Task.FromResult(days);
    }

    /// <inheritdoc />
    public Task<DayCounts> CountDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        QueryAsync(TimeRange.OfDay(day), (c, ct) => Queries.CountDayAsync(c, day, ct), cancellationToken);

    /// <inheritdoc />
    public Task<DayData> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        QueryAsync(TimeRange.OfDay(day), (c, ct) => Queries.ReadDayAsync(c, day, ct), cancellationToken);

    /// <inheritdoc />
    public Task ImportDayAsync(DayData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return WriteByDayAsync([data], cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var old = Manifest.Find(day);
            if (old is null)
            {
                return;
            }

            await CommitAsync(Manifest.With(day, null), cancellationToken);
            Retire(old);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EventCountBucket>> CountEventsAsync(TimeRange range, TimeSpan bucket, CancellationToken cancellationToken = default) =>
        QueryAsync(range, (c, ct) => Queries.CountEventsAsync(c, range, bucket, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProductCount>> TopProductsAsync(TimeRange range, string interactionType, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return QueryAsync(range, (c, ct) => Queries.TopProductsAsync(c, range, interactionType, limit, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<FunnelCounts> FunnelAsync(TimeRange range, CancellationToken cancellationToken = default) =>
        QueryAsync(range, (c, ct) => Queries.FunnelAsync(c, range, ct), cancellationToken);

    /// <inheritdoc />
    public Task<FunnelUsers> FunnelUsersAsync(TimeRange range, CancellationToken cancellationToken = default) =>
        QueryAsync(range, (c, ct) => Queries.FunnelUsersAsync(c, range, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EventRow>> UserTimelineAsync(TimeRange range, string userId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return QueryAsync(range, (c, ct) => Queries.UserTimelineAsync(c, range, userId, limit, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SessionStatistics> SessionStatisticsAsync(TimeRange range, CancellationToken cancellationToken = default) =>
        QueryAsync(range, (c, ct) => Queries.SessionStatisticsAsync(c, range, ct), cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _writeGate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WriteByDayAsync(IEnumerable<DayData> days, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            foreach (var incoming in days)
            {
                await MergeDayAsync(incoming, cancellationToken);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task MergeDayAsync(DayData incoming, CancellationToken cancellationToken)
    {
        var old = Manifest.Find(incoming.Day);
        var existing = old is null ? new DayData(incoming.Day, [], []) : await ReadDayAsync(incoming.Day, cancellationToken);
        var events = Merge(existing.Events, incoming.Events, e => (e.EventId, e.Line));
        var sessions = Merge(existing.Sessions, incoming.Sessions, s => s.SessionId);
        if (events.Count == existing.Events.Count && sessions.Count == existing.Sessions.Count)
        {
            return;
        }

        var folder = "day=" + ParquetManifest.Key(incoming.Day);
        Directory.CreateDirectory(Path.Combine(_root, folder));
        var eventsFile = old?.EventsFile;
        if (events.Count != existing.Events.Count)
        {
            eventsFile = Path.Combine(folder, $"events-{Guid.NewGuid():N}.parquet");
            await ParquetFiles.WriteEventsAsync(Path.Combine(_root, eventsFile), [.. events.OrderBy(e => e.Time).ThenBy(e => e.UserId, StringComparer.Ordinal)], cancellationToken);
        }

        var sessionsFile = old?.SessionsFile;
        if (sessions.Count != existing.Sessions.Count)
        {
            sessionsFile = Path.Combine(folder, $"sessions-{Guid.NewGuid():N}.parquet");
            await ParquetFiles.WriteSessionsAsync(Path.Combine(_root, sessionsFile), sessions, cancellationToken);
        }

        await CommitAsync(Manifest.With(incoming.Day, new ParquetDayFiles(eventsFile, events.Count, sessionsFile, sessions.Count)), cancellationToken);
        if (old is not null)
        {
            Retire(old with
            {
                EventsFile = old.EventsFile == eventsFile ? null : old.EventsFile,
                SessionsFile = old.SessionsFile == sessionsFile ? null : old.SessionsFile,
            });
        }
    }

    private static List<T> Merge<T, TKey>(IReadOnlyList<T> existing, IReadOnlyList<T> incoming, Func<T, TKey> key)
        where TKey : notnull
    {
        var seen = existing.Select(key).ToHashSet();
        var merged = existing.ToList();
        merged.AddRange(incoming.Where(row => seen.Add(key(row))));
        return merged;
    }

    private async Task CommitAsync(ParquetManifest next, CancellationToken cancellationToken)
    {
        await next.CommitAsync(_root, cancellationToken);
        Volatile.Write(ref _manifest, next);
    }

    private async Task<T> QueryAsync<T>(TimeRange range, Func<DuckDBConnection, CancellationToken, Task<T>> query, CancellationToken cancellationToken)
    {
        ParquetManifest snapshot;
        lock (_snapshotLock)
        {
            snapshot = Manifest;
            _readers[snapshot.Version] = _readers.GetValueOrDefault(snapshot.Version) + 1;
        }

        try
        {
            var files = range.Days().Select(snapshot.Find).OfType<ParquetDayFiles>().ToList();
            await using var connection = new DuckDBConnection("Data Source=:memory:");
            await connection.OpenAsync(cancellationToken);
            await DefineAsync(connection, "events", files.Select(f => f.EventsFile), DuckDbSchema.EventsTable("events", staging: false), cancellationToken);
            await DefineAsync(connection, "sessions", files.Select(f => f.SessionsFile), DuckDbSchema.SessionsTable("sessions", staging: false), cancellationToken);
            return await query(connection, cancellationToken);
        }
        finally
        {
            lock (_snapshotLock)
            {
                if (--_readers[snapshot.Version] == 0)
                {
                    _readers.Remove(snapshot.Version);
                }
            }

            DeleteUnreadRetired();
        }
    }

    private async Task DefineAsync(DuckDBConnection connection, string name, IEnumerable<string?> relativePaths, string emptyTable, CancellationToken cancellationToken)
    {
        var paths = relativePaths.OfType<string>().Select(p => "'" + Path.Combine(_root, p).Replace("'", "''", StringComparison.Ordinal) + "'").ToList();
        var sql = paths.Count == 0 ? emptyTable : $"CREATE VIEW {name} AS SELECT * FROM read_parquet([{string.Join(", ", paths)}])";
        await DuckDbTierStore.ExecuteAsync(connection, sql, cancellationToken);
    }

    private void Retire(ParquetDayFiles files)
    {
        lock (_snapshotLock)
        {
            _retired.AddRange(new[] { files.EventsFile, files.SessionsFile }.OfType<string>().Select(f => (Manifest.Version, f)));
        }

        DeleteUnreadRetired();
    }

    private void DeleteUnreadRetired()
    {
        List<string> unread;
        lock (_snapshotLock)
        {
            var oldestRead = _readers.Count == 0 ? long.MaxValue : _readers.Keys.Min();
            unread = [.. _retired.Where(r => r.Version <= oldestRead).Select(r => r.File)];
            _retired.RemoveAll(r => r.Version <= oldestRead);
        }

        foreach (var file in unread)
        {
            File.Delete(Path.Combine(_root, file));
        }
    }

    private static void RemoveUnlisted(string root, ParquetManifest manifest)
    {
        var listed = manifest.Days.Values.SelectMany(d => new[] { d.EventsFile, d.SessionsFile }).OfType<string>()
            .Select(f => Path.Combine(root, f)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.parquet", SearchOption.AllDirectories).Where(f => !listed.Contains(f)))
        {
            File.Delete(file);
        }

        File.Delete(Path.Combine(root, ParquetManifest.FileName + ".tmp"));
    }
}
