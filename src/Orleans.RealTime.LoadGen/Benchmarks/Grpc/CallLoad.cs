using System.Diagnostics;
using HdrHistogram;

namespace Orleans.RealTime.LoadGen.Benchmarks.Grpc;

/// <summary>Runs one unary call from <c>callers</c> concurrent loops for a fixed time, recording each call's latency.</summary>
internal static class CallLoad
{
    public static async Task<CallLoadResult> RunAsync(string name, int callers, TimeSpan duration, Func<int, long, Task> call, CancellationToken ct)
    {
        var histograms = Enumerable.Range(0, callers).Select(_ => new LongHistogram(Stopwatch.Frequency * 10, 3)).ToArray();
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(
            async () =>
            {
                var histogram = histograms[caller];
                for (long i = 0; !ct.IsCancellationRequested; i++)
                {
                    var before = Stopwatch.GetTimestamp();
                    if (before >= stopAt)
                    {
                        return;
                    }

                    try
                    {
                        await call(caller, i);
                        histogram.RecordValue(Stopwatch.GetTimestamp() - before);
                    }
                    catch (global::Grpc.Core.RpcException)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            },
            ct)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = new LongHistogram(Stopwatch.Frequency * 10, 3);
        foreach (var histogram in histograms)
        {
            all.Add(histogram);
        }

        return new CallLoadResult(
            name,
            all.TotalCount / elapsed.TotalSeconds,
            Milliseconds(all.GetValueAtPercentile(50)),
            Milliseconds(all.GetValueAtPercentile(99)),
            all.TotalCount,
            Interlocked.Read(ref failures));
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
