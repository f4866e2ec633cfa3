namespace Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

/// <summary>Polls a condition that no event signals (broker state), failing after a deadline.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (!condition())
        {
            try
            {
                await timer.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Not within {timeout}: {what}.");
            }
        }
    }

    /// <summary>As <see cref="HoldsAsync(Func{bool}, TimeSpan, string)"/>, for a condition that must be awaited.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (!await condition())
        {
            try
            {
                await timer.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Not within {timeout}: {what}.");
            }
        }
    }
}
