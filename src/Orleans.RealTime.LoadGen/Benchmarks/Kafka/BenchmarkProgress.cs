namespace Orleans.RealTime.LoadGen.Benchmarks.Kafka;

/// <summary>Counts deliveries of a run and completes when the expected number arrived.</summary>
internal sealed class BenchmarkProgress(long expected)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _delivered;

    public long Count => Interlocked.Read(ref _delivered);

    public Task Completion => _done.Task;

    public void Delivered()
    {
        if (Interlocked.Increment(ref _delivered) == expected)
        {
            _done.TrySetResult();
        }
    }
}
