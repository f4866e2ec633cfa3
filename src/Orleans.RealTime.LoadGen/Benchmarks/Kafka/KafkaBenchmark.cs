using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.RealTime.Streaming.Kafka.Embedded;
using Orleans.RealTime.Streaming.Kafka.Hosting;

namespace Orleans.RealTime.LoadGen.Benchmarks.Kafka;

/// <summary>
/// Pre-fills two topics of one embedded broker with the same records, then drains one through the Kafka stream
/// provider into per-user grains and the other through a raw consume-and-decode loop, and compares the rates.
/// </summary>
internal sealed class KafkaBenchmark(KafkaBenchmarkSettings settings, TextWriter output)
{
    public const string ProviderTopic = "bench-provider";
    private const string RawTopic = "bench-raw";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public async Task<KafkaBenchmarkReport> RunAsync(CancellationToken cancellation)
    {
        settings.Validate();
        await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = [ProviderTopic, RawTopic], Partitions = settings.Partitions });
        output.WriteLine($"Embedded Kafka at {kafka.BootstrapServers}; {settings.Records:N0} records x 300 B, {settings.Users:N0} users, {settings.Partitions} partitions");

        var factory = new BenchmarkRecordFactory(settings.Users, TimeProvider.System);
        Fill(kafka, RawTopic, factory);
        var raw = RawConsumeLoop.Run(kafka.BootstrapServers, RawTopic, settings.Records, Deadline);
        output.WriteLine($"raw loop:  {raw.Rate:N0} records/s ({raw.Elapsed.TotalSeconds:F2} s)");

        Fill(kafka, ProviderTopic, factory);
        var provider = await RunProviderAsync(kafka.BootstrapServers, cancellation);
        output.WriteLine($"provider:  {provider.Rate:N0} records/s ({provider.Elapsed.TotalSeconds:F2} s)");
        return new KafkaBenchmarkReport(provider, raw);
    }

    private void Fill(EmbeddedKafka kafka, string topic, BenchmarkRecordFactory factory)
    {
        var config = new ProducerConfig { BootstrapServers = kafka.BootstrapServers, LingerMs = 5, Partitioner = Partitioner.Murmur2Random, EnableIdempotence = true };
        using var producer = new ProducerBuilder<string, byte[]>(config).Build();
        for (var i = 0; i < settings.Records; i++)
        {
            while (true)
            {
                try
                {
                    producer.Produce(topic, new Message<string, byte[]> { Key = factory.UserFor(i), Value = factory.CreateBytes(i) });
                    break;
                }
                catch (ProduceException<string, byte[]> e) when (e.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(50));
                }
            }
        }

        producer.Flush(Deadline);
    }

    private async Task<KafkaBenchmarkRun> RunProviderAsync(string bootstrapServers, CancellationToken cancellation)
    {
        var progress = new BenchmarkProgress(settings.Records);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(progress);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()
            .AddKafkaStreams("kafka", c =>
            {
                c.ConfigureKafka(ob => ob.Configure(options =>
                {
                    options.BootstrapServers = bootstrapServers;
                    options.Topics = [ProviderTopic];
                    options.ConsumerGroupId = "bench";
                }));
                c.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly);
                c.ConfigurePullingAgent(ob => ob.Configure(agent =>
                {
                    agent.BatchContainerBatchSize = settings.DeliveryBatch;
                    agent.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(10);
                }));
            }));
        using var host = builder.Build();

        // The agents start reading while the silo starts, so the clock runs from the start call (silo start-up
        // included, a conservative figure); the rate from the first delivery is printed beside it.
        var clock = Stopwatch.StartNew();
        await host.StartAsync(cancellation);
        await progress.Completion.WaitAsync(Deadline, cancellation);
        clock.Stop();
        var fromFirst = Stopwatch.GetElapsedTime(progress.FirstTimestamp);
        output.WriteLine($"provider after its first delivery: {settings.Records / fromFirst.TotalSeconds:N0} records/s ({fromFirst.TotalSeconds:F2} s)");
        await host.StopAsync(CancellationToken.None);
        return new KafkaBenchmarkRun(settings.Records, clock.Elapsed);
    }
}
