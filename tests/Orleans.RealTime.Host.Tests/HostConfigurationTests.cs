using Microsoft.Extensions.Options;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Host.Tests;

public sealed class HostConfigurationTests
{
    public static TheoryData<string, string> BadSettings => new()
    {
        { "--Orleans:SiloPort=0", "Orleans:SiloPort" },
        { "--Orleans:GatewayPort=70000", "Orleans:GatewayPort" },
        { "--Orleans:ClusterId= ", "Orleans:ClusterId" },
        { "--RealTime:Profile=7", "RealTime:Profile" },
        { "--Orleans:AdvertisedIPAddress=silo-1", "Orleans:AdvertisedIPAddress" },
        { "--Web:Url=not a url", "Web:Url" },
        { "--Security:ApiKeys:0=too-short", "Security:ApiKeys:0" },
        { "--urls=http://0.0.0.0:5999", "Security:ApiKeys" },
        { "--Web:Url=http://*:5998", "Security:ApiKeys" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_WithABadSetting_FailsNamingTheSetting(string argument, string key)
    {
        var error = await StartFailureAsync(argument);

        var validation = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(key, validation.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadClusterSettings => new()
    {
        { ["--Kafka:BootstrapServers=127.0.0.1:9"], "Cluster:Redis is required" },
        { ["--Kafka:BootstrapServers=127.0.0.1:9", "--Cluster:Redis=abortConnect=false"], "Cluster:Redis is not a valid" },
        { ["--Cluster:Redis=127.0.0.1:9"], "Kafka:BootstrapServers is required" },
        { ["--Cluster:Redis=127.0.0.1:9", "--Kafka:BootstrapServers=127.0.0.1:9", "--Storage:ClickHouse:ConnectionString=Port=8123"], "Storage:ClickHouse:ConnectionString" },
    };

    [Theory]
    [MemberData(nameof(BadClusterSettings))]
    public async Task Start_InClusterProfileWithAMissingOrBadSetting_FailsNamingTheSetting(string[] settings, string message)
    {
        var error = await StartFailureAsync(HostArguments.For(FreePort.Next(4), ["--RealTime:Profile=Cluster", .. settings]));

        var validation = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(message, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InClusterProfileWithABadMembershipTimeout_FailsNamingTheSetting()
    {
        var error = await StartFailureAsync(HostArguments.For(
            FreePort.Next(4), "--RealTime:Profile=Cluster", "--Cluster:Redis=127.0.0.1:9", "--Kafka:BootstrapServers=127.0.0.1:9", "--Cluster:Membership:ProbeTimeout=soon"));

        Assert.Contains("Cluster:Membership:ProbeTimeout", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithSamePortForSiloAndGateway_FailsNamingBoth()
    {
        var ports = FreePort.Next(4);
        var error = await StartFailureAsync(HostArguments.For(ports, $"--Orleans:GatewayPort={ports[2]}"));

        Assert.Contains("Orleans:SiloPort and Orleans:GatewayPort must differ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_WithABadDashboardPath_FailsNamingTheSetting()
    {
        var error = await StartFailureAsync("--Dashboard:Path=dashboard/");

        Assert.Contains("Dashboard:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithANonNumericPort_FailsNamingTheSetting()
    {
        var error = await StartFailureAsync("--Orleans:SiloPort=eleven");

        Assert.Contains("Orleans:SiloPort", error.Message, StringComparison.Ordinal);
    }

    private static Task<Exception> StartFailureAsync(string argument) => StartFailureAsync(HostArguments.For(FreePort.Next(4), argument));

    private static async Task<Exception> StartFailureAsync(string[] arguments)
    {
        WebApplication? app = null;
        try
        {
            app = RealTimeHost.Build(arguments);
            await app.StartAsync();
        }
        catch (Exception ex)
        {
            return ex;
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }

        throw new Xunit.Sdk.XunitException($"The host started with {string.Join(' ', arguments)}.");
    }
}
