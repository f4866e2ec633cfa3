using System.Diagnostics;

namespace Orleans.RealTime.Testing;

/// <summary>Waits for a condition with a deadline, never a fixed sleep.</summary>
public static class Eventually
{
    /// <summary>Re-evaluates <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes.</summary>
    /// <exception cref="TimeoutException">When the deadline passes first; the message says what was awaited.</exception>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                last = ex;
            }

            await Task.Yield();
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        throw new TimeoutException($"Timed out after {timeout} waiting for {what}.", last);
    }
}
