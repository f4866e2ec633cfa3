using Microsoft.Extensions.Options;
using Orleans.RealTime.Storage;

namespace Orleans.RealTime.Host.Hosting;

/// <summary>Warns at start that a Cluster silo without ClickHouse keeps its hot and warm tiers in its own DuckDB files.</summary>
internal sealed partial class PerSiloStorageWarning(IOptions<StorageOptions> storage, ILogger<PerSiloStorageWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogPerSiloStorage(logger, storage.Value.DataPath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Warning,
        "Cluster profile without Storage:ClickHouse:ConnectionString: hot and warm tiers are this silo's own DuckDB files under {DataPath}. "
        + "For development only: the storage sink's consumer group splits partitions between silos, so each silo's analytics see only part of the events, "
        + "and tier maintenance runs on one silo only. Set Storage:ClickHouse:ConnectionString, or Storage:Sink:Enabled=false.")]
    private static partial void LogPerSiloStorage(ILogger logger, string dataPath);
}
