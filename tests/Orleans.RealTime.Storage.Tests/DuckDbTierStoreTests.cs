namespace Orleans.RealTime.Storage.Tests;

public sealed class DuckDbTierStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string File => Path.Combine(_directory.Path, "warm.duckdb");

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Open_WithAThreadLimit_SetsItOnTheDatabase_SoItsQueryConnectionsFollowIt(int threads)
    {
        await using var store = await DuckDbTierStore.OpenAsync(File, DuckDbTierStore.DefaultRollupCompactionRows, threads);

        // Queries open their own connections to the same database.
        await using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={File}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('threads')";
        Assert.Equal(threads, Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Reopen_AfterWritesAndADelete_ListsTheDaysStillHeld()
    {
        await using (var store = await DuckDbTierStore.OpenAsync(File))
        {
            await store.WriteEventsAsync(SampleData.Events());
            await store.WriteSessionsAsync(SampleData.Sessions());
            await store.DeleteDayAsync(SampleData.Day1);
        }

        await using var reopened = await DuckDbTierStore.OpenAsync(File);

        Assert.Equal([SampleData.Day2], await reopened.ListDaysAsync());
        Assert.Equal(new DayCounts(2, 1), await reopened.CountDayAsync(SampleData.Day2));
    }

    [Fact]
    public async Task WriteEvents_ConcurrentBatchesWithOverlap_StoreEachRowOnce()
    {
        await using var store = await DuckDbTierStore.OpenAsync(File);
        var rows = SyntheticEvents.Generate(3_000, StorageDays.Start(SampleData.Day1), TimeSpan.FromDays(1)).ToList();

        await Task.WhenAll(
            store.WriteEventsAsync(rows[..2_000]),
            store.WriteEventsAsync(rows[1_000..]),
            store.WriteEventsAsync(rows));

        Assert.Equal(3_000, (await store.CountDayAsync(SampleData.Day1)).Events);
    }
}
