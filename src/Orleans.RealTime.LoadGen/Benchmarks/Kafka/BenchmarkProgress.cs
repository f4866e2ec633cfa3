namespace Orleans.RealTime.LoadGen.Benchmarks.Kafka;

/// <summary>Counts deliveries of a run and completes when the expected number arrived; notes when the first arrived.</summary>
internal sealed class BenchmarkProgress(long expected)
{
    private long _firstTimestamp;

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _delivered;

    public long Count => Interlocked.Read(ref _delivered);

    public Task Completion => _done.Task;

    /// <summary>The <see cref="System.Diagnostics.Stopwatch"/> timestamp of the first delivery (0 before it).</summary>
    public long FirstTimestamp => Interlocked.Read(ref _firstTimestamp);

    public void Delivered()
    {
        var count = Interlocked.Increment(ref _delivered);
        if (count == 1)
        {
            Interlocked.Exchange(ref _firstTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
        }

        if (count == expected)
        {
            _done.TrySetResult();
        }
    }
}
