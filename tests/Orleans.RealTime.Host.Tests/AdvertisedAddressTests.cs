using System.Net;
using Orleans.RealTime.Host.Configuration;

namespace Orleans.RealTime.Host.Tests;

public sealed class AdvertisedAddressTests
{
    [Theory]
    [InlineData(RealTimeProfile.Embedded, false)]
    [InlineData(RealTimeProfile.Embedded, true)]
    [InlineData(RealTimeProfile.Cluster, false)]
    [InlineData(RealTimeProfile.Cluster, true)]
    public void Resolve_AConfiguredAddress_WinsEverywhere(RealTimeProfile profile, bool inContainer) =>
        Assert.Equal(IPAddress.Parse("10.1.2.3"), AdvertisedAddress.Resolve("10.1.2.3", profile, inContainer));

    [Theory]
    [InlineData(RealTimeProfile.Embedded, false)]
    [InlineData(RealTimeProfile.Embedded, true)]
    [InlineData(RealTimeProfile.Cluster, false)]
    public void Resolve_Unset_IsLoopback_UnlessClusterInAContainer(RealTimeProfile profile, bool inContainer) =>
        Assert.Equal(IPAddress.Loopback, AdvertisedAddress.Resolve("", profile, inContainer));

    [Fact]
    public void Resolve_UnsetInAClusterContainer_IsThisMachinesOwnIPv4_WhenItHasOne()
    {
        var own = Dns.GetHostAddresses(Dns.GetHostName())
            .Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .ToList();

        var resolved = AdvertisedAddress.Resolve("", RealTimeProfile.Cluster, inContainer: true);

        Assert.Equal(own.FirstOrDefault() ?? IPAddress.Loopback, resolved);
    }
}
