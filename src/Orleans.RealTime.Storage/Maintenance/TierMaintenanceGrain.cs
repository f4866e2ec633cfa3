using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Storage;

/// <summary>
/// Runs tier maintenance when its reminder fires. Runs never overlap (the grain is not reentrant), and a run that
/// fails midway is repaired by the next one because every move is idempotent.
/// </summary>
/// <param name="mover">Moves and expires days.</param>
/// <param name="options">The maintenance period.</param>
/// <param name="logger">The logger.</param>
public sealed partial class TierMaintenanceGrain(TierMover mover, IOptions<StorageOptions> options, ILogger<TierMaintenanceGrain> logger)
    : Grain, ITierMaintenanceGrain, IRemindable
{
    /// <summary>The key of the one maintenance grain.</summary>
    public const string Key = "tiers";

    /// <summary>The reminder's name.</summary>
    public const string ReminderName = "tier-maintenance";

    /// <inheritdoc />
    public async Task StartAsync()
    {
        var period = options.Value.MaintenancePeriod;
        await this.RegisterOrUpdateReminder(ReminderName, dueTime: period, period: period);
    }

    /// <inheritdoc />
    public async Task StopAsync()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <inheritdoc />
    public async Task<bool> IsScheduledAsync() => await this.GetReminder(ReminderName) is not null;

    /// <inheritdoc />
    public Task<TierMaintenanceReport> RunNowAsync() => mover.RunAsync();

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        try
        {
            var report = await mover.RunAsync();
            LogRun(logger, report.Moves.Count, report.Expired.Count, report.Deferred.Count);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next tick repairs whatever this run left half done.
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(10, LogLevel.Information, "Tier maintenance moved {Moved} days, expired {Expired}, deferred {Deferred}")]
    private static partial void LogRun(ILogger logger, int moved, int expired, int deferred);

    [LoggerMessage(11, LogLevel.Error, "Tier maintenance failed; the next run resumes it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
