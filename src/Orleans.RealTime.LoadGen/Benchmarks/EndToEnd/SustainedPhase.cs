using System.Diagnostics;
using Orleans.RealTime.LoadGen.Clickstream;

namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>
/// Offers a fixed rate for a fixed time, from events serialized beforehand, and reports whether the platform kept up:
/// what it handled inside the window, the largest backlog (written − handled, sampled every 100 ms), and how long the
/// rest took once writing stopped.
/// </summary>
internal static class SustainedPhase
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(100);

    public static async Task<SustainedResult> RunAsync(ClickstreamWriter writer, SessionEventMeter meter, ClickstreamGenerator generator, double rate, int seconds, CancellationToken ct, ConsumerGroupLag sink)
    {
        var prepared = ClickstreamWriter.Prepare(generator, (long)(rate * seconds));

        var (writtenBefore, handledBefore) = (writer.Records, meter.Handled);
        var start = ProcessCost.Now();
        var pacer = new RatePacer(rate);
        long maxBacklog = 0;
        var nextSample = SampleEvery;
        for (long i = 0; i < prepared.Length && !ct.IsCancellationRequested; i++)
        {
            await pacer.PaceAsync(i, ct);
            writer.Write(prepared[i]);
            prepared[i] = default;
            if (pacer.Elapsed >= nextSample)
            {
                maxBacklog = Math.Max(maxBacklog, writer.Records - meter.Handled);
                nextSample += SampleEvery;
            }
        }

        var window = pacer.Elapsed;
        var written = writer.Records - writtenBefore;
        var handled = meter.Handled - handledBefore;
        var backlogAtEnd = writer.Records - meter.Handled;
        var drain = Stopwatch.StartNew();
        writer.Flush();
        await meter.WaitForAsync(writer.Records, TimeSpan.FromMinutes(10));
        var drained = drain.Elapsed;
        var cost = ProcessCost.Now() - start;
        var sinkLagAtEnd = sink.Records();
        await sink.WaitUntilCaughtUpAsync(TimeSpan.FromMinutes(10), ct);

        return new SustainedResult(
            written / window.TotalSeconds,
            handled / window.TotalSeconds,
            Math.Max(maxBacklog, backlogAtEnd),
            drained,
            sinkLagAtEnd,
            drain.Elapsed,
            cost.CpuMicrosPer(written),
            cost.BytesPer(written));
    }
}

/// <summary>The figures of a <see cref="SustainedPhase"/>.</summary>
/// <param name="Offered">Records written per second inside the window.</param>
/// <param name="Handled">Records handled by session grains per second inside the window.</param>
/// <param name="MaxBacklog">The largest number of written records not yet handled, sampled every 100 ms.</param>
/// <param name="Drain">How long handling the rest took once writing stopped.</param>
/// <param name="SinkLagAtEnd">Records the storage sink had not yet committed when the sessions had handled everything.</param>
/// <param name="SinkCaughtUp">When the storage sink had committed everything, from the end of writing.</param>
/// <param name="CpuMicrosPerEvent">Process CPU per record, microseconds, window and drain.</param>
/// <param name="BytesPerEvent">Bytes allocated per record, window and drain.</param>
internal sealed record SustainedResult(double Offered, double Handled, long MaxBacklog, TimeSpan Drain, long SinkLagAtEnd, TimeSpan SinkCaughtUp, double CpuMicrosPerEvent, double BytesPerEvent)
{
    /// <summary>Kept up: handled at least 98% of the offered rate inside the window and the rest within a second after.</summary>
    public bool KeptUp => Handled >= 0.98 * Offered && Drain < TimeSpan.FromSeconds(1);
}
