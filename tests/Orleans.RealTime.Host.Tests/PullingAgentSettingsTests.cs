using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.RealTime.Host.Hosting;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Host.Tests;

/// <summary>The pulling agent of the session stream provider: the host's defaults and <c>Kafka:PullingAgent:*</c> overrides.</summary>
public sealed class PullingAgentSettingsTests
{
    [Fact]
    public async Task Defaults_PollEvery3ms_AndDeliverUpTo16RecordsPerCall()
    {
        await using var app = RealTimeHost.Build(HostArguments.For(FreePort.Next(4)));

        var agent = app.Services.GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>().Get(EventPipelineSiloBuilderExtensions.StreamProvider);

        Assert.Equal((TimeSpan.FromMilliseconds(3), 16), (agent.GetQueueMsgsTimerPeriod, agent.BatchContainerBatchSize));
    }

    [Fact]
    public async Task Configuration_OverridesTheDefaults()
    {
        await using var app = RealTimeHost.Build(HostArguments.For(
            FreePort.Next(4),
            ["--Kafka:PullingAgent:GetQueueMsgsTimerPeriod=00:00:00.003", "--Kafka:PullingAgent:BatchContainerBatchSize=4"]));

        var agent = app.Services.GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>().Get(EventPipelineSiloBuilderExtensions.StreamProvider);

        Assert.Equal((TimeSpan.FromMilliseconds(3), 4), (agent.GetQueueMsgsTimerPeriod, agent.BatchContainerBatchSize));
    }

    [Fact]
    public async Task FetchWait_Is2ms_OnTheEmbeddedBrokerOnly()
    {
        await using var embedded = RealTimeHost.Build(HostArguments.For(FreePort.Next(4)));
        await using var external = RealTimeHost.Build(HostArguments.For(FreePort.Next(4), ["--Kafka:BootstrapServers=127.0.0.1:9"]));

        Assert.Equal("2", KafkaOptions(embedded).ConsumerSettings["fetch.wait.max.ms"]);
        Assert.DoesNotContain("fetch.wait.max.ms", KafkaOptions(external).ConsumerSettings.Keys);
    }

    [Fact]
    public async Task RecordContext_IsOff_UnlessConfigured()
    {
        await using var defaults = RealTimeHost.Build(HostArguments.For(FreePort.Next(4)));
        await using var configured = RealTimeHost.Build(HostArguments.For(FreePort.Next(4), ["--Kafka:RecordContext=true"]));

        Assert.False(KafkaOptions(defaults).RecordContext);
        Assert.True(KafkaOptions(configured).RecordContext);
    }

    [Fact]
    public async Task CommitDelay_DefaultsToTheAgentsMaxEventDeliveryTime_UnlessConfigured()
    {
        await using var defaults = RealTimeHost.Build(HostArguments.For(FreePort.Next(4)));
        await using var configured = RealTimeHost.Build(HostArguments.For(FreePort.Next(4), ["--Kafka:CommitDelay=00:00:05"]));

        Assert.Equal(TimeSpan.FromMinutes(1), KafkaOptions(defaults).CommitDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), KafkaOptions(configured).CommitDelay);
    }

    private static Streaming.Kafka.KafkaStreamOptions KafkaOptions(Microsoft.AspNetCore.Builder.WebApplication app) =>
        app.Services.GetRequiredService<IOptionsMonitor<Streaming.Kafka.KafkaStreamOptions>>().Get(EventPipelineSiloBuilderExtensions.StreamProvider);
}
