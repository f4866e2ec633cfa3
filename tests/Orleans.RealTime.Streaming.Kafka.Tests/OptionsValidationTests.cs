using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Streaming.Kafka.Hosting;
using Orleans.TestingHost;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData(nameof(KafkaStreamOptions.BootstrapServers))]
    [InlineData(nameof(KafkaStreamOptions.Topics))]
    [InlineData(nameof(KafkaStreamOptions.ConsumerGroupId))]
    [InlineData(nameof(KafkaStreamOptions.MaxBatchSize))]
    [InlineData(nameof(KafkaStreamOptions.CommitInterval))]
    [InlineData(nameof(KafkaStreamOptions.ReadWait))]
    [InlineData(nameof(KafkaStreamOptions.CommitDelay))]
    [InlineData(nameof(KafkaStreamOptions.CacheSize))]
    [InlineData(nameof(KafkaStreamOptions.CacheMaxBytes))]
    public void Validator_BadSetting_ErrorNamesIt(string setting)
    {
        var options = Valid();
        switch (setting)
        {
            case nameof(KafkaStreamOptions.BootstrapServers): options.BootstrapServers = " "; break;
            case nameof(KafkaStreamOptions.Topics): options.Topics = []; break;
            case nameof(KafkaStreamOptions.ConsumerGroupId): options.ConsumerGroupId = ""; break;
            case nameof(KafkaStreamOptions.MaxBatchSize): options.MaxBatchSize = 0; break;
            case nameof(KafkaStreamOptions.CommitInterval): options.CommitInterval = TimeSpan.Zero; break;
            case nameof(KafkaStreamOptions.ReadWait): options.ReadWait = TimeSpan.FromMilliseconds(-1); break;
            case nameof(KafkaStreamOptions.CommitDelay): options.CommitDelay = TimeSpan.FromSeconds(-1); break;
            case nameof(KafkaStreamOptions.CacheSize): options.CacheSize = 1; break;
            case nameof(KafkaStreamOptions.CacheMaxBytes): options.CacheMaxBytes = 0; break;
        }

        var error = Assert.Throws<OrleansConfigurationException>(() => new KafkaStreamOptionsValidator(options, "kafka").ValidateConfiguration());
        Assert.Contains(setting, error.Message);
        Assert.Single(KafkaStreamOptionsValidator.Validate(options));
    }

    [Fact]
    public void Validator_ValidOptions_Passes() => new KafkaStreamOptionsValidator(Valid(), "kafka").ValidateConfiguration();

    [Fact]
    public async Task SiloStart_OptionsBoundFromConfigurationWithoutBootstrap_FailsNamingTheSetting()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:Topics:0"] = "events",
            ["Kafka:ConsumerGroupId"] = "g",
        }));
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage("PubSubStore").AddKafkaStreams("kafka", c => c.ConfigureKafka(ob => ob.BindConfiguration("Kafka"))));
        builder.Options.InitializeClientOnDeploy = false;
        await using var cluster = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(cluster.DeployAsync);
        Assert.Contains(nameof(KafkaStreamOptions.BootstrapServers), error.ToString());
    }

    [Fact]
    public void ConfigureKafka_BindConfiguration_ReadsEveryKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = "broker:9092",
            ["Kafka:Topics:0"] = "user-interactions",
            ["Kafka:ConsumerGroupId"] = "orleans",
            ["Kafka:MaxBatchSize"] = "500",
            ["Kafka:CommitInterval"] = "00:00:02",
            ["Kafka:CacheSize"] = "2048",
            ["Kafka:CacheMaxBytes"] = "1048576",
            ["Kafka:ConsumerSettings:fetch.wait.max.ms"] = "50",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<KafkaStreamOptions>("kafka").BindConfiguration("Kafka");

        var options = services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get("kafka");

        Assert.Equal("broker:9092", options.BootstrapServers);
        Assert.Equal(["user-interactions"], options.Topics);
        Assert.Equal(500, options.MaxBatchSize);
        Assert.Equal(TimeSpan.FromSeconds(2), options.CommitInterval);
        Assert.Equal(2048, options.CacheSize);
        Assert.Equal(1048576, options.CacheMaxBytes);
        Assert.Equal("50", options.ConsumerSettings["fetch.wait.max.ms"]);
        Assert.Empty(KafkaStreamOptionsValidator.Validate(options));
    }

    private static KafkaStreamOptions Valid() => new()
    {
        BootstrapServers = "localhost:9092",
        Topics = ["events"],
        ConsumerGroupId = "g",
    };
}
