namespace Orleans.RealTime.Host.Configuration;

/// <summary>Reads <c>RealTime:Profile</c> while the host is composed, before options are bound and validated.</summary>
internal static class RealTimeProfiles
{
    /// <summary>The configured profile; an unknown value reads as Embedded here and fails the start in validation.</summary>
    public static RealTimeProfile Of(IConfiguration configuration) =>
        Enum.TryParse<RealTimeProfile>(configuration[$"{RealTimeOptions.SectionName}:{nameof(RealTimeOptions.Profile)}"], ignoreCase: true, out var profile)
        && Enum.IsDefined(profile)
            ? profile
            : RealTimeProfile.Embedded;
}
