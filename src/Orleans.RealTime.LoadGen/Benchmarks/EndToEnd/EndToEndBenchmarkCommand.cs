using System.CommandLine;
using System.Globalization;
using Orleans.RealTime.LoadGen.Clickstream;

namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary><c>bench-e2e</c>: the end-to-end benchmark, in-memory session state and then Redis persistence, side by side.</summary>
internal static class EndToEndBenchmarkCommand
{
    public static Command Create()
    {
        var warmup = new Option<int>("--warmup") { Description = "Events written first and not measured (activates every user's grain, JIT).", DefaultValueFactory = _ => 100_000 };
        var sustainedRate = new Option<int>("--sustained-rate") { Description = "Events per second offered in the sustained phase.", DefaultValueFactory = _ => 50_000 };
        var sustainedSeconds = new Option<int>("--sustained-seconds") { Description = "Length of the sustained phase.", DefaultValueFactory = _ => 20 };
        var events = new Option<long>("--events") { Description = "Events written at once as a backlog, to measure the rate it is handled at.", DefaultValueFactory = _ => 400_000 };
        var seconds = new Option<int>("--latency-seconds") { Description = "Length of the half-rate latency phase.", DefaultValueFactory = _ => 20 };
        var latencyRate = new Option<int>("--latency-rate") { Description = "Events per second of the latency phase; 0 (the default) or less for half the maximum sustained rate.", DefaultValueFactory = _ => 0 };
        var watched = new Option<int>("--watched") { Description = "Users with a WatchRecommendations stream.", DefaultValueFactory = _ => 200 };
        var users = new Option<int>("--users") { Description = "Distinct users.", DefaultValueFactory = _ => 10_000 };
        var products = new Option<int>("--products") { Description = "Catalog size.", DefaultValueFactory = _ => 5_000 };
        var partitions = new Option<int>("--partitions") { Description = "Partitions of the embedded events topic.", DefaultValueFactory = _ => 16 };
        var semantics = new Option<string>("--semantics") { Description = "Sessions:DeliverySemantics of the runs.", DefaultValueFactory = _ => "ExactlyOnce" };
        var redis = new Option<bool>("--redis") { Description = "Also run with session state and reminders in a private redis-server.", DefaultValueFactory = _ => true };
        var command = new Command("bench-e2e", "End-to-end benchmark: max rate, Kafka→WatchRecommendations latency at half of it, hit rate@10 vs trending, count check.")
        {
            warmup, sustainedRate, sustainedSeconds, events, seconds, latencyRate, watched, users, products, partitions, semantics, redis,
        };
        command.SetAction(async (parse, ct) =>
        {
            var clicks = new ClickstreamSettings(parse.GetValue(users), parse.GetValue(products));
            var settings = new EndToEndSettings(parse.GetValue(warmup), parse.GetValue(sustainedRate), parse.GetValue(sustainedSeconds), parse.GetValue(events), parse.GetValue(seconds), parse.GetValue(watched), parse.GetValue(partitions), parse.GetValue(semantics)!, parse.GetValue(latencyRate));
            var results = new List<EndToEndResult> { await EndToEndRun.RunAsync("memory", null, clicks, settings, ct) };
            if (parse.GetValue(redis))
            {
                using var server = await RedisProcess.TryStartAsync();
                if (server is null)
                {
                    Console.WriteLine("redis-server is not installed: the Redis run is skipped.");
                }
                else
                {
                    results.Add(await EndToEndRun.RunAsync("redis", server.ConnectionString, clicks, settings, ct));
                }
            }

            Print(results, clicks, settings);
            return 0;
        });
        return command;
    }

    private static void Print(List<EndToEndResult> results, ClickstreamSettings clicks, EndToEndSettings settings)
    {
        var i = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(i, $"End-to-end, {settings.Semantics}, {Environment.ProcessorCount} cores, {clicks.Users} users, {clicks.Products} products, {settings.Partitions} partitions, {settings.WatchedUsers} watched users"));
        Console.WriteLine(string.Create(i, $"{"",-44}{string.Join("", results.Select(r => $"{r.Persistence,16}"))}{"target",16}"));
        Row("sustained: offered, events/s", results.Select(r => r.Sustained.Offered.ToString("F0", i)), ">= 50000");
        Row("sustained: handled in the window, events/s", results.Select(r => r.Sustained.Handled.ToString("F0", i)), "= offered");
        Row("sustained: max backlog, records", results.Select(r => r.Sustained.MaxBacklog.ToString(i)), "");
        Row("sustained: rest handled after, ms", results.Select(r => r.Sustained.Drain.TotalMilliseconds.ToString("F0", i)), "< 1000");
        Row("sustained: storage sink behind then, records", results.Select(r => r.Sustained.SinkLagAtEnd.ToString(i)), "");
        Row("sustained: storage sink caught up after, s", results.Select(r => r.Sustained.SinkCaughtUp.TotalSeconds.ToString("F1", i)), "");
        Row("storage sink: records lost to retention", results.Select(r => r.SinkRecordsLost.ToString(i)), "0");
        Row("sustained: CPU per event, µs (2 cores)", results.Select(r => r.Sustained.CpuMicrosPerEvent.ToString("F1", i)), "<= 40");
        Row("sustained: allocated per event, B", results.Select(r => r.Sustained.BytesPerEvent.ToString("F0", i)), "");
        Row("backlog drain rate, events/s (Kafka → grain)", results.Select(r => r.MaxEventsPerSecond.ToString("F0", i)), ">= 50000");
        Row("backlog CPU per event, µs (2 cores)", results.Select(r => r.CpuMicrosPerEvent.ToString("F1", i)), "<= 40");
        Row("backlog allocated per event, B", results.Select(r => r.BytesPerEvent.ToString("F0", i)), "");
        Row("latency phase rate, events/s", results.Select(r => r.AchievedLatencyRate.ToString("F0", i)), "sustained / 2");
        Row("latency phase: GC pauses, count / mean ms", results.Select(r => string.Create(i, $"{r.LatencyGc.Count} / {r.LatencyGc.MeanMs:F1}")), "");
        Row("latency phase: share of time in GC pauses", results.Select(r => r.LatencyGc.Share.ToString("P1", i)), "");
        Row("latency phase: allocated per event, B", results.Select(r => r.LatencyGc.BytesPerEvent.ToString("F0", i)), "");
        Row("Kafka write → Watch p50, ms", results.Select(r => r.P50Ms.ToString("F2", i)), "<= 10");
        Row("Kafka write → Watch p99, ms", results.Select(r => r.P99Ms.ToString("F2", i)), "<= 50");
        Row("Kafka write → Watch max, ms", results.Select(r => r.MaxMs.ToString("F2", i)), "");
        Row("latency samples", results.Select(r => r.LatencySamples.ToString(i)), "");
        Row("hit rate@10, item-to-item", results.Select(r => r.HitRate.ToString("P1", i)), ">= 2x trending");
        Row("hit rate@10, trending-only baseline", results.Select(r => r.TrendingHitRate.ToString("P1", i)), "");
        Row("clicks on new products evaluated", results.Select(r => r.Clicks.ToString(i)), "");
        Row("lost / duplicated (count check)", results.Select(r => $"{r.Counts.Lost} / {r.Counts.Duplicated}"), "0 / 0");
    }

    private static void Row(string name, IEnumerable<string> values, string target) =>
        Console.WriteLine($"{name,-44}{string.Join("", values.Select(v => $"{v,16}"))}{target,16}");
}
