using System.Diagnostics;

namespace Orleans.RealTime.Testing;

/// <summary>
/// Lets a test cluster's client retry its first connection while the silo it waits for is not yet listed as a
/// gateway (seen on loaded 2-core machines), up to a 60-second deadline; any other error fails at once.
/// </summary>
public sealed class GatewayRetryFilter : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    /// <inheritdoc />
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not SiloUnavailableException || _elapsed.Elapsed > Deadline)
        {
            return false;
        }

        // A back-off between connection attempts, not a wait for a test condition.
        await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        return true;
    }
}
