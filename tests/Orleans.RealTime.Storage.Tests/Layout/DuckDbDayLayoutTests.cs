using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace Orleans.RealTime.Storage.Tests.Layout;

/// <summary>
/// Closed days of the DuckDB store are rewritten ordered by user (so a timeline reads few row groups): every answer
/// stays identical, the rewrite runs once per day, a later write into the day makes it run again, and a rewrite cut
/// off before its commit leaves the day exactly as it was.
/// </summary>
public sealed class DuckDbDayLayoutTests : IDisposable
{
    private static readonly DateOnly Day3 = SampleData.Day2.AddDays(1);
    private static readonly TimeRange All = new(StorageDays.Start(SampleData.Day1.AddDays(-1)), StorageDays.Start(Day3.AddDays(2)));
    private static readonly string[] Users = ["u0", "u7", "u13", "u39", "alice", "bob", "nobody"];
    private readonly TempDirectory _directory = new();

    private string File => Path.Combine(_directory.Path, "hot.duckdb");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Optimize_ClosedDays_KeepsEveryAnswerAndOrdersTheirRowsByUser()
    {
        await using var store = await DuckDbTierStore.OpenAsync(File, rollupCompactionRows: 700);
        await WriteAsync(store);
        var before = await StoreAnswers.SnapshotAsync(store, All, Users);

        var sorted = await store.OptimizeDaysBeforeAsync(Day3);

        Assert.Equal([SampleData.Day1, SampleData.Day2], sorted);
        Assert.Equal(before, await StoreAnswers.SnapshotAsync(store, All, Users));
        Assert.True(await IsOrderedByUserAsync(SampleData.Day1));
        Assert.True(await IsOrderedByUserAsync(SampleData.Day2));
        Assert.False(await IsOrderedByUserAsync(Day3));
    }

    [Fact]
    public async Task Optimize_AgainAndAfterReopening_RewritesNothing()
    {
        await using (var store = await DuckDbTierStore.OpenAsync(File))
        {
            await WriteAsync(store);
            Assert.Equal([SampleData.Day1], await store.OptimizeDaysBeforeAsync(SampleData.Day2));
            Assert.Empty(await store.OptimizeDaysBeforeAsync(SampleData.Day2));
        }

        await using var reopened = await DuckDbTierStore.OpenAsync(File);

        Assert.Equal([SampleData.Day2], await reopened.OptimizeDaysBeforeAsync(Day3));
        Assert.Empty(await reopened.OptimizeDaysBeforeAsync(Day3));
    }

    [Fact]
    public async Task Optimize_AfterALateWriteIntoASortedDay_SortsItAgainWithTheNewRows()
    {
        await using var store = await DuckDbTierStore.OpenAsync(File);
        var written = await WriteAsync(store);
        await store.OptimizeDaysBeforeAsync(Day3);
        List<EventRow> late = [SampleData.Event("late-1", SampleData.At(SampleData.Day1, 23, 59), "u7", InteractionTypes.Purchase, "p-late")];
        await store.WriteEventsAsync(late);
        await store.WriteEventsAsync(late);
        var before = await StoreAnswers.SnapshotAsync(store, All, Users);

        Assert.Equal([SampleData.Day1], await store.OptimizeDaysBeforeAsync(Day3));

        Assert.Equal(before, await StoreAnswers.SnapshotAsync(store, All, Users));
        Assert.True(await IsOrderedByUserAsync(SampleData.Day1));
        Assert.Equal(written.DistinctBy(r => (r.EventId, r.Line)).Count(r => StorageDays.Of(r.Time) == SampleData.Day1) + 1, (await store.CountDayAsync(SampleData.Day1)).Events);
        Assert.Contains(await store.TopProductsAsync(All, InteractionTypes.Purchase, 1_000), p => p == new ProductCount("p-late", 1));
    }

    [Fact]
    public async Task Optimize_CutOffAfterEveryStatementBeforeCommit_LeavesTheDayAsItWasAndSortsItOnTheNextRun()
    {
        string before;
        await using (var store = await DuckDbTierStore.OpenAsync(File))
        {
            await WriteAsync(store);
            before = await StoreAnswers.SnapshotAsync(store, All, Users);
        }

        var dayMs = StorageDays.Start(SampleData.Day1).ToUnixTimeMilliseconds();
        var statements = DuckDbDayLayout.SortDayStatements(dayMs);
        for (var done = 1; done <= statements.Length; done++)
        {
            // The connection goes away in the middle of the rewrite's transaction, as a killed process would leave it.
            await using (var connection = new DuckDBConnection($"Data Source={File}"))
            {
                await connection.OpenAsync();
                await DuckDbTierStore.ExecuteAsync(connection, "BEGIN TRANSACTION", CancellationToken.None);
                foreach (var statement in statements.Take(done))
                {
                    await DuckDbTierStore.ExecuteAsync(connection, statement, CancellationToken.None);
                }
            }

            await using var reopened = await DuckDbTierStore.OpenAsync(File);
            Assert.Equal(before, await StoreAnswers.SnapshotAsync(reopened, All, Users));
            Assert.False(await IsOrderedByUserAsync(SampleData.Day1));
        }

        await using var final = await DuckDbTierStore.OpenAsync(File);
        Assert.Equal([SampleData.Day1, SampleData.Day2], await final.OptimizeDaysBeforeAsync(Day3));
        Assert.Equal(before, await StoreAnswers.SnapshotAsync(final, All, Users));
        Assert.True(await IsOrderedByUserAsync(SampleData.Day1));
    }

    [Fact]
    public async Task DeleteDay_ThenReimport_IsSortedAgain()
    {
        await using var store = await DuckDbTierStore.OpenAsync(File);
        await WriteAsync(store);
        await store.OptimizeDaysBeforeAsync(Day3);
        var day1 = await store.ReadDayAsync(SampleData.Day1);

        await store.DeleteDayAsync(SampleData.Day1);
        await store.ImportDayAsync(day1);

        Assert.False(await IsOrderedByUserAsync(SampleData.Day1));
        Assert.Equal([SampleData.Day1], await store.OptimizeDaysBeforeAsync(Day3));
        Assert.True(await IsOrderedByUserAsync(SampleData.Day1));
    }

    [Fact]
    public async Task WriteEvents_KeyRepeatedInTheBatch_StoresItsFirstRowOnce()
    {
        await using var store = await DuckDbTierStore.OpenAsync(File);
        var first = SampleData.Event("dup", SampleData.At(SampleData.Day1, 9), "alice", InteractionTypes.PageView, "p1");

        await store.WriteEventsAsync([first, first with { UserId = "bob", InteractionType = InteractionTypes.Purchase }]);

        Assert.Equal([first], (await store.ReadDayAsync(SampleData.Day1)).Events);
        Assert.Equal([new EventCountBucket(StorageDays.Start(SampleData.Day1), InteractionTypes.PageView, 1)], await store.CountEventsAsync(All, TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task TierMover_Run_SortsTheClosedDaysOfTheHotTier()
    {
        await using var fixture = await TierFixture.CreateAsync();
        await fixture.Tiers.Hot.WriteEventsAsync(SampleData.Events());
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(StorageDays.Start(SampleData.Day2).AddHours(13));
        var mover = new TierMover(fixture.Tiers, Microsoft.Extensions.Options.Options.Create(fixture.Options), time, fixture.Instruments, NullLogger<TierMover>.Instance);

        await mover.RunAsync();

        var hot = (DuckDbTierStore)fixture.Tiers.Hot;
        Assert.Empty(await hot.OptimizeDaysBeforeAsync(SampleData.Day2));
        Assert.Equal([SampleData.Day2], await hot.OptimizeDaysBeforeAsync(Day3));
    }

    /// <summary>Writes 6,000 events over three days (40 users) plus the sample events, in overlapping and repeated batches.</summary>
    private static async Task<List<EventRow>> WriteAsync(DuckDbTierStore store)
    {
        var rows = SyntheticEvents.Generate(6_000, StorageDays.Start(SampleData.Day1), TimeSpan.FromDays(3), seed: 11, users: 40, products: 15, idPrefix: "y").ToList();
        rows.AddRange(SampleData.Events());
        foreach (var batch in rows.Chunk(900).Append([.. rows[2_000..2_600]]))
        {
            await store.WriteEventsAsync(batch);
        }

        return rows;
    }

    /// <summary>
    /// Whether the day has a complete user-ordered copy: every row of the day, stored ordered by user, then time
    /// (a second connection shares the open store's database).
    /// </summary>
    private async Task<bool> IsOrderedByUserAsync(DateOnly day)
    {
        await using var connection = new DuckDBConnection($"Data Source={File}");
        await connection.OpenAsync();
        var range = TimeRange.OfDay(day);
        const string Columns = "user_id, time_ms, event_id, line";
        var copy = await DuckDbQueries.QueryAsync(
            connection, $"SELECT {Columns} FROM events_by_user WHERE time_ms >= $from AND time_ms < $to ORDER BY rowid", range, r => (User: r.GetString(0), Time: r.GetInt64(1), Key: (r.GetString(2), r.GetInt32(3))), CancellationToken.None, []);
        var rows = await DuckDbQueries.QueryAsync(
            connection, $"SELECT {Columns} FROM events WHERE time_ms >= $from AND time_ms < $to", range, r => (User: r.GetString(0), Time: r.GetInt64(1), Key: (r.GetString(2), r.GetInt32(3))), CancellationToken.None, []);
        var ordered = copy.Zip(copy.Skip(1)).All(p => string.CompareOrdinal(p.First.User, p.Second.User) is var c && (c < 0 || (c == 0 && p.First.Time <= p.Second.Time)));
        return copy.Count > 0 && ordered && copy.Select(r => r.Key).Order().SequenceEqual(rows.Select(r => r.Key).Order());
    }
}
