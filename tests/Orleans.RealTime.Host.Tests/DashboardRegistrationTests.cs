using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Host.Tests;

/// <summary>The dashboard's grain profiler, which wraps every grain call, runs only when the dashboard is served.</summary>
public sealed class DashboardRegistrationTests
{
    [Fact]
    public async Task DisabledDashboard_LeavesGrainCallsUnprofiled()
    {
        await using var served = RealTimeHost.Build(HostArguments.For(FreePort.Next(4)));
        await using var disabled = RealTimeHost.Build(HostArguments.For(FreePort.Next(4), ["--Dashboard:Enabled=false"]));

        Assert.NotEmpty(DashboardCallFilters(served));
        Assert.Empty(DashboardCallFilters(disabled));
    }

    private static IEnumerable<IIncomingGrainCallFilter> DashboardCallFilters(WebApplication app) =>
        app.Services.GetServices<IIncomingGrainCallFilter>().Where(f => f.GetType().Namespace?.StartsWith("Orleans.Dashboard", StringComparison.Ordinal) == true);
}
