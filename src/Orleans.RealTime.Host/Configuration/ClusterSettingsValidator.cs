using System.Data.Common;
using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Host.Configuration;

/// <summary>
/// In the Cluster profile: Redis, the Kafka bootstrap and (when set) the ClickHouse connection string; each failure names
/// its key. It runs while the host is composed, because the Cluster wiring connects to these servers as soon as the
/// silo's services are resolved, before <c>ValidateOnStart</c> would report.
/// </summary>
internal sealed class ClusterSettingsValidator(IConfiguration configuration) : IValidateOptions<ClusterSettings>
{
    /// <summary>Throws <see cref="OptionsValidationException"/> when the Cluster profile's settings are missing or bad.</summary>
    public static void ThrowIfInvalid(IConfiguration configuration)
    {
        var settings = configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new();
        var result = new ClusterSettingsValidator(configuration).Validate(Options.DefaultName, settings);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ClusterSettings), result.Failures);
        }
    }

    public ValidateOptionsResult Validate(string? name, ClusterSettings options)
    {
        if (RealTimeProfiles.Of(configuration) != RealTimeProfile.Cluster)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            failures.Add($"{ClusterSettings.RedisKey} is required in the Cluster profile (a StackExchange.Redis connection string, e.g. 'redis:6379').");
        }
        else if (RedisConfiguration.TryParse(options.Redis) is null)
        {
            failures.Add($"{ClusterSettings.RedisKey} is not a valid StackExchange.Redis connection string (was '{options.Redis}').");
        }

        if (string.IsNullOrWhiteSpace(configuration[ConfigurationKeys.KafkaBootstrapServers]))
        {
            failures.Add($"{ConfigurationKeys.KafkaBootstrapServers} is required in the Cluster profile: it has no embedded broker (e.g. 'kafka:9092').");
        }

        var clickHouse = configuration[ConfigurationKeys.ClickHouseConnectionString];
        if (!string.IsNullOrWhiteSpace(clickHouse) && !HasHost(clickHouse))
        {
            failures.Add($"{ConfigurationKeys.ClickHouseConnectionString} must be a connection string with a Host, e.g. 'Host=clickhouse;Port=8123;Username=default' (was '{clickHouse}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool HasHost(string connectionString)
    {
        try
        {
            var parsed = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return parsed.TryGetValue("Host", out var host) && !string.IsNullOrWhiteSpace(host?.ToString());
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
