namespace Orleans.RealTime.Sessions.Expiry;

/// <summary>What wakes a session that went idle, also when its grain is no longer in memory.</summary>
internal interface ISessionExpiry
{
    /// <summary>Called by <paramref name="grain"/> (in its own context) when it opens a session that is idle at <paramref name="deadlineMs"/>.</summary>
    Task ScheduleAsync(UserSessionGrain grain, long deadlineMs);
}
