using Orleans.RealTime.Host.Hosting;

namespace Orleans.RealTime.Host.Configuration;

/// <summary>Orleans dashboard settings, section <c>Dashboard</c>.</summary>
public sealed class DashboardSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>Whether the dashboard is served (<c>Dashboard:Enabled</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The HTTP/1.1 listener the dashboard is served on (<c>Dashboard:Url</c>). It is separate from the gRPC endpoint
    /// because, without TLS, one Kestrel endpoint cannot serve both HTTP/2 (gRPC) and HTTP/1.1 (browsers).
    /// </summary>
    public string Url { get; set; } = "http://127.0.0.1:5001";

    /// <summary>Where the dashboard is served on <see cref="Url"/> (<c>Dashboard:Path</c>), starting with '/'.</summary>
    public string Path { get; set; } = "/dashboard";

    /// <summary>The port of <see cref="Url"/>, or <see langword="null"/> when it is not an absolute http(s) URL with a port.</summary>
    public int? Port => ListenerUrl.TryParse(Url) is { Port: > 0 and <= 65535 } uri ? uri.Port : null;
}
