using System.Collections;
using System.Reflection;
using Orleans.Configuration;
using Orleans.RealTime.Gateway.Security;
using Orleans.RealTime.Host.Configuration;
using Orleans.RealTime.Recommendations;
using Orleans.RealTime.Storage;
using Orleans.RealTime.Streaming.Kafka;
using SessionOptions = Orleans.RealTime.Sessions.SessionOptions;

namespace Orleans.RealTime.Host.Tests;

/// <summary>
/// The configuration keys the host binds: each section with the options class bound from it, plus the keys read
/// directly. A key is known when it names a property path of its section's class (list indices and dictionary keys
/// allowed) or is one of the direct keys.
/// </summary>
internal static class ConfigurationSchema
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [RealTimeOptions.SectionName] = typeof(RealTimeOptions),
        [SiloSettings.SectionName] = typeof(SiloSettings),
        [ClusterSettings.SectionName] = typeof(ClusterSettings),
        [ClusterSettings.MembershipSection] = typeof(ClusterMembershipOptions),
        ["Kafka"] = typeof(KafkaStreamOptions),
        [StorageOptions.SectionName] = typeof(StorageOptions),
        [StorageOptions.SectionName + ":Sink"] = typeof(StorageSinkOptions),
        [ConfigurationKeys.ClickHouseSection] = typeof(ClickHouseStoreOptions),
        [SessionOptions.SectionName] = typeof(SessionOptions),
        [RecommendationOptions.SectionName] = typeof(RecommendationOptions),
        [ApiKeySettings.SectionName] = typeof(ApiKeySettings),
        [DashboardSettings.SectionName] = typeof(DashboardSettings),
        [WebSettings.SectionName] = typeof(WebSettings),
    };

    private static readonly HashSet<string> DirectKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ConfigurationKeys.KafkaBootstrapServers,
        ConfigurationKeys.StorageSinkEnabled,
        ConfigurationKeys.ClickHouseConnectionString,
    };

    /// <summary>Whether the host reads <paramref name="key"/> (<c>Section:Key</c> form).</summary>
    public static bool IsKnown(string key)
    {
        if (DirectKeys.Contains(key))
        {
            return true;
        }

        var segments = key.Split(':');
        for (var split = segments.Length - 1; split > 0; split--)
        {
            if (Sections.TryGetValue(string.Join(':', segments[..split]), out var type) && Binds(type, segments[split..]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Binds(Type type, string[] path)
    {
        if (path.Length == 0)
        {
            return true;
        }

        if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(TimeSpan) || type == typeof(decimal))
        {
            return false;
        }

        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            // A list index or a dictionary key, then the element.
            return Binds(type.GetGenericArguments()[^1], path[1..]);
        }

        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is not null && Binds(property.PropertyType, path[1..]);
    }
}
