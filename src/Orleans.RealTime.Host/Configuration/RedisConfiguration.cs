using StackExchange.Redis;

namespace Orleans.RealTime.Host.Configuration;

/// <summary>Parses StackExchange.Redis connection strings without throwing.</summary>
internal static class RedisConfiguration
{
    /// <summary>The parsed options, or <see langword="null"/> when the string is malformed or names no endpoint.</summary>
    public static ConfigurationOptions? TryParse(string connectionString)
    {
        try
        {
            var options = ConfigurationOptions.Parse(connectionString);
            return options.EndPoints.Count > 0 ? options : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
