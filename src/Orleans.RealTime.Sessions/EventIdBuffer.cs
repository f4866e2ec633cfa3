namespace Orleans.RealTime.Sessions;

/// <summary>
/// Holds one event id as characters in a buffer the owner keeps, instead of a reference to the event's string: a
/// session kept its newest triggering event's id string, a young object referenced from an old grain until the next
/// trigger, which every young-generation collection in between had to find and keep. The string is made only when
/// asked for (a <c>GetRecommendations</c> call).
/// </summary>
internal sealed class EventIdBuffer
{
    private char[] _chars = [];
    private int _length;

    /// <summary>Replaces the held id with <paramref name="eventId"/>'s characters.</summary>
    public void Set(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        if (_chars.Length < eventId.Length)
        {
            _chars = new char[eventId.Length];
        }

        eventId.CopyTo(_chars);
        _length = eventId.Length;
    }

    /// <summary>Holds no id (<see cref="ToString"/> gives the empty string).</summary>
    public void Clear() => _length = 0;

    /// <summary>The held id, as a new string.</summary>
    public override string ToString() => _length == 0 ? "" : new string(_chars, 0, _length);
}
