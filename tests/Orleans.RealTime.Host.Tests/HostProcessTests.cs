using Confluent.Kafka;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Host.Tests;

/// <summary>The host as its own process, started the way the README's first command starts it.</summary>
public sealed class HostProcessTests
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Process_AnnouncesEndpoints_ServesHealth_PassesItsHealthcheckVerb_AndStopsCleanlyOnSigterm()
    {
        var ports = FreePort.Next(4);
        using var host = HostProcess.Start(HostArguments.For(ports));

        await host.WaitForLineAsync("Dashboard: ", StartDeadline);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{ports[0]}");
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcProbe.CheckHealthAsync(channel));

        using (var healthy = HostProcess.Start("healthcheck", "--urls", $"http://0.0.0.0:{ports[0]}"))
        {
            Assert.Equal(0, await healthy.WaitForExitAsync(StartDeadline));
            Assert.Contains(healthy.Lines, l => l.Contains("SERVING", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(0, await host.StopAsync(TimeSpan.FromSeconds(30)));
        using (var stopped = HostProcess.Start("healthcheck", "--urls", $"http://127.0.0.1:{ports[0]}"))
        {
            Assert.Equal(1, await stopped.WaitForExitAsync(StartDeadline));
        }

        Assert.Contains(host.Lines, l => l.Contains($"gRPC: http://127.0.0.1:{ports[0]}", StringComparison.Ordinal));
        Assert.Contains(host.Lines, l => l.Contains($"HTTP/JSON: http://127.0.0.1:{ports[1]}", StringComparison.Ordinal));
        Assert.Contains(host.Lines, l => l.Contains($"Dashboard: http://127.0.0.1:{ports[1]}/dashboard", StringComparison.Ordinal));
        Assert.Contains(host.Lines, l => l.Contains("Kafka bootstrap: 127.0.0.1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KafkaDev_RunsOnlyTheBroker_ThatOtherProcessesCanUse_AndStopsOnSigterm()
    {
        using var broker = HostProcess.Start("kafka-dev", "--Kafka:Embedded:Partitions=3");
        var line = await broker.WaitForLineAsync("Kafka bootstrap: ", StartDeadline);
        var bootstrap = line[(line.IndexOf("Kafka bootstrap: ", StringComparison.Ordinal) + "Kafka bootstrap: ".Length)..].Trim();

        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
        {
            var delivered = await producer.ProduceAsync("user-interactions", new Message<string, string> { Key = "u1", Value = "hello" });
            Assert.Equal(PersistenceStatus.Persisted, delivered.Status);
        }

        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
        {
            var topic = Assert.Single(admin.GetMetadata("user-interactions", TimeSpan.FromSeconds(10)).Topics);
            Assert.Equal(3, topic.Partitions.Count);
        }

        Assert.Equal(0, await broker.StopAsync(TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain(broker.Lines, l => l.Contains("gRPC: ", StringComparison.Ordinal));
    }
}
