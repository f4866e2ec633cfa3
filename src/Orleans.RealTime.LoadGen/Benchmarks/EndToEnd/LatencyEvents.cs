using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.LoadGen.Clickstream;

namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>
/// The latency phase's events, generated and serialized before it starts like the other phases' (the generator's
/// work and garbage stay out of the measured window), with what the phase needs to know about a watched user's event
/// at the moment it is written.
/// </summary>
internal sealed class LatencyEvents
{
    private LatencyEvents(SerializedEvent[] events, WatchedEvent?[] watched)
    {
        Events = events;
        Watched = watched;
    }

    /// <summary>The record values, in the order to write them.</summary>
    public SerializedEvent[] Events { get; }

    /// <summary>For each event of a watched user, what it asks of the recommendations; null for everyone else's.</summary>
    public WatchedEvent?[] Watched { get; }

    public static LatencyEvents Prepare(ClickstreamGenerator generator, long count, IReadOnlySet<string> watchedUsers)
    {
        var events = new SerializedEvent[count];
        var watched = new WatchedEvent?[count];
        for (long i = 0; i < count; i++)
        {
            var next = generator.Next();
            events[i] = ClickstreamWriter.Serialize(next);
            if (watchedUsers.Contains(next.Event.UserId))
            {
                watched[i] = new WatchedEvent(
                    next.Event.EventId,
                    next.NewProductClick,
                    next.SessionProducts,
                    next.Event.InteractionTypeCase != UserInteraction.InteractionTypeOneofCase.PageView);
            }
        }

        return new LatencyEvents(events, watched);
    }
}

/// <summary>An event of a watched user.</summary>
/// <param name="EventId">The event's id, which the set it triggers names.</param>
/// <param name="NewProductClick">The clicked product when this is a click on a product new to the session; else null.</param>
/// <param name="SessionProducts">The session's products before this event.</param>
/// <param name="AsksForSet">Whether the session pushes a new set for it (page views are throttled and not timed).</param>
internal sealed record WatchedEvent(string EventId, string? NewProductClick, IReadOnlySet<string> SessionProducts, bool AsksForSet);
