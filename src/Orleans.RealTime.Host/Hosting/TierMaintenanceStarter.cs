using Orleans.RealTime.Storage;

namespace Orleans.RealTime.Host.Hosting;

/// <summary>Registers the tier maintenance reminder once the silo is active (repeated registration is harmless).</summary>
internal sealed class TierMaintenanceStarter(IGrainFactory grains) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            nameof(TierMaintenanceStarter),
            ServiceLifecycleStage.Active,
            _ => grains.GetGrain<ITierMaintenanceGrain>(TierMaintenanceGrain.Key).StartAsync());
}
