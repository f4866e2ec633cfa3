using System.Diagnostics;
using DuckDB.NET.Data;

namespace Orleans.RealTime.Storage;

/// <summary>
/// The storage benchmark: hot-tier insert rate beside a bare DuckDB appender loop, and typed-query latency
/// percentiles on the hot, warm and cold tiers. Prints figures; asserts nothing.
/// </summary>
public static class StorageBenchmark
{
    /// <summary>Runs every part and writes the figures to <paramref name="output"/>.</summary>
    public static async Task RunAsync(TextWriter output, StorageBenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var root = options.DataPath ?? Path.Combine(Path.GetTempPath(), "rt-storage-bench");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        var now = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        await InsertAsync(output, options, root, now, cancellationToken);

        await using (var hot = await DuckDbTierStore.OpenAsync(Path.Combine(root, "hot.duckdb"), cancellationToken))
        {
            await FillAsync(output, hot, options.HotEvents, now.AddDays(-7), TimeSpan.FromDays(7), options.BatchSize, cancellationToken);
            await OptimizeAsync(output, hot, StorageDays.Of(now.AddDays(-1)), cancellationToken);
            await QueriesAsync(output, $"hot  ({options.HotEvents:N0} events over 7 days), last 24 h", hot, new TimeRange(now.AddDays(-1), now), options.QueryRuns, cancellationToken);
            await QueriesAsync(output, $"hot  ({options.HotEvents:N0} events over 7 days), all 7 days", hot, new TimeRange(now.AddDays(-7), now), options.QueryRuns, cancellationToken);
            await QueriesAsync(
                output,
                $"hot  ({options.HotEvents:N0} events over 7 days), 7 days less 90 min at each end (partial first and last days)",
                hot,
                new TimeRange(now.AddDays(-7).AddMinutes(90), now.AddMinutes(-90)),
                options.QueryRuns,
                cancellationToken);
        }

        await using (var warm = await DuckDbTierStore.OpenAsync(Path.Combine(root, "warm.duckdb"), cancellationToken))
        {
            await FillAsync(output, warm, options.WarmEvents, now.AddDays(-90), TimeSpan.FromDays(90), options.BatchSize, cancellationToken);
            await QueriesAsync(output, $"warm ({options.WarmEvents:N0} events over 90 days), all 90 days", warm, new TimeRange(now.AddDays(-90), now), options.QueryRuns, cancellationToken);
        }

        await using var cold = await ParquetTierStore.OpenAsync(Path.Combine(root, "cold"), cancellationToken);
        var coldStart = now.AddDays(-options.ColdDays);
        var written = Stopwatch.StartNew();
        for (var d = 0; d < options.ColdDays; d++)
        {
            var day = StorageDays.Of(coldStart.AddDays(d));
            var rows = SyntheticEvents.Generate(options.ColdEventsPerDay, StorageDays.Start(day), TimeSpan.FromDays(1), seed: d, idPrefix: $"c{d}-").ToList();
            await cold.ImportDayAsync(new DayData(day, rows, []), cancellationToken);
        }

        output.WriteLine($"cold write: {options.ColdDays} daily Parquet files x {options.ColdEventsPerDay:N0} events in {written.Elapsed.TotalSeconds:0.0} s");
        await QueriesAsync(output, $"cold ({(long)options.ColdDays * options.ColdEventsPerDay:N0} events in {options.ColdDays} daily files), whole range", cold, new TimeRange(coldStart, now), Math.Max(3, options.QueryRuns / 10), cancellationToken);
    }

    /// <summary>
    /// The insert rate: rounds of a bare appender loop and of the hot-tier write path over the same rows, each into a
    /// fresh file, back to back, with the load average beside them (the machine may be shared).
    /// </summary>
    private static async Task InsertAsync(TextWriter output, StorageBenchmarkOptions options, string root, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = SyntheticEvents.Generate(options.InsertRows, now.AddDays(-1), TimeSpan.FromDays(1), idPrefix: "i").ToList();
        for (var round = 1; round <= options.InsertRounds; round++)
        {
            var baseline = await BareAppenderAsync(Path.Combine(root, $"baseline-{round}.duckdb"), rows, cancellationToken);
            output.WriteLine($"insert baseline: bare DuckDB appender loop, {rows.Count:N0} rows: {baseline:N0} rows/s   (round {round}, load average {LoadAverage()})");

            await using (var store = await DuckDbTierStore.OpenAsync(Path.Combine(root, $"insert-{round}.duckdb"), cancellationToken))
            {
                var timer = Stopwatch.StartNew();
                foreach (var batch in rows.Chunk(options.BatchSize))
                {
                    await store.WriteEventsAsync(batch, cancellationToken);
                }

                output.WriteLine(
                    $"insert hot tier: DuckDbTierStore.WriteEventsAsync, batches of {options.BatchSize:N0} with dedup by (event_id, line) and rollups, {rows.Count:N0} rows: " +
                    $"{rows.Count / timer.Elapsed.TotalSeconds:N0} rows/s   (round {round}, load average {LoadAverage()})");
            }
        }
    }

    /// <summary>Baseline: the bare appender loop into an unkeyed table, one appender for all rows; returns rows/s.</summary>
    private static async Task<double> BareAppenderAsync(string path, IReadOnlyList<EventRow> rows, CancellationToken cancellationToken)
    {
        await using var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync(cancellationToken);
        await DuckDbTierStore.ExecuteAsync(connection, DuckDbSchema.EventsTable("events", staging: true).Replace("CREATE TEMP TABLE", "CREATE TABLE", StringComparison.Ordinal), cancellationToken);
        var timer = Stopwatch.StartNew();
        using (var appender = connection.CreateAppender("events"))
        {
            foreach (var row in rows)
            {
                DuckDbRows.Append(appender, row);
            }
        }

        return rows.Count / timer.Elapsed.TotalSeconds;
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), or "n/a".</summary>
    private static string LoadAverage()
    {
        const string LoadAverageFile = "/proc/loadavg";
        return File.Exists(LoadAverageFile) ? string.Join(' ', File.ReadAllText(LoadAverageFile).Split(' ').Take(3)) : "n/a";
    }

    private static async Task FillAsync(TextWriter output, DuckDbTierStore store, long count, DateTimeOffset from, TimeSpan span, int batchSize, CancellationToken cancellationToken)
    {
        var timer = Stopwatch.StartNew();
        foreach (var batch in SyntheticEvents.Generate(count, from, span).Chunk(batchSize))
        {
            await store.WriteEventsAsync(batch, cancellationToken);
        }

        output.WriteLine($"fill: {count:N0} events through WriteEventsAsync in {timer.Elapsed.TotalSeconds:0.0} s ({count / timer.Elapsed.TotalSeconds:N0} rows/s, generation included; load average {LoadAverage()})");
    }

    /// <summary>
    /// Runs the maintenance rewrite of closed days, as the tier maintenance does once a day has ended. The newest day
    /// is left as written (in time order), as it is all day long in production, so the queries read one unsorted day.
    /// </summary>
    private static async Task OptimizeAsync(TextWriter output, DuckDbTierStore store, DateOnly before, CancellationToken cancellationToken)
    {
        var timer = Stopwatch.StartNew();
        var days = await store.OptimizeDaysBeforeAsync(before, cancellationToken);
        output.WriteLine($"maintenance: {days.Count} closed days rewritten ordered by user in {timer.Elapsed.TotalSeconds:0.0} s (the newest day, {before:yyyy-MM-dd}, left in time order)");
    }

    private static async Task QueriesAsync(TextWriter output, string label, ITierStore store, TimeRange range, int runs, CancellationToken cancellationToken)
    {
        output.WriteLine($"{label}   (load average {LoadAverage()})");
        await MeasureAsync(output, "event counts (1 h buckets)", runs, () => store.CountEventsAsync(range, TimeSpan.FromHours(1), cancellationToken));
        await MeasureAsync(output, "top 10 products by purchase", runs, () => store.TopProductsAsync(range, InteractionTypes.Purchase, 10, cancellationToken));
        await MeasureAsync(output, "funnel view->cart->purchase", runs, () => store.FunnelAsync(range, cancellationToken));
        await MeasureAsync(output, "user timeline (one user, 100)", runs, () => store.UserTimelineAsync(range, "u42", 100, cancellationToken));
    }

    private static async Task MeasureAsync(TextWriter output, string name, int runs, Func<Task> query)
    {
        await query();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var timer = Stopwatch.StartNew();
            await query();
            times[i] = timer.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        output.WriteLine($"  {name,-32} p50 {Percentile(times, 0.50),8:0.0} ms   p99 {Percentile(times, 0.99),8:0.0} ms   ({runs} runs)");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
