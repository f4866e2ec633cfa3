using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.RealTime.Sessions.Storage;
using StackExchange.Redis;

namespace Orleans.RealTime.Sessions.Hosting;

/// <summary>Durable session persistence on Redis: grain state and the reminders that drive the idle TTL.</summary>
public static class SessionRedisSiloBuilderExtensions
{
    /// <summary>
    /// Stores session state in Redis as grain storage <see cref="SessionStreams.StorageName"/> (Orleans binary
    /// serialization) and keeps reminders in Redis, so TTL expiry survives deactivation and silo restarts.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="connectionString">A StackExchange.Redis connection string, e.g. <c>127.0.0.1:6379</c>.</param>
    /// <param name="reminders">Whether to also use Redis for reminders (false when the silo has its own reminder service).</param>
    public static ISiloBuilder AddRedisSessionPersistence(this ISiloBuilder builder, string connectionString, bool reminders = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.AddRedisGrainStorage(SessionStreams.StorageName, ob => ob.Configure<IServiceProvider>((options, services) =>
        {
            options.ConfigurationOptions = ConfigurationOptions.Parse(connectionString);
            options.GrainStorageSerializer = new PooledGrainStorageSerializer(services.GetRequiredService<Serializer>());
        }));
        if (reminders)
        {
            builder.UseRedisReminderService(options => options.ConfigurationOptions = ConfigurationOptions.Parse(connectionString));
        }

        return builder;
    }
}
