namespace Orleans.RealTime.Sessions;

/// <summary>What a session guarantees about applying each event of its stream once, across crashes.</summary>
public enum DeliverySemantics
{
    /// <summary>
    /// Apply in memory, persist on a timer and at deactivation. A crash loses what was applied since the last write
    /// and already committed; redeliveries at or below the persisted offset are skipped, so nothing counts twice.
    /// </summary>
    AtMostOnce = 0,

    /// <summary>Persist after every event, without offset or event-id checks: a crash replays from the committed offset, so events may count twice but are never lost.</summary>
    AtLeastOnce = 1,

    /// <summary>
    /// Persist state with the last applied Kafka offset after every event; a redelivered record at or below that
    /// offset is skipped and a repeated event id is skipped, so each event takes effect exactly once.
    /// </summary>
    ExactlyOnce = 2,
}
