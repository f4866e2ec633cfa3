using Grpc.Net.Client;
using Orleans.RealTime.Contracts.Api.V1;

namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>Compares the distinct events produced per user with the counts <c>SessionService.GetSession</c> reports.</summary>
internal static class CountCheck
{
    /// <summary>Polls until the reported total stops changing (or matches), then returns the comparison.</summary>
    public static async Task<CountCheckResult> RunAsync(GrpcChannel channel, IReadOnlyDictionary<string, long> expected, TimeSpan timeout)
    {
        var client = new SessionService.SessionServiceClient(channel);
        var deadline = DateTime.UtcNow + timeout;
        var reported = new Dictionary<string, long>();
        long lastTotal = -1;
        while (true)
        {
            reported = await ReadAsync(client, expected.Keys);
            var total = reported.Values.Sum();
            if (total == expected.Values.Sum() || total == lastTotal || DateTime.UtcNow > deadline)
            {
                break;
            }

            lastTotal = total;
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        long lost = 0, duplicated = 0;
        var usersOff = 0;
        foreach (var (user, count) in expected)
        {
            var got = reported.GetValueOrDefault(user);
            lost += Math.Max(0, count - got);
            duplicated += Math.Max(0, got - count);
            usersOff += got == count ? 0 : 1;
        }

        return new CountCheckResult(expected.Count, expected.Values.Sum(), reported.Values.Sum(), lost, duplicated, usersOff);
    }

    private static async Task<Dictionary<string, long>> ReadAsync(SessionService.SessionServiceClient client, IEnumerable<string> users)
    {
        var reported = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (user, ct) =>
        {
            var s = await client.GetSessionAsync(new GetSessionRequest { UserId = user }, cancellationToken: ct);
            reported[user] = s.PageViews + s.ProductClicks + s.AddToCarts + s.Purchases;
        });
        return new Dictionary<string, long>(reported);
    }
}
