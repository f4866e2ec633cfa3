using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.RealTime.Storage.Tests;

/// <summary>Real Embedded tiers (DuckDB hot and warm, Parquet cold) in a scratch directory.</summary>
internal sealed class TierFixture : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    private TierFixture(StorageTiers tiers, StorageOptions options)
    {
        Tiers = tiers;
        Options = options;
    }

    public StorageTiers Tiers { get; private set; }

    public StorageOptions Options { get; }

    public string DataPath => _directory.Path;

    public static async Task<TierFixture> CreateAsync(StorageOptions? options = null)
    {
        var fixture = new TierFixture(null!, options ?? new StorageOptions());
        fixture.Tiers = await StorageTiers.OpenEmbeddedAsync(fixture.DataPath);
        return fixture;
    }

    public StorageInstruments Instruments { get; } = new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    public AnalyticsQueryRouter Router(TimeProvider? time = null, StorageTiers? tiers = null) =>
        new(tiers ?? Tiers, Microsoft.Extensions.Options.Options.Create(Options), time ?? TimeProvider.System, Instruments);

    /// <summary>Writes the day's sample rows straight into <paramref name="tier"/>.</summary>
    public async Task PutDayAsync(StorageTier tier, DateOnly day)
    {
        await Tiers.Get(tier).ImportDayAsync(SampleDay(day));
    }

    public static DayData SampleDay(DateOnly day) => new(
        day,
        [.. SampleData.Events().Where(e => StorageDays.Of(e.Time) == day)],
        [.. SampleData.Sessions().Where(s => StorageDays.Of(s.Start) == day)]);

    public async ValueTask DisposeAsync()
    {
        foreach (var store in new[] { Tiers.Hot, Tiers.Warm, Tiers.Cold }.OfType<IAsyncDisposable>())
        {
            await store.DisposeAsync();
        }

        _directory.Dispose();
    }
}
