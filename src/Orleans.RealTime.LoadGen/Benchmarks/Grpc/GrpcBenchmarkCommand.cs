using System.CommandLine;
using System.Globalization;

namespace Orleans.RealTime.LoadGen.Benchmarks.Grpc;

/// <summary><c>bench-grpc</c>: gRPC front-end throughput and latency, each figure beside its same-run baseline.</summary>
internal static class GrpcBenchmarkCommand
{
    public static Command Create()
    {
        var callers = new Option<int>("--callers") { Description = "Concurrent callers of each unary method.", DefaultValueFactory = _ => 32 };
        var seconds = new Option<int>("--seconds") { Description = "Measured seconds per unary method.", DefaultValueFactory = _ => 10 };
        var users = new Option<int>("--users") { Description = "Users warmed before the calls.", DefaultValueFactory = _ => 2_000 };
        var events = new Option<int>("--events") { Description = "Events of each ingest phase.", DefaultValueFactory = _ => 300_000 };
        var streams = new Option<int>("--streams") { Description = "Concurrent PublishStream calls.", DefaultValueFactory = _ => 4 };
        var perCall = new Option<int>("--events-per-call") { Description = "Events per PublishStream call.", DefaultValueFactory = _ => 25_000 };
        var partitions = new Option<int>("--partitions") { Description = "Partitions of the embedded topics.", DefaultValueFactory = _ => 16 };
        var linger = new Option<int>("--linger-ms") { Description = "Ingest:LingerMs of the host and the raw baseline.", DefaultValueFactory = _ => 5 };
        var topic = new Option<string>("--ingest-topic")
        {
            Description = "Topic of the ingest phases; 'user-interactions' makes the silo's sessions consume them meanwhile.",
            DefaultValueFactory = _ => "bench-ingest",
        };
        var command = new Command("bench-grpc", "gRPC benchmark: GetRecommendations beside grpc.health.v1 Check, PublishStream beside a raw Kafka producer.")
        {
            callers, seconds, users, events, streams, perCall, partitions, linger, topic,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new GrpcBenchmarkSettings(
                parse.GetValue(callers), parse.GetValue(seconds), parse.GetValue(users), parse.GetValue(events), parse.GetValue(streams),
                parse.GetValue(perCall), parse.GetValue(partitions), parse.GetValue(linger), parse.GetValue(topic)!);
            var result = await GrpcBenchmarkRun.RunAsync(settings, ct);
            Print(settings, result);
            return 0;
        });
        return command;
    }

    private static void Print(GrpcBenchmarkSettings settings, GrpcBenchmarkResult result)
    {
        var i = CultureInfo.InvariantCulture;
        var (trivial, recommend) = (result.Trivial, result.Recommendations);
        Console.WriteLine();
        Console.WriteLine(string.Create(i, $"gRPC, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}, {settings.Callers} callers, {settings.WarmUsers} warmed users, client and host in one process"));
        Console.WriteLine(string.Create(i, $"{"figure",-36}{"measured",14}{"baseline",14}  {"baseline is",-38}{"target",12}"));
        Row("GetRecommendations, calls/s", recommend.CallsPerSecond.ToString("F0", i), trivial.CallsPerSecond.ToString("F0", i), "health Check, same callers", ">= 20000");
        Row("GetRecommendations p50, ms", recommend.P50Ms.ToString("F2", i), trivial.P50Ms.ToString("F2", i), "health Check, same callers", "");
        Row("GetRecommendations p99, ms", recommend.P99Ms.ToString("F2", i), trivial.P99Ms.ToString("F2", i), "health Check, same callers", "<= 10");
        Row("failed calls", recommend.Failures.ToString(i), trivial.Failures.ToString(i), "health Check, same callers", "0");
        Row("PublishStream, events acked/s", result.IngestEventsPerSecond.ToString("F0", i), result.RawProducerEventsPerSecond.ToString("F0", i), "raw Confluent.Kafka producer", ">= 50000");
        Console.WriteLine(string.Create(i, $"ingest: {settings.IngestEvents} events to '{settings.IngestTopic}', {settings.Streams} streams of {settings.EventsPerCall} events, linger.ms={settings.LingerMs}"));
    }

    private static void Row(string name, string measured, string baseline, string what, string target) =>
        Console.WriteLine($"{name,-36}{measured,14}{baseline,14}  {what,-38}{target,12}");
}
