using System.CommandLine;
using System.Globalization;
using Grpc.Net.Client;
using Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary><c>clickstream</c>: writes a realistic clickstream to Kafka and checks per-user counts against the platform.</summary>
internal static class ClickstreamCommand
{
    public static Command Create()
    {
        var users = new Option<int>("--users") { Description = "Distinct users.", DefaultValueFactory = _ => 10_000 };
        var products = new Option<int>("--products") { Description = "Catalog size.", DefaultValueFactory = _ => 5_000 };
        var events = new Option<long>("--events") { Description = "Events to write (duplicates not included).", DefaultValueFactory = _ => 100_000 };
        var rate = new Option<double>("--rate") { Description = "Events per second; 0 = as fast as possible.", DefaultValueFactory = _ => 10_000 };
        var duplicates = new Option<double>("--duplicates") { Description = "Fraction of events sent twice.", DefaultValueFactory = _ => 0.01 };
        var outOfOrder = new Option<double>("--out-of-order") { Description = "Fraction of events stamped before the user's previous one.", DefaultValueFactory = _ => 0.01 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42 };
        var bootstrap = new Option<string?>("--bootstrap") { Description = "Kafka bootstrap (the host logs 'Kafka bootstrap: ...'); default: start the platform in this process and use its embedded broker." };
        var grpc = new Option<string?>("--grpc") { Description = "The platform's gRPC address for the count check, e.g. http://127.0.0.1:5000; skipped when --bootstrap is given without it." };
        var topic = new Option<string>("--topic") { Description = "Events topic.", DefaultValueFactory = _ => "user-interactions" };
        var ingest = new Option<string>("--ingest")
        {
            Description = "How events are written: 'kafka' (a producer to --bootstrap) or 'grpc' (IngestService.PublishStream at --grpc, or the in-process host).",
            DefaultValueFactory = _ => "kafka",
        };
        ingest.AcceptOnlyFromAmong("kafka", "grpc");
        var apiKey = new Option<string?>("--api-key") { Description = "x-api-key for the platform's gRPC calls, when it requires one." };
        var command = new Command("clickstream", "Write a realistic clickstream to Kafka (directly, or through IngestService with --ingest grpc), then compare per-user counts with SessionService.GetSession.")
        {
            users, products, events, rate, duplicates, outOfOrder, seed, bootstrap, grpc, topic, ingest, apiKey,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new ClickstreamSettings(parse.GetValue(users), parse.GetValue(products), DuplicateFraction: parse.GetValue(duplicates), OutOfOrderFraction: parse.GetValue(outOfOrder), Seed: parse.GetValue(seed));
            var viaGrpc = parse.GetValue(ingest) == "grpc";
            var external = viaGrpc ? parse.GetValue(grpc) is not null : parse.GetValue(bootstrap) is not null;
            await using var host = external ? null : await HostUnderTest.StartAsync(16, null);
            using var channel = host is null && parse.GetValue(grpc) is { } address ? PlatformChannel.For(address, parse.GetValue(apiKey)) : null;
            var check = host?.Channel ?? channel;
            var target = viaGrpc ? $"IngestService at {(host is null ? parse.GetValue(grpc) : "the in-process host")}" : host?.Bootstrap ?? parse.GetValue(bootstrap)!;
            await using IClickstreamSink sink = viaGrpc
                ? new IngestClickstreamWriter(check!, eventsPerCall: 10_000)
                : new ClickstreamWriter(host?.Bootstrap ?? parse.GetValue(bootstrap)!, parse.GetValue(topic)!, lingerMs: 5);
            return await RunAsync(settings, sink, target, parse.GetValue(events), parse.GetValue(rate), check, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(ClickstreamSettings settings, IClickstreamSink writer, string target, long events, double rate, GrpcChannel? check, CancellationToken ct)
    {
        var generator = new ClickstreamGenerator(settings);
        var pacer = new RatePacer(rate);
        for (long i = 0; i < events && !ct.IsCancellationRequested; i++)
        {
            await pacer.PaceAsync(i, ct);
            await writer.WriteAsync(generator.Next(), ct);
        }

        await writer.FlushAsync(ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {events} events ({writer.Records} records with duplicates) to {target} in {pacer.Elapsed.TotalSeconds:F1} s; delivery failures {writer.Failed}"));
        if (check is null)
        {
            return writer.Failed == 0 ? 0 : 1;
        }

        var result = await CountCheck.RunAsync(check, writer.Expected, TimeSpan.FromMinutes(2));
        Console.WriteLine(result);
        return result.Lost == 0 && result.Duplicated == 0 && writer.Failed == 0 ? 0 : 1;
    }
}
