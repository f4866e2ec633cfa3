using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Sessions.Expiry;

/// <summary>
/// A durable Orleans reminder per open session, ticking every <see cref="SessionOptions.ExpiryCheckInterval"/>; the
/// grain unregisters it once the session is closed. Survives silo restarts with a durable reminder service.
/// </summary>
internal sealed class ReminderSessionExpiry(IOptions<SessionOptions> options) : ISessionExpiry
{
    public const string ReminderName = "session-ttl";

    private readonly TimeSpan _period = options.Value.ExpiryCheckInterval;

    public Task ScheduleAsync(UserSessionGrain grain, long deadlineMs) =>
        grain.RegisterOrUpdateReminder(ReminderName, _period, _period);
}
