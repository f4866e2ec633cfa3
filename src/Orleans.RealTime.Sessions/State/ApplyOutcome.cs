namespace Orleans.RealTime.Sessions.State;

/// <summary>What happened to one event.</summary>
internal enum ApplyOutcome
{
    /// <summary>The event changed the session.</summary>
    Applied,

    /// <summary>A redelivered record at or below the last applied offset; skipped.</summary>
    Redelivered,

    /// <summary>An event id seen recently; skipped.</summary>
    Duplicate,

    /// <summary>Too old for the current session (or belonging to an expired one); counted, not applied.</summary>
    Late,
}
