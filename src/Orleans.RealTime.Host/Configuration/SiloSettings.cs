namespace Orleans.RealTime.Host.Configuration;

/// <summary>Orleans silo settings, section <c>Orleans</c>.</summary>
public sealed class SiloSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Orleans";

    /// <summary>Cluster id (<c>Orleans:ClusterId</c>): silos with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "realtime-dev";

    /// <summary>Service id (<c>Orleans:ServiceId</c>): stable across deployments; keys persisted state.</summary>
    public string ServiceId { get; set; } = "orleans-realtime";

    /// <summary>Silo-to-silo port (<c>Orleans:SiloPort</c>).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port (<c>Orleans:GatewayPort</c>).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The IP address this silo advertises to the others (<c>Orleans:AdvertisedIPAddress</c>). Empty by default: loopback,
    /// or in the Cluster profile inside a container the container's own IPv4 address.
    /// </summary>
    public string AdvertisedIPAddress { get; set; } = string.Empty;
}
