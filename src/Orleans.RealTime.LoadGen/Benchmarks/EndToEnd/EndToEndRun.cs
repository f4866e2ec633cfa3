using System.Diagnostics;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.LoadGen.Clickstream;

namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>
/// One end-to-end run against a fresh in-process host: (1) the maximum rate, events written as fast as possible until
/// every record was handled by its session grain; (2) half that rate with WatchRecommendations streams open, measuring
/// Kafka-write → pushed-set latency and hit rate@10 of each click on a product new to the session, against a
/// trending-only baseline computed at the same moment; (3) the per-user count check.
/// </summary>
internal static class EndToEndRun
{
    private const string Topic = "user-interactions";

    public static async Task<EndToEndResult> RunAsync(string label, string? redis, ClickstreamSettings clicks, EndToEndSettings settings, CancellationToken ct)
    {
        using var meter = new SessionEventMeter();
        await using var host = await HostUnderTest.StartAsync(settings.Partitions, redis, $"--Sessions:DeliverySemantics={settings.Semantics}");
        var generator = new ClickstreamGenerator(clicks);
        using var writer = new ClickstreamWriter(host.Bootstrap, Topic, lingerMs: 1);

        var start = ProcessCost.Now();
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < settings.ThroughputEvents && !ct.IsCancellationRequested; i++)
        {
            writer.Write(generator.Next());
        }

        var produced = writer.Records / clock.Elapsed.TotalSeconds;
        writer.Flush();
        if (!await meter.WaitForAsync(writer.Records, TimeSpan.FromMinutes(10)))
        {
            Console.WriteLine($"[{label}] only {meter.Handled} of {writer.Records} records handled within 10 minutes");
        }

        var maxRate = writer.Records / clock.Elapsed.TotalSeconds;
        var cost = ProcessCost.Now() - start;
        var (cpuPerEvent, bytesPerEvent) = (cost.CpuMicrosPer(writer.Records), cost.BytesPer(writer.Records));
        Console.WriteLine($"[{label}] max: {writer.Records} records handled in {clock.Elapsed.TotalSeconds:F1} s = {maxRate:F0}/s (written at {produced:F0}/s)");
        Console.WriteLine($"[{label}] per event: {cpuPerEvent:F1} µs CPU, {bytesPerEvent:F0} B allocated; GC pause {cost.GcPause.TotalMilliseconds:F0} ms, {cost.Gen0} gen0 / {cost.Gen2} gen2");

        await using var streams = await RecommendationStreams.OpenAsync(host.Channel, generator.Shoppers.Take(settings.WatchedUsers).Select(s => s.UserId));
        var rate = maxRate / 2;
        var pacer = new RatePacer(rate);
        var before = writer.Records;
        long clicksSeen = 0, modelHits = 0, trendingHits = 0;
        for (long i = 0; pacer.Elapsed < TimeSpan.FromSeconds(settings.LatencySeconds) && !ct.IsCancellationRequested; i++)
        {
            await pacer.PaceAsync(i, ct);
            var next = generator.Next();
            var user = next.Event.UserId;
            if (streams.IsWatched(user))
            {
                if (next.NewProductClick is { } product)
                {
                    clicksSeen++;
                    modelHits += streams.Latest(user).Contains(product) ? 1 : 0;
                    trendingHits += host.Recommender.Trending(next.SessionProducts, 10).Any(r => r.ProductId == product) ? 1 : 0;
                }

                if (next.Event.InteractionTypeCase != UserInteraction.InteractionTypeOneofCase.PageView)
                {
                    streams.Sent(user, next.Event.EventId);
                }
            }

            writer.Write(next);
        }

        var achieved = (writer.Records - before) / pacer.Elapsed.TotalSeconds;
        writer.Flush();
        await meter.WaitForAsync(writer.Records, TimeSpan.FromMinutes(5));
        var (p50, p99, max, samples) = streams.Percentiles();
        var counts = await CountCheck.RunAsync(host.Channel, writer.Expected, TimeSpan.FromMinutes(2));
        return new EndToEndResult(label, settings.ThroughputEvents, maxRate, produced, cpuPerEvent, bytesPerEvent, rate, achieved, p50, p99, max, samples, clicksSeen, modelHits, trendingHits, counts);
    }
}
