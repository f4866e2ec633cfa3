using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Orleans.RealTime.Storage.Tests.Maintenance;

public sealed class TierMoverTests : IAsyncLifetime
{
    private static readonly DayCounts Day1Counts = new(8, 2);
    private readonly FakeTimeProvider _time = new(StorageDays.Start(SampleData.Day2).AddHours(13));
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private TierFixture _fixture = null!;
    private FaultingTierStore _hot = null!;
    private FaultingTierStore _warm = null!;
    private FaultingTierStore _cold = null!;
    private TierMover _mover = null!;

    public async Task InitializeAsync()
    {
        _fixture = await TierFixture.CreateAsync();
        (_hot, _warm, _cold) = (new(_fixture.Tiers.Hot), new(_fixture.Tiers.Warm), new(_fixture.Tiers.Cold));
        _mover = new TierMover(
            new StorageTiers(_hot, _warm, _cold),
            Microsoft.Extensions.Options.Options.Create(_fixture.Options),
            _time,
            new StorageInstruments(_metrics.GetRequiredService<IMeterFactory>()),
            NullLogger<TierMover>.Instance);
        await _hot.WriteEventsAsync(SampleData.Events());
        await _hot.WriteSessionsAsync(SampleData.Sessions());
    }

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        await _metrics.DisposeAsync();
    }

    [Fact]
    public async Task Run_NothingAged_MovesNothing()
    {
        var report = await _mover.RunAsync();

        Assert.Empty(report.Moves);
        Assert.Equal([SampleData.Day1, SampleData.Day2], await _hot.ListDaysAsync());
    }

    [Fact]
    public async Task Run_DaysAgeThroughEveryTier_MovesThemAndFinallyDeletesThem()
    {
        _time.SetUtcNow(StorageDays.Start(SampleData.Day1.AddDays(8)).AddHours(1));
        var toWarm = await _mover.RunAsync();
        Assert.Equal([new TierMove(SampleData.Day1, StorageTier.Hot, StorageTier.Warm, 8, 2)], toWarm.Moves);
        Assert.Equal(Day1Counts, await _warm.CountDayAsync(SampleData.Day1));
        Assert.Equal([SampleData.Day2], await _hot.ListDaysAsync());

        _time.SetUtcNow(StorageDays.Start(SampleData.Day2.AddDays(92)));
        var toCold = await _mover.RunAsync();
        Assert.Equal(
            [(SampleData.Day2, StorageTier.Hot, StorageTier.Warm), (SampleData.Day1, StorageTier.Warm, StorageTier.Cold), (SampleData.Day2, StorageTier.Warm, StorageTier.Cold)],
            toCold.Moves.Select(m => (m.Day, m.From, m.To)));
        Assert.Equal([SampleData.Day1, SampleData.Day2], await _cold.ListDaysAsync());
        Assert.Empty(await _warm.ListDaysAsync());
        Assert.Equal(Day1Counts, await _cold.CountDayAsync(SampleData.Day1));

        _time.SetUtcNow(StorageDays.Start(SampleData.Day1.AddDays(2558)).AddHours(1));
        var expired = await _mover.RunAsync();
        Assert.Equal([SampleData.Day1], expired.Expired);
        Assert.Equal([SampleData.Day2], await _cold.ListDaysAsync());
    }

    [Fact]
    public async Task Run_CrashBetweenCopyAndDelete_LosesNothingDoublesNothingAndRerunFinishes()
    {
        _time.SetUtcNow(StorageDays.Start(SampleData.Day1.AddDays(8)));
        _hot.CrashOnDelete = true;

        await Assert.ThrowsAsync<IOException>(() => _mover.RunAsync());

        // The day is in both tiers; the router reads it once, from the hot tier.
        Assert.Equal(Day1Counts, await _hot.CountDayAsync(SampleData.Day1));
        Assert.Equal(Day1Counts, await _warm.CountDayAsync(SampleData.Day1));
        await AssertRouterSeesEveryEventOnceAsync();

        _hot.CrashOnDelete = false;
        var rerun = await _mover.RunAsync();

        Assert.Equal([SampleData.Day1], rerun.Moves.Select(m => m.Day));
        Assert.Equal(new DayCounts(0, 0), await _hot.CountDayAsync(SampleData.Day1));
        Assert.Equal(Day1Counts, await _warm.CountDayAsync(SampleData.Day1));
        Assert.Equal(TierFixture.SampleDay(SampleData.Day1).Events, (await _warm.ReadDayAsync(SampleData.Day1)).Events);
        await AssertRouterSeesEveryEventOnceAsync();
    }

    [Theory]
    [InlineData(StorageTier.Warm)]
    [InlineData(StorageTier.Cold)]
    public async Task Run_CrashDuringCopy_KeepsTheSourceAndRerunCompletesWithoutDoubles(StorageTier destination)
    {
        if (destination == StorageTier.Cold)
        {
            // Put day 1 in the warm tier and let it age past warm retention.
            await _mover.MoveDayAsync(SampleData.Day1, StorageTier.Hot, StorageTier.Warm);
            await _hot.DeleteDayAsync(SampleData.Day2);
            _time.SetUtcNow(StorageDays.Start(SampleData.Day1.AddDays(95)));
        }
        else
        {
            _time.SetUtcNow(StorageDays.Start(SampleData.Day1.AddDays(8)));
        }

        var source = destination == StorageTier.Cold ? _warm : _hot;
        var target = destination == StorageTier.Cold ? _cold : _warm;
        target.CrashDuringImport = true;

        await Assert.ThrowsAsync<IOException>(() => _mover.RunAsync());

        Assert.Equal(Day1Counts, await source.CountDayAsync(SampleData.Day1));
        Assert.Equal(new DayCounts(4, 0), await target.CountDayAsync(SampleData.Day1));

        target.CrashDuringImport = false;
        await _mover.RunAsync();
        await _mover.RunAsync();

        Assert.Equal(new DayCounts(0, 0), await source.CountDayAsync(SampleData.Day1));
        Assert.Equal(TierFixture.SampleDay(SampleData.Day1), await target.ReadDayAsync(SampleData.Day1), new DayDataComparer());
    }

    [Fact]
    public async Task MoveDay_DayAlreadyMoved_IsANoOp()
    {
        await _mover.MoveDayAsync(SampleData.Day1, StorageTier.Hot, StorageTier.Warm);

        var again = await _mover.MoveDayAsync(SampleData.Day1, StorageTier.Hot, StorageTier.Warm);

        Assert.Equal(new TierMove(SampleData.Day1, StorageTier.Hot, StorageTier.Warm, 0, 0), again);
        Assert.Equal(Day1Counts, await _warm.CountDayAsync(SampleData.Day1));
    }

    [Fact]
    public async Task Run_DestinationLosesRows_FailsVerificationAndKeepsTheSource()
    {
        _time.SetUtcNow(StorageDays.Start(SampleData.Day1.AddDays(8)));
        _warm.LoseHalfOnImport = true;

        var error = await Assert.ThrowsAsync<TierMoveVerificationException>(() => _mover.RunAsync());

        Assert.Contains("2026-11-20", error.Message, StringComparison.Ordinal);
        Assert.Equal(Day1Counts, await _hot.CountDayAsync(SampleData.Day1));
    }

    [Fact]
    public async Task Run_RowArrivesInTheSourceDuringTheCopy_DefersTheDeleteAndTheNextRunMovesEverything()
    {
        _time.SetUtcNow(StorageDays.Start(SampleData.Day1.AddDays(8)));
        var late = SampleData.Event("late", SampleData.At(SampleData.Day1, 23), "dave", InteractionTypes.PageView, "p9");
        _warm.AfterNextImport = () => _hot.WriteEventsAsync([late]);

        var first = await _mover.RunAsync();

        Assert.Equal([SampleData.Day1], first.Deferred);
        Assert.Equal(new DayCounts(9, 2), await _hot.CountDayAsync(SampleData.Day1));

        var second = await _mover.RunAsync();

        Assert.Equal([new TierMove(SampleData.Day1, StorageTier.Hot, StorageTier.Warm, 9, 2)], second.Moves);
        Assert.Equal(new DayCounts(9, 2), await _warm.CountDayAsync(SampleData.Day1));
        Assert.Equal(new DayCounts(0, 0), await _hot.CountDayAsync(SampleData.Day1));
    }

    private async Task AssertRouterSeesEveryEventOnceAsync()
    {
        var router = _fixture.Router(_time, new StorageTiers(_hot, _warm, _cold));
        var counts = await router.CountEventsAsync(SampleData.Days1And2, TimeSpan.FromDays(1), latencyBudget: null);
        Assert.Equal(9, counts.Value.Sum(b => b.Count));
    }
}
