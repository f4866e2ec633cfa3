namespace Orleans.RealTime.Storage.Tests;

public sealed class ParquetTierStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Root => Path.Combine(_directory.Path, "cold");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteEvents_SecondBatchForADay_ReplacesTheDaysFileAndCommitsANewManifest()
    {
        await using var store = await ParquetTierStore.OpenAsync(Root);
        var events = SampleData.Events().Where(e => StorageDays.Of(e.Time) == SampleData.Day1).ToList();

        await store.WriteEventsAsync(events.Take(3).ToList());
        var first = store.Manifest.Find(SampleData.Day1)!;
        await store.WriteEventsAsync(events);
        var second = store.Manifest.Find(SampleData.Day1)!;

        Assert.Equal(3, first.EventRows);
        Assert.Equal(8, second.EventRows);
        Assert.NotEqual(first.EventsFile, second.EventsFile);
        Assert.False(File.Exists(Path.Combine(Root, first.EventsFile!)));
        Assert.Equal([Path.Combine(Root, second.EventsFile!)], Directory.GetFiles(Path.Combine(Root, "day=2026-11-20")));
        Assert.Equal(2, store.Manifest.Version);
    }

    [Fact]
    public async Task Open_AfterCrashBeforeManifestRename_SeesOnlyTheCommittedDayAndRemovesLeftovers()
    {
        await using (var store = await ParquetTierStore.OpenAsync(Root))
        {
            await store.WriteEventsAsync(SampleData.Events());
        }

        // A write interrupted before its rename leaves an unlisted file and a temporary manifest naming it.
        var stray = Path.Combine(Root, "day=2026-11-20", "events-stray.parquet");
        File.Copy(Directory.GetFiles(Path.Combine(Root, "day=2026-11-21")).Single(), stray);
        await File.WriteAllTextAsync(Path.Combine(Root, ParquetManifest.FileName + ".tmp"), "{ \"Version\": 99 ");

        await using var reopened = await ParquetTierStore.OpenAsync(Root);

        Assert.Equal(new DayCounts(8, 0), await reopened.CountDayAsync(SampleData.Day1));
        Assert.False(File.Exists(stray));
        Assert.False(File.Exists(Path.Combine(Root, ParquetManifest.FileName + ".tmp")));
    }

    [Fact]
    public async Task Reopen_AfterWrites_ReadsTheSameDays()
    {
        await using (var store = await ParquetTierStore.OpenAsync(Root))
        {
            await store.WriteEventsAsync(SampleData.Events());
            await store.WriteSessionsAsync(SampleData.Sessions());
        }

        await using var reopened = await ParquetTierStore.OpenAsync(Root);

        Assert.Equal([SampleData.Day1, SampleData.Day2], await reopened.ListDaysAsync());
        Assert.Equal(new DayCounts(2, 1), await reopened.CountDayAsync(SampleData.Day2));
    }

    [Fact]
    public async Task Read_WhileTheDayIsRewrittenRepeatedly_AlwaysSeesWholeCommitsAndNeverFails()
    {
        await using var store = await ParquetTierStore.OpenAsync(Root);
        var rows = SyntheticEvents.Generate(1_000, StorageDays.Start(SampleData.Day1), TimeSpan.FromDays(1)).ToList();
        var writer = Task.Run(async () =>
        {
            foreach (var chunk in rows.Chunk(50))
            {
                await store.WriteEventsAsync(chunk);
            }
        });

        var seen = new List<long>();
        while (!writer.IsCompleted)
        {
            seen.Add((await store.CountDayAsync(SampleData.Day1)).Events);
        }

        await writer.WaitAsync(TimeSpan.FromMinutes(1));
        seen.Add((await store.CountDayAsync(SampleData.Day1)).Events);

        Assert.All(seen, count => Assert.Equal(0, count % 50));
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(1_000, seen[^1]);
        Assert.Single(Directory.GetFiles(Path.Combine(Root, "day=2026-11-20")));
    }
}
