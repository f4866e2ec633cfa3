using Orleans.RealTime.Host.Hosting;
using Orleans.RealTime.Storage;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Host.Tests;

/// <summary>Which tiers the Cluster profile composes (no ClickHouse server can run here: the attempt to reach one is the proof).</summary>
public sealed class ClusterStorageTests
{
    [Fact]
    public async Task Cluster_WithClickHouse_OpensHotAndWarmOnClickHouse()
    {
        var port = FreePort.Next();
        await using var app = RealTimeHost.Build(ClusterArguments($"--Storage:ClickHouse:ConnectionString=Host=127.0.0.1;Port={port}"));

        var error = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<StorageTiers>());

        var chain = Chain(error).ToList();
        Assert.Contains(chain, e => e is HttpRequestException && e.Message.Contains($"127.0.0.1:{port}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cluster_WithoutClickHouse_KeepsThisSilosDuckDb_AndWarns()
    {
        await using var app = RealTimeHost.Build(ClusterArguments());

        var tiers = app.Services.GetRequiredService<StorageTiers>();

        Assert.IsType<DuckDbTierStore>(tiers.Hot);
        Assert.IsType<DuckDbTierStore>(tiers.Warm);
        Assert.Contains(app.Services.GetServices<IHostedService>(), s => s is PerSiloStorageWarning);
    }

    private static string[] ClusterArguments(params string[] extra) => HostArguments.For(
        FreePort.Next(4), ["--RealTime:Profile=Cluster", "--Cluster:Redis=127.0.0.1:9", "--Kafka:BootstrapServers=127.0.0.1:9", .. extra]);

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
