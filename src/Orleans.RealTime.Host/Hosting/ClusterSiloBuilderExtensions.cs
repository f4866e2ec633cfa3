using Orleans.Configuration;
using Orleans.RealTime.Host.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.RealTime.Host.Hosting;

/// <summary>The Cluster profile's Orleans wiring: membership, default grain storage and membership timing on Redis.</summary>
internal static class ClusterSiloBuilderExtensions
{
    /// <summary>
    /// Redis clustering and default grain storage on <c>Cluster:Redis</c>, and <c>ClusterMembershipOptions</c> bound
    /// from <c>Cluster:Membership</c>. A missing or malformed connection string registers nothing here: the
    /// start then fails in <see cref="ClusterSettingsValidator"/>, naming the key.
    /// </summary>
    public static ISiloBuilder AddClusterProfile(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration(ClusterSettings.MembershipSection);
        if (RedisConfiguration.TryParse(configuration[ClusterSettings.RedisKey] ?? string.Empty) is null)
        {
            return silo;
        }

        var redis = configuration[ClusterSettings.RedisKey]!;
        silo.UseRedisClustering(options => options.ConfigurationOptions = RedisConfiguration.TryParse(redis));
        silo.AddRedisGrainStorageAsDefault(ob => ob.Configure<IServiceProvider>((options, services) =>
        {
            options.ConfigurationOptions = RedisConfiguration.TryParse(redis);
            options.GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        }));
        return silo;
    }

    /// <summary>The Redis connection string sessions and reminders use: <c>Sessions:Redis</c>, else <c>Cluster:Redis</c> in the Cluster profile.</summary>
    public static string? SessionRedis(IConfiguration configuration, RealTimeProfile profile)
    {
        var sessions = configuration[EventPipelineSiloBuilderExtensions.SessionsRedisKey];
        if (!string.IsNullOrWhiteSpace(sessions))
        {
            return sessions;
        }

        var cluster = configuration[ClusterSettings.RedisKey];
        return profile == RealTimeProfile.Cluster && RedisConfiguration.TryParse(cluster ?? string.Empty) is not null ? cluster : null;
    }
}
