using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Gateway.Ingest;
using Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;
using Orleans.RealTime.LoadGen.Clickstream;
using Orleans.RealTime.Streaming.Kafka.Embedded;

namespace Orleans.RealTime.LoadGen.Benchmarks.Grpc;

/// <summary>
/// One <c>bench-grpc</c> run against an in-process host: warms users' sessions and recommendations, then measures
/// GetRecommendations beside grpc.health.v1 Check at the same concurrency, and PublishStream ingest beside a raw
/// Confluent.Kafka producer writing the same events to the same broker and topic.
/// </summary>
internal static class GrpcBenchmarkRun
{
    private const string EventsTopic = "user-interactions";

    public static async Task<GrpcBenchmarkResult> RunAsync(GrpcBenchmarkSettings settings, CancellationToken ct)
    {
        using var meter = new SessionEventMeter();
        await using var host = await HostUnderTest.StartAsync(
            settings.Partitions, null, $"--Ingest:Topic={settings.IngestTopic}", $"--Ingest:LingerMs={settings.LingerMs}");
        if (settings.IngestTopic != EventsTopic)
        {
            host.App.Services.GetRequiredService<EmbeddedKafka>().CreateTopic(settings.IngestTopic, settings.Partitions);
        }

        var generator = new ClickstreamGenerator(new ClickstreamSettings(Users: settings.WarmUsers, DuplicateFraction: 0, OutOfOrderFraction: 0));
        var users = await WarmAsync(host, generator, meter, settings.WarmUsers);

        var recommendations = new RecommendationService.RecommendationServiceClient(host.Channel);
        var health = new Health.HealthClient(host.Channel);
        Task Recommend(int caller, long i) =>
            recommendations.GetRecommendationsAsync(new GetRecommendationsRequest { UserId = users[(int)((caller * 7919L + i) % users.Count)], Limit = 10 }, cancellationToken: ct).ResponseAsync;
        Task Check(int caller, long i) => health.CheckAsync(new HealthCheckRequest(), cancellationToken: ct).ResponseAsync;
        var warmUp = TimeSpan.FromSeconds(Math.Max(1, settings.Seconds / 5));
        var measure = TimeSpan.FromSeconds(settings.Seconds);
        await CallLoad.RunAsync("warm-up", settings.Callers, warmUp, Check, ct);
        await CallLoad.RunAsync("warm-up", settings.Callers, warmUp, Recommend, ct);
        var trivial = await CallLoad.RunAsync("grpc.health.v1 Check", settings.Callers, measure, Check, ct);
        var recommend = await CallLoad.RunAsync("GetRecommendations", settings.Callers, measure, Recommend, ct);

        var events = Enumerable.Range(0, settings.IngestEvents).Select(_ => generator.Next().Event).ToList();
        var options = host.App.Services.GetRequiredService<IOptions<IngestOptions>>().Value;
        var handledBefore = meter.Handled;
        var raw = IngestLoad.RawProducer(options, events);
        if (settings.IngestTopic == EventsTopic)
        {
            // The sessions consume the raw phase's events too: let them catch up, so both phases start from an idle silo.
            await meter.WaitForAsync(handledBefore + events.Count, TimeSpan.FromMinutes(5));
        }

        var ingest = await IngestLoad.PublishStreamAsync(host.Channel, events, settings.Streams, settings.EventsPerCall, ct);
        return new GrpcBenchmarkResult(trivial, recommend, ingest, raw);
    }

    /// <summary>Writes clicks until every warmed user has events, waits for the sessions, then asks each user's recommendations once.</summary>
    private static async Task<List<string>> WarmAsync(HostUnderTest host, ClickstreamGenerator generator, SessionEventMeter meter, int warmUsers)
    {
        using var writer = new ClickstreamWriter(host.Bootstrap, EventsTopic, lingerMs: 5);
        for (var i = 0; i < warmUsers * 5; i++)
        {
            writer.Write(generator.Next());
        }

        writer.Flush();
        if (!await meter.WaitForAsync(writer.Records, TimeSpan.FromMinutes(5)))
        {
            Console.WriteLine($"warm-up: only {meter.Handled} of {writer.Records} events reached their sessions within 5 minutes");
        }

        var users = writer.Expected.Keys.ToList();
        var client = new RecommendationService.RecommendationServiceClient(host.Channel);
        foreach (var chunk in users.Chunk(256))
        {
            await Task.WhenAll(chunk.Select(u => client.GetRecommendationsAsync(new GetRecommendationsRequest { UserId = u, Limit = 10 }).ResponseAsync));
        }

        Console.WriteLine($"warm-up: {writer.Records} events for {users.Count} users handled; recommendations asked once per user");
        return users;
    }
}
