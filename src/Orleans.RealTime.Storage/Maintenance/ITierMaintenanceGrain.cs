namespace Orleans.RealTime.Storage;

/// <summary>
/// The cluster-wide tier maintenance: one activation (key <see cref="TierMaintenanceGrain.Key"/>) that a persistent
/// reminder wakes every <see cref="StorageOptions.MaintenancePeriod"/> to run the <see cref="TierMover"/>.
/// </summary>
[Alias("Orleans.RealTime.Storage.ITierMaintenanceGrain")]
public interface ITierMaintenanceGrain : IGrainWithStringKey
{
    /// <summary>Registers (or updates) the maintenance reminder; call once at start, repeated calls are harmless.</summary>
    [Alias("Start")]
    Task StartAsync();

    /// <summary>Removes the maintenance reminder.</summary>
    [Alias("Stop")]
    Task StopAsync();

    /// <summary>True while the maintenance reminder is registered.</summary>
    [Alias("IsScheduled")]
    Task<bool> IsScheduledAsync();

    /// <summary>Runs one maintenance pass now (what the reminder does) and returns what it did.</summary>
    [Alias("RunNow")]
    Task<TierMaintenanceReport> RunNowAsync();
}
