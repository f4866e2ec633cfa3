using System.Diagnostics;

namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>Keeps a sender at a target rate (events per second); a rate of 0 means as fast as possible.</summary>
internal sealed class RatePacer(double rate)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Waits until <paramref name="sent"/> events are due; checks every 256 events.</summary>
    public ValueTask PaceAsync(long sent, CancellationToken cancellationToken)
    {
        if (rate <= 0 || (sent & 255) != 0)
        {
            return ValueTask.CompletedTask;
        }

        var ahead = TimeSpan.FromSeconds(sent / rate) - _clock.Elapsed;
        return ahead > TimeSpan.FromMilliseconds(1) ? new ValueTask(Task.Delay(ahead, cancellationToken)) : ValueTask.CompletedTask;
    }
}
