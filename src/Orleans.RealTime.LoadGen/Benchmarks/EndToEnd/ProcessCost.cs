using System.Diagnostics;

namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>
/// What this process spent between two points: CPU time, bytes allocated and GC pause. Per event, these compare runs
/// made at different moments better than a rate does, because another process's load does not change them much.
/// </summary>
internal readonly record struct ProcessCost(TimeSpan Cpu, long AllocatedBytes, TimeSpan GcPause, int Gen0, int Gen2)
{
    /// <summary>
    /// Collects the whole heap, so that what the benchmark prepared for the next phase (hundreds of thousands of
    /// serialized events) is in the oldest generation before the phase starts. Otherwise the phase's young-generation
    /// collections promote the benchmark's own data, twice each, and its pauses are charged to the platform: at the
    /// start of a latency phase they ran up to 100 ms.
    /// </summary>
    public static void SettleHeap() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

    public static ProcessCost Now()
    {
        using var self = Process.GetCurrentProcess();
        return new ProcessCost(self.TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(2));
    }

    public static ProcessCost operator -(ProcessCost after, ProcessCost before) =>
        new(after.Cpu - before.Cpu, after.AllocatedBytes - before.AllocatedBytes, after.GcPause - before.GcPause, after.Gen0 - before.Gen0, after.Gen2 - before.Gen2);

    /// <summary>CPU microseconds per event (all threads: producer, broker, provider, grains, storage sink).</summary>
    public double CpuMicrosPer(long events) => events == 0 ? 0 : Cpu.TotalMicroseconds / events;

    /// <summary>Bytes allocated per event.</summary>
    public double BytesPer(long events) => events == 0 ? 0 : (double)AllocatedBytes / events;
}
