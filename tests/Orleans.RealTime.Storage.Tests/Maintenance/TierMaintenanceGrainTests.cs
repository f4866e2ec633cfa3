using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.RealTime.Testing;
using Orleans.TestingHost;

namespace Orleans.RealTime.Storage.Tests.Maintenance;

public sealed class TierMaintenanceGrainTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(StorageDays.Start(SampleData.Day1.AddDays(8)));
    private TierFixture _fixture = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _fixture = await TierFixture.CreateAsync();
        await _fixture.Tiers.Hot.WriteEventsAsync(SampleData.Events());
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton(_fixture.Tiers);
            silo.Services.AddSingleton(Options.Create(_fixture.Options));
            silo.Services.AddMetrics();
            silo.Services.AddSingleton<StorageInstruments>();
            // The mover gets the fake clock; Orleans keeps the real one (membership and gateway liveness run on it).
            silo.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TierMover>(sp, (TimeProvider)_time));
        });
        builder.ConfigureClient(client => client.UseConnectionRetryFilter<GatewayRetryFilter>());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public async Task RunNow_AgedHotDay_IsMovedToWarmByTheGrain()
    {
        var grain = _cluster.Client.GetGrain<ITierMaintenanceGrain>(TierMaintenanceGrain.Key);

        var report = await grain.RunNowAsync();

        Assert.Equal([new TierMove(SampleData.Day1, StorageTier.Hot, StorageTier.Warm, 8, 0)], report.Moves);
        Assert.Equal([SampleData.Day1], await _fixture.Tiers.Warm.ListDaysAsync());
        Assert.Equal([SampleData.Day2], await _fixture.Tiers.Hot.ListDaysAsync());
    }

    [Fact]
    public async Task StartAndStop_RegisterAndRemoveTheReminder()
    {
        var grain = _cluster.Client.GetGrain<ITierMaintenanceGrain>(TierMaintenanceGrain.Key);
        Assert.False(await grain.IsScheduledAsync());

        await grain.StartAsync();
        await grain.StartAsync();
        Assert.True(await grain.IsScheduledAsync());

        await grain.StopAsync();
        Assert.False(await grain.IsScheduledAsync());
    }
}
