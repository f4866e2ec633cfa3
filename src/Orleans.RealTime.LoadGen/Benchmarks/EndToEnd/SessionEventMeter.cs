using Orleans.RealTime.Sessions;

namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>Counts the records session grains handled (applied, redelivered, duplicate or late) in this process.</summary>
internal sealed class SessionEventMeter : IDisposable
{
    private readonly CounterSum _handled = new(SessionInstruments.MeterName, "realtime-sessions-events");

    public long Handled => _handled.Total;

    /// <summary>Waits until <paramref name="records"/> records were handled; returns false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitForAsync(long records, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Handled < records)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }

    public void Dispose() => _handled.Dispose();
}
