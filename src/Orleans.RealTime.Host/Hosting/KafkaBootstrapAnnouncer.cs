namespace Orleans.RealTime.Host.Hosting;

/// <summary>Logs <c>Kafka bootstrap: HOST:PORT</c> at start, so producers (and the load generator) know where to write.</summary>
internal sealed partial class KafkaBootstrapAnnouncer(IServiceProvider services, ILogger<KafkaBootstrapAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogBootstrap(logger, EventPipelineSiloBuilderExtensions.BootstrapOf(services));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(3, LogLevel.Information, "Kafka bootstrap: {Bootstrap}")]
    private static partial void LogBootstrap(ILogger logger, string bootstrap);
}
