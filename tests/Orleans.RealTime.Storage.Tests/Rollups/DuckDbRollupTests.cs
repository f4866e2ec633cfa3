using DuckDB.NET.Data;

namespace Orleans.RealTime.Storage.Tests.Rollups;

/// <summary>
/// The DuckDB store answers event counts, top products and funnels from rollups over whole hours or days and from
/// rows over partial edges; every answer must equal the one computed from the rows themselves.
/// </summary>
public sealed class DuckDbRollupTests : IDisposable
{
    private static readonly DateOnly Day3 = SampleData.Day2.AddDays(1);
    private readonly TempDirectory _directory = new();

    public static string[] Ranges => ["whole days", "partial hours at both ends", "inside one hour", "whole hours inside one day", "empty", "beyond the data", "across one midnight", "from a midnight into a day"];

    /// <summary>Every range, with rollups left as appended batches and with days compacted every 500 rows.</summary>
    public static TheoryData<string, int> RangesAndCompaction
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var range in Ranges)
            {
                data.Add(range, DuckDbTierStore.DefaultRollupCompactionRows);
                data.Add(range, 500);
            }

            return data;
        }
    }

    private string File => Path.Combine(_directory.Path, "hot.duckdb");

    public void Dispose() => _directory.Dispose();

    [Theory]
    [MemberData(nameof(RangesAndCompaction))]
    public async Task Queries_AfterRepeatedAndConflictingBatches_EqualTheRowAnswers(string range, int compactionRows)
    {
        await using var store = await DuckDbTierStore.OpenAsync(File, compactionRows);
        var written = await WriteWithDuplicatesAsync(store);

        await AssertEqualAsync(new RowAnswers(written), store, Range(range));
    }

    [Fact]
    public async Task Queries_WhenStagedKeysShareAHash_EqualTheRowAnswers()
    {
        await using var store = await DuckDbTierStore.OpenAsync(File, rollupCompactionRows: 500);
        store.EventIdHash = _ => 42;
        var written = await WriteWithDuplicatesAsync(store);

        await AssertEqualAsync(new RowAnswers(written), store, Range("whole days"));
        await AssertEqualAsync(new RowAnswers(written), store, Range("partial hours at both ends"));
    }

    [Fact]
    public async Task Queries_AfterDayDeleteAndReimport_EqualTheRowAnswers()
    {
        await using var store = await DuckDbTierStore.OpenAsync(File, rollupCompactionRows: 1_000);
        var written = await WriteWithDuplicatesAsync(store);
        var day2 = await store.ReadDayAsync(SampleData.Day2);

        await store.DeleteDayAsync(SampleData.Day2);
        foreach (var range in Ranges)
        {
            await AssertEqualAsync(new RowAnswers(written).Without(SampleData.Day2), store, Range(range));
        }

        await store.ImportDayAsync(day2);
        await store.ImportDayAsync(day2);
        foreach (var range in Ranges)
        {
            await AssertEqualAsync(new RowAnswers(written), store, Range(range));
        }
    }

    [Fact]
    public async Task Open_FileWithoutRollups_BuildsThemFromTheRows()
    {
        var written = await WriteThenAlterFileAsync("DROP TABLE rollup_type_hour; DROP TABLE rollup_product_day; DROP TABLE rollup_funnel_day;");

        await using var reopened = await DuckDbTierStore.OpenAsync(File);

        await AssertEqualAsync(new RowAnswers(written), reopened, Range("partial hours at both ends"));
    }

    [Fact]
    public async Task Open_FunnelRollupWithoutStageTimes_RebuildsItFromTheRows()
    {
        var written = await WriteThenAlterFileAsync("""
            DROP TABLE rollup_funnel_day;
            CREATE TABLE rollup_funnel_day (day_ms BIGINT NOT NULL, user_id VARCHAR NOT NULL, stages UTINYINT NOT NULL);
            INSERT INTO rollup_funnel_day VALUES (0, 'stale', 7);
            """);

        await using var reopened = await DuckDbTierStore.OpenAsync(File);

        await AssertEqualAsync(new RowAnswers(written), reopened, Range("partial hours at both ends"));
        await AssertEqualAsync(new RowAnswers(written), reopened, Range("across one midnight"));
    }

    /// <summary>Writes the test rows, closes the store, then runs <paramref name="sql"/> on the file directly.</summary>
    private async Task<List<EventRow>> WriteThenAlterFileAsync(string sql)
    {
        List<EventRow> written;
        await using (var store = await DuckDbTierStore.OpenAsync(File))
        {
            written = await WriteWithDuplicatesAsync(store);
        }

        await using var connection = new DuckDBConnection($"Data Source={File}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
        return written;
    }

    private static TimeRange Range(string name) => name switch
    {
        "whole days" => new(StorageDays.Start(SampleData.Day1), StorageDays.Start(Day3.AddDays(1))),
        "partial hours at both ends" => new(SampleData.At(SampleData.Day1, 9, 17), SampleData.At(Day3, 13, 42)),
        "inside one hour" => new(SampleData.At(SampleData.Day2, 10, 5), SampleData.At(SampleData.Day2, 10, 50)),
        "whole hours inside one day" => new(SampleData.At(SampleData.Day2, 3, 30), SampleData.At(SampleData.Day2, 20, 10)),
        "across one midnight" => new(SampleData.At(SampleData.Day1, 15, 20), SampleData.At(SampleData.Day2, 8, 40)),
        "from a midnight into a day" => new(StorageDays.Start(SampleData.Day1), SampleData.At(Day3, 12)),
        "empty" => new(SampleData.At(SampleData.Day2, 7), SampleData.At(SampleData.Day2, 7)),
        "beyond the data" => new(StorageDays.Start(SampleData.Day1.AddDays(-3)), StorageDays.Start(Day3.AddDays(5))),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown range."),
    };

    /// <summary>
    /// Writes 6,000 synthetic events over three days (few users and products, so answers overlap) plus the
    /// multi-line sample purchase, in overlapping and repeated batches, then rows that reuse stored keys with other
    /// contents (ignored by the store). Returns every row in write order.
    /// </summary>
    private static async Task<List<EventRow>> WriteWithDuplicatesAsync(DuckDbTierStore store)
    {
        var rows = SyntheticEvents.Generate(6_000, StorageDays.Start(SampleData.Day1), TimeSpan.FromDays(3), seed: 7, users: 40, products: 15, idPrefix: "x").ToList();
        rows.AddRange(SampleData.Events());
        var conflicting = rows.Take(50).Select(r => r with { InteractionType = InteractionTypes.Purchase, Time = r.Time.AddDays(1).AddMinutes(7), ProductId = "p-conflict" });
        List<EventRow>[] batches =
        [
            .. rows[..5_000].Chunk(700).Select(c => c.ToList()),
            rows[4_000..],
            rows[1_000..3_500],
            [rows[10], rows[10], rows[6_001], rows[6_001]],
            [.. conflicting],
            rows,
        ];
        foreach (var batch in batches)
        {
            await store.WriteEventsAsync(batch);
        }

        return [.. batches.SelectMany(b => b)];
    }

    private static async Task AssertEqualAsync(RowAnswers expected, DuckDbTierStore store, TimeRange range)
    {
        foreach (var bucket in new[] { TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromDays(1), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(7) })
        {
            Assert.Equal(expected.CountEvents(range, bucket), await store.CountEventsAsync(range, bucket));
        }

        foreach (var type in new[] { InteractionTypes.Purchase, InteractionTypes.AddToCart, InteractionTypes.ProductClick, InteractionTypes.PageView })
        {
            Assert.Equal(expected.TopProducts(range, type, 100), await store.TopProductsAsync(range, type, 100));
            Assert.Equal(expected.TopProducts(range, type, 3), await store.TopProductsAsync(range, type, 3));
        }

        var users = expected.FunnelUsers(range);
        var actual = await store.FunnelUsersAsync(range);
        Assert.Equal(users.Viewers.Order(StringComparer.Ordinal), actual.Viewers.Order(StringComparer.Ordinal));
        Assert.Equal(users.Carters.Order(StringComparer.Ordinal), actual.Carters.Order(StringComparer.Ordinal));
        Assert.Equal(users.Purchasers.Order(StringComparer.Ordinal), actual.Purchasers.Order(StringComparer.Ordinal));
        Assert.Equal(users.ToCounts(), await store.FunnelAsync(range));
    }
}
