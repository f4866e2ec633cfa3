using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Recommendations;

namespace Orleans.RealTime.Sessions.Expiry;

/// <summary>
/// Single-silo expiry: one deadline per open session in this process (grain id → ms since the epoch) and one timer that,
/// every <see cref="SessionOptions.ExpiryCheckInterval"/>, wakes only the sessions whose deadline passed. About a
/// tenth of the memory of an Orleans reminder per session, and no wake-up of a session before it can be idle. Lost with
/// the process, like the single silo's in-memory state it goes with.
/// </summary>
internal sealed partial class LocalSessionExpiry(
    IGrainFactory grains,
    IOptions<SessionOptions> options,
    [FromKeyedServices(RealTimeClock.Key)] TimeProvider time,
    ILogger<LocalSessionExpiry> logger) : BackgroundService, ISessionExpiry
{
    private const int ParallelChecks = 16;

    private readonly ConcurrentDictionary<GrainId, long> _deadlines = new();

    /// <summary>Sessions waiting for their deadline.</summary>
    public int Count => _deadlines.Count;

    public Task ScheduleAsync(UserSessionGrain grain, long deadlineMs)
    {
        // Keyed by the activation's own GrainId: no copy of the user id per entry.
        _deadlines[grain.GetGrainId()] = deadlineMs;
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryCheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckDueAsync(time.GetUtcNow().ToUnixTimeMilliseconds(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Silo stopping.
        }
    }

    /// <summary>Wakes each session whose deadline is at or before <paramref name="nowMs"/> and keeps the deadline it reports.</summary>
    internal Task CheckDueAsync(long nowMs, CancellationToken cancellationToken)
    {
        var due = _deadlines.Where(d => d.Value <= nowMs).ToList();
        return Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = ParallelChecks, CancellationToken = cancellationToken }, async (entry, _) =>
        {
            try
            {
                var next = await grains.GetGrain<ISessionExpiryCheck>(entry.Key).CheckExpiryAsync();

                // Only if the session did not schedule itself again meanwhile.
                if (next < 0)
                {
                    _deadlines.TryRemove(entry);
                }
                else
                {
                    _deadlines.TryUpdate(entry.Key, next, entry.Value);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCheckFailed(logger, ex, entry.Key.Key.ToString());
            }
        });
    }

    [LoggerMessage(1, LogLevel.Warning, "Checking whether the session of user {UserId} is idle failed; retried at the next check")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string userId);
}
