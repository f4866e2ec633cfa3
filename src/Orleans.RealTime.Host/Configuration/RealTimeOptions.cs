namespace Orleans.RealTime.Host.Configuration;

/// <summary>Top-level host settings, section <c>RealTime</c>.</summary>
public sealed class RealTimeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "RealTime";

    /// <summary>The deployment profile (<c>RealTime:Profile</c>); <see cref="RealTimeProfile.Embedded"/> by default.</summary>
    public RealTimeProfile Profile { get; set; } = RealTimeProfile.Embedded;
}
