using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Storage.Tests.Tiering;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Defaults_AreHot7Warm90Cold7Years_AndValid()
    {
        var options = new StorageOptions();

        Assert.Equal((7, 90, 2557), ((int)options.Hot.Retention.TotalDays, (int)options.Warm.Retention.TotalDays, (int)options.Cold.Retention.TotalDays));
        Assert.True(new StorageOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validator_WarmRetentionNotLongerThanHot_NamesTheSetting()
    {
        var options = new StorageOptions();
        options.Warm.Retention = TimeSpan.FromDays(3);

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Storage:Warm:Retention", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_ZeroExpectedLatency_NamesTheSetting()
    {
        var options = new StorageOptions();
        options.Cold.ExpectedLatency = TimeSpan.Zero;

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.Contains("Storage:Cold:ExpectedLatency", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1025)]
    public void Validator_DuckDbThreadsOutOfRange_NamesTheSetting(int threads)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { DuckDbThreads = threads });

        Assert.Contains("Storage:DuckDbThreads must be from 1 to 1024", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void DuckDbThreads_DefaultsToOneFewerThanTheCores_AtLeastOne() =>
        Assert.Equal(Math.Max(1, Environment.ProcessorCount - 1), new StorageOptions().DuckDbThreads);

    [Fact]
    public void AddRealTimeStorage_ConfigurationSection_BindsAndRejectsBadValues()
    {
        var good = Build(new() { ["Storage:Hot:Retention"] = "2.00:00:00", ["Storage:DataPath"] = "/tmp/x" });
        var bad = Build(new() { ["Storage:Hot:Retention"] = "-1.00:00:00" });

        Assert.Equal((TimeSpan.FromDays(2), "/tmp/x"), (good.Value.Hot.Retention, good.Value.DataPath));
        var error = Assert.Throws<OptionsValidationException>(() => bad.Value);
        Assert.Contains("Storage:Hot:Retention must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddStorageSink_SinkSection_BindsAndRejectsAZeroBatchAndAMissingBootstrap()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Sink:Topic"] = "clicks",
                ["Storage:Sink:MaxBatchRows"] = "0",
            }).Build())
            .AddRealTimeStorage()
            .AddStorageSink()
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageSinkOptions>>().Value);

        Assert.Contains("Storage:Sink:MaxBatchRows must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Sink:BootstrapServers", error.Message, StringComparison.Ordinal);
    }

    private static IOptions<StorageOptions> Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddRealTimeStorage();
        return services.BuildServiceProvider().GetRequiredService<IOptions<StorageOptions>>();
    }
}
