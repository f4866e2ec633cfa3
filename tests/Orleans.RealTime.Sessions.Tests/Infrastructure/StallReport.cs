using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.RealTime.Sessions.Tests.Infrastructure;

/// <summary>What a session test prints when it times out waiting for deliveries: totals, laggards, partitions, silo logs.</summary>
public static class StallReport
{
    /// <summary>Builds the report; <paramref name="lastProduced"/> maps each user to the partition and offset of its last event.</summary>
    public static async Task<string> BuildAsync(SessionTestCluster test, SessionMetrics metrics, IReadOnlyDictionary<string, (int Partition, long Offset)> lastProduced)
    {
        var text = new StringBuilder();
        text.AppendLine("== metric totals: " + string.Join(", ", metrics.Totals.Select(t => $"{t.Key}={t.Value}")));
        foreach (var silo in test.Cluster.Silos)
        {
            var scope = silo.ServiceProvider.GetService<IMeterFactory>();
            text.AppendLine($"== {silo.Name} active={silo.IsActive} applied={metrics.Total(scope, "realtime-sessions-events:applied")} partitions={string.Join(",", test.Assignments.HeldBy(silo.Name).Order())}");
        }

        var lagging = new List<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var (user, (partition, offset)) in lastProduced.OrderBy(u => u.Value.Partition))
        {
            if (deadline.IsCancellationRequested)
            {
                lagging.Add("(no time left to ask the rest)");
                break;
            }

            try
            {
                var session = await test.Session(user).GetSessionAsync().WaitAsync(TimeSpan.FromSeconds(5), deadline.Token);
                if (session.LastAppliedOffset < offset)
                {
                    lagging.Add($"{user} p{partition}: applied offset {session.LastAppliedOffset} of {offset}, {session.TotalEvents} events");
                }
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or OrleansException)
            {
                lagging.Add($"{user} p{partition}: no answer ({ex.GetType().Name})");
            }
        }

        text.AppendLine($"== {lagging.Count} users behind");
        foreach (var line in lagging)
        {
            text.AppendLine(line);
        }

        text.AppendLine("== silo logs");
        text.Append(test.Logs.Dump());
        return text.ToString();
    }
}
