namespace Orleans.RealTime.Host.Configuration;

/// <summary>
/// Settings of the Cluster profile, section <c>Cluster</c>. Orleans membership timing binds from
/// <c>Cluster:Membership</c> (the properties of Orleans' <c>ClusterMembershipOptions</c>, e.g.
/// <c>Cluster:Membership:ProbeTimeout</c>, <c>Cluster:Membership:NumMissedProbesLimit</c>).
/// </summary>
public sealed class ClusterSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cluster";

    /// <summary>The section Orleans' cluster membership options bind from.</summary>
    public const string MembershipSection = SectionName + ":Membership";

    /// <summary>The full key of <see cref="Redis"/>.</summary>
    public const string RedisKey = SectionName + ":" + nameof(Redis);

    /// <summary>
    /// The StackExchange.Redis connection string (<c>Cluster:Redis</c>, e.g. <c>redis:6379</c>) for Orleans membership,
    /// grain storage (default and sessions) and reminders. Required in the Cluster profile.
    /// </summary>
    public string Redis { get; set; } = string.Empty;
}
