using System.Net;
using System.Net.Sockets;

namespace Orleans.RealTime.Host.Configuration;

/// <summary>The address a silo advertises to the others in the membership table.</summary>
internal static class AdvertisedAddress
{
    /// <summary>
    /// <c>Orleans:AdvertisedIPAddress</c> when set. Otherwise loopback, except in the Cluster profile inside a container
    /// (<paramref name="inContainer"/>), where it is the container's own IPv4 address so silos in other containers can
    /// reach it.
    /// </summary>
    public static IPAddress Resolve(string configured, RealTimeProfile profile, bool inContainer)
    {
        if (IPAddress.TryParse(configured, out var address))
        {
            return address;
        }

        if (profile == RealTimeProfile.Cluster && inContainer)
        {
            return Dns.GetHostAddresses(Dns.GetHostName())
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                ?? IPAddress.Loopback;
        }

        return IPAddress.Loopback;
    }

    /// <summary>Whether the process runs in a container: <c>DOTNET_RUNNING_IN_CONTAINER=true</c>, set by the .NET images.</summary>
    public static bool InContainer =>
        string.Equals(Environment.GetEnvironmentVariable("DOTNET_RUNNING_IN_CONTAINER"), "true", StringComparison.OrdinalIgnoreCase);
}
