namespace Orleans.RealTime.Host.Configuration;

/// <summary>Orleans dashboard settings, section <c>Dashboard</c>; it is served on the <c>Web:Url</c> listener.</summary>
public sealed class DashboardSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>Whether the dashboard is served and its grain profiler, which times every grain call, runs (<c>Dashboard:Enabled</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the dashboard is served on the web listener (<c>Dashboard:Path</c>), starting with '/'.</summary>
    public string Path { get; set; } = "/dashboard";
}
