using System.Diagnostics;
using Orleans.RealTime.LoadGen.Clickstream;
using Orleans.RealTime.Storage;

namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>
/// One end-to-end run against a fresh in-process host: (0) a warm-up, not measured; (1) a sustained phase, a fixed rate
/// offered for a fixed time (did the platform keep up?); (2) a backlog written as fast as possible, timed until every
/// record was handled by its session grain; (3) half the highest rate shown with WatchRecommendations streams open,
/// from events generated beforehand like the other phases',
/// measuring Kafka-write → pushed-set latency and hit rate@10 of each click on a product new to the session, against a
/// trending-only baseline computed at the same moment; (4) the per-user count check.
/// </summary>
internal static class EndToEndRun
{
    private const string Topic = "user-interactions";
    private const string StorageSinkGroup = "realtime-storage-sink";

    public static async Task<EndToEndResult> RunAsync(string label, string? redis, ClickstreamSettings clicks, EndToEndSettings settings, CancellationToken ct)
    {
        using var meter = new SessionEventMeter();
        // The storage sink's records lost to the embedded broker's retention (5 MiB per partition) when a burst outruns it.
        using var sinkLoss = new CounterSum(StorageInstruments.MeterName, StorageInstruments.SinkRecordsLostName);
        await using var host = await HostUnderTest.StartAsync(settings.Partitions, redis, $"--Sessions:DeliverySemantics={settings.Semantics}");
        var generator = new ClickstreamGenerator(clicks);
        using var writer = new ClickstreamWriter(host.Bootstrap, Topic, lingerMs: 1);

        // Warm-up, not measured: every user's grain activated, the code jitted, the caches and pools grown.
        for (var i = 0; i < settings.WarmupEvents && !ct.IsCancellationRequested; i++)
        {
            writer.Write(generator.Next());
        }

        writer.Flush();
        await meter.WaitForAsync(writer.Records, TimeSpan.FromMinutes(5));

        // The storage sink reads the same topic in its own group, in the same process: its lag says whether storage kept up too.
        using var sinkLag = new ConsumerGroupLag(host.Bootstrap, StorageSinkGroup, Topic, settings.Partitions);
        var sustained = await SustainedPhase.RunAsync(writer, meter, generator, settings.SustainedRate, settings.SustainedSeconds, ct, sinkLag);
        Console.WriteLine($"[{label}] sustained: offered {sustained.Offered:F0}/s, handled {sustained.Handled:F0}/s in the window, max backlog {sustained.MaxBacklog}, rest handled {sustained.Drain.TotalMilliseconds:F0} ms after ({(sustained.KeptUp ? "kept up" : "fell behind")}); storage sink {sustained.SinkLagAtEnd} records behind at the window's end, caught up {sustained.SinkCaughtUp.TotalSeconds:F1} s later; {sustained.CpuMicrosPerEvent:F1} µs CPU, {sustained.BytesPerEvent:F0} B per event");

        // Generated and serialized before the clock starts: the timed phase measures the platform, not the generator.
        var prepared = ClickstreamWriter.Prepare(generator, settings.ThroughputEvents);

        ProcessCost.SettleHeap();
        var floodStart = writer.Records;
        var start = ProcessCost.Now();
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < prepared.Length && !ct.IsCancellationRequested; i++)
        {
            writer.Write(prepared[i]);
            prepared[i] = default;
        }

        var flood = writer.Records - floodStart;
        var produced = flood / clock.Elapsed.TotalSeconds;
        writer.Flush();
        if (!await meter.WaitForAsync(writer.Records, TimeSpan.FromMinutes(10)))
        {
            Console.WriteLine($"[{label}] only {meter.Handled} of {writer.Records} records handled within 10 minutes");
        }

        var maxRate = flood / clock.Elapsed.TotalSeconds;
        var cost = ProcessCost.Now() - start;
        var (cpuPerEvent, bytesPerEvent) = (cost.CpuMicrosPer(flood), cost.BytesPer(flood));
        Console.WriteLine($"[{label}] backlog: {flood} records handled in {clock.Elapsed.TotalSeconds:F1} s = {maxRate:F0}/s (written at {produced:F0}/s)");
        Console.WriteLine($"[{label}] per event: {cpuPerEvent:F1} µs CPU, {bytesPerEvent:F0} B allocated; GC pause {cost.GcPause.TotalMilliseconds:F0} ms, {cost.Gen0} gen0 / {cost.Gen2} gen2");

        // Half the maximum sustained rate: the offered one when the platform kept up with it, else what it handled. (A
        // backlog drains faster than events arriving one by one, since a delivery call then carries several of a user's.)
        var rate = settings.LatencyRate > 0 ? settings.LatencyRate : (sustained.KeptUp ? sustained.Offered : sustained.Handled) / 2;
        var watchedUsers = generator.Shoppers.Take(settings.WatchedUsers).Select(s => s.UserId).ToHashSet(StringComparer.Ordinal);
        var latencyEvents = LatencyEvents.Prepare(generator, (long)(rate * settings.LatencySeconds), watchedUsers);

        // The latency phase measures a steady state: the storage sink first catches up with the backlog.
        var catchUp = Stopwatch.StartNew();
        await sinkLag.WaitUntilCaughtUpAsync(TimeSpan.FromMinutes(10), ct);

        Console.WriteLine($"[{label}] storage sink caught up with the backlog {catchUp.Elapsed.TotalSeconds:F1} s after the sessions");
        await using var streams = await RecommendationStreams.OpenAsync(host.Channel, watchedUsers);
        ProcessCost.SettleHeap();
        var pacer = new RatePacer(rate);
        var before = writer.Records;
        var latencyStart = ProcessCost.Now();
        long clicksSeen = 0, modelHits = 0, trendingHits = 0, maxBacklog = 0;
        for (long i = 0; i < latencyEvents.Events.Length && !ct.IsCancellationRequested; i++)
        {
            await pacer.PaceAsync(i, ct);
            if ((i & 1023) == 0)
            {
                maxBacklog = Math.Max(maxBacklog, writer.Records - meter.Handled);
            }

            var next = latencyEvents.Events[i];
            if (latencyEvents.Watched[i] is { } watched)
            {
                if (watched.NewProductClick is { } product)
                {
                    clicksSeen++;
                    modelHits += streams.Latest(next.UserId).Contains(product) ? 1 : 0;
                    trendingHits += host.Recommender.Trending(watched.SessionProducts, 10).Any(r => r.ProductId == product) ? 1 : 0;
                }

                if (watched.AsksForSet)
                {
                    streams.Sent(next.UserId, watched.EventId);
                }
            }

            writer.Write(next);
            latencyEvents.Events[i] = default;
        }

        var latencyWindow = pacer.Elapsed;
        var latencyCost = ProcessCost.Now() - latencyStart;
        var achieved = (writer.Records - before) / latencyWindow.TotalSeconds;
        var gc = new GcPauses(latencyCost.Gen0, latencyCost.GcPause, latencyWindow, latencyCost.BytesPer(writer.Records - before));
        Console.WriteLine($"[{label}] latency phase: {achieved:F0}/s, max backlog {maxBacklog} records; {gc}");
        writer.Flush();
        await meter.WaitForAsync(writer.Records, TimeSpan.FromMinutes(5));
        var (p50, p99, max, samples) = streams.Percentiles();
        var counts = await CountCheck.RunAsync(host.Channel, writer.Expected, TimeSpan.FromMinutes(2));
        return new EndToEndResult(label, settings.ThroughputEvents, sustained, maxRate, produced, cpuPerEvent, bytesPerEvent, rate, achieved, gc, p50, p99, max, samples, clicksSeen, modelHits, trendingHits, counts, sinkLoss.Total);
    }
}
