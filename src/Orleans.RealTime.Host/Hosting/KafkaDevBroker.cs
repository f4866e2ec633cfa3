using Orleans.RealTime.Sessions;
using Orleans.RealTime.Streaming.Kafka;
using Orleans.RealTime.Streaming.Kafka.Embedded;

namespace Orleans.RealTime.Host.Hosting;

/// <summary>
/// <c>Orleans.RealTime.Host kafka-dev</c>: runs only the embedded development broker (librdkafka's mock cluster) with
/// the events topic, logs <c>Kafka bootstrap: HOST:PORT</c>, and stops on Ctrl+C, so several silo processes on one
/// machine can share it through <c>Kafka:BootstrapServers</c> (with <c>Kafka:ConsumerSettings:fetch.wait.max.ms=2</c>,
/// which it logs too). Settings: <c>--Kafka:Embedded:Partitions=16</c>.
/// </summary>
internal static partial class KafkaDevBroker
{
    /// <summary>The command-line verb.</summary>
    public const string Verb = "kafka-dev";

    public static async Task RunAsync(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args);
        builder.Services.AddEmbeddedKafka(options =>
        {
            if (!options.Topics.Contains(SessionStreams.Namespace))
            {
                options.Topics.Add(SessionStreams.Namespace);
            }
        });
        using var host = builder.Build();
        var kafka = host.Services.GetRequiredService<EmbeddedKafka>();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KafkaDevBroker));
        LogBootstrap(logger, kafka.BootstrapServers);
        var (key, value) = EventPipelineSiloBuilderExtensions.MockFetchWait;
        LogFetchWait(logger, $"{EventPipelineSiloBuilderExtensions.KafkaSection}:{nameof(KafkaStreamOptions.ConsumerSettings)}:{key}", value);
        await host.RunAsync();
    }

    [LoggerMessage(1, LogLevel.Information, "Kafka bootstrap: {Bootstrap}")]
    private static partial void LogBootstrap(ILogger logger, string bootstrap);

    [LoggerMessage(2, LogLevel.Information, "A mock broker answers a fetch that found no record only after the consumer's whole fetch wait: give each silo --{Key}={Value}")]
    private static partial void LogFetchWait(ILogger logger, string key, string value);
}
