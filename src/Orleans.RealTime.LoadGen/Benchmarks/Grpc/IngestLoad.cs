using System.Diagnostics;
using Confluent.Kafka;
using Google.Protobuf;
using Grpc.Net.Client;
using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Gateway.Ingest;

namespace Orleans.RealTime.LoadGen.Benchmarks.Grpc;

/// <summary>
/// Ingest throughput: events acknowledged per second through <c>IngestService.PublishStream</c>, and the same events
/// written by a raw Confluent.Kafka producer with the ingest producer's own settings, to the same broker and topic.
/// </summary>
internal static class IngestLoad
{
    /// <summary><paramref name="streams"/> concurrent PublishStream calls of <paramref name="perCall"/> events each until every event is sent.</summary>
    public static async Task<double> PublishStreamAsync(GrpcChannel channel, IReadOnlyList<UserInteraction> events, int streams, int perCall, CancellationToken ct)
    {
        var client = new IngestService.IngestServiceClient(channel);
        var requests = events.Select(e => new PublishRequest { Event = e }).ToArray();
        long next = 0, accepted = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => Task.Run(
            async () =>
            {
                while (true)
                {
                    var start = Interlocked.Add(ref next, perCall) - perCall;
                    if (start >= requests.Length)
                    {
                        return;
                    }

                    using var call = client.PublishStream(cancellationToken: ct);
                    var end = Math.Min(start + perCall, requests.Length);
                    for (var i = start; i < end; i++)
                    {
                        await call.RequestStream.WriteAsync(requests[i], ct);
                    }

                    await call.RequestStream.CompleteAsync();
                    var summary = await call;
                    Interlocked.Add(ref accepted, summary.Accepted);
                }
            },
            ct)));
        return Interlocked.Read(ref accepted) / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The baseline: one raw producer, <c>Produce</c> with a delivery handler, then <c>Flush</c>.</summary>
    public static double RawProducer(IngestOptions options, IReadOnlyList<UserInteraction> events)
    {
        long delivered = 0;
        using var producer = new ProducerBuilder<string, byte[]>(IngestProducerConfig.For(options)).Build();
        var clock = Stopwatch.StartNew();
        foreach (var evt in events)
        {
            producer.Produce(options.Topic, new Message<string, byte[]> { Key = evt.UserId, Value = evt.ToByteArray() }, report =>
            {
                if (!report.Error.IsError)
                {
                    Interlocked.Increment(ref delivered);
                }
            });
        }

        producer.Flush(TimeSpan.FromMinutes(5));
        return Interlocked.Read(ref delivered) / clock.Elapsed.TotalSeconds;
    }
}
