using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.RealTime.Gateway;
using Orleans.RealTime.Gateway.Ingest;
using Orleans.RealTime.Gateway.Security;
using Orleans.RealTime.Host.Configuration;
using Orleans.RealTime.Sessions.Summaries;
using Orleans.RealTime.Storage;

namespace Orleans.RealTime.Host.Hosting;

/// <summary>Composes the silo and the gRPC front end on a <see cref="WebApplicationBuilder"/>.</summary>
public static class RealTimeHostBuilderExtensions
{
    /// <summary>The gRPC address used when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>
    /// Adds the Orleans silo (Embedded profile: localhost clustering, in-memory storage and reminders, the embedded
    /// Kafka broker unless <c>Kafka:BootstrapServers</c> is set; Cluster profile: membership, grain storage and
    /// reminders on <c>Cluster:Redis</c>, Kafka at <c>Kafka:BootstrapServers</c>, hot and warm tiers on ClickHouse when
    /// <c>Storage:ClickHouse:ConnectionString</c> is set; both: sessions and recommendations), the tiered storage with
    /// its Kafka sink (unless <c>Storage:Sink:Enabled=false</c>) and the session summaries it keeps, the gRPC front end
    /// with health, reflection, ingest (to the sessions' Kafka unless <c>Ingest:BootstrapServers</c> is set), sessions,
    /// recommendations and analytics, and the dashboard; binds and validates every setting at start.
    /// </summary>
    /// <param name="builder">The web application builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddRealTimeHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ConfigureListeners(builder);
        var profile = RealTimeProfiles.Of(builder.Configuration);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(10));

        AddValidatedOptions<RealTimeOptions>(builder.Services, RealTimeOptions.SectionName);
        AddValidatedOptions<SiloSettings>(builder.Services, SiloSettings.SectionName);
        AddValidatedOptions<DashboardSettings>(builder.Services, DashboardSettings.SectionName);
        AddValidatedOptions<WebSettings>(builder.Services, WebSettings.SectionName);
        ClusterSettingsValidator.ThrowIfInvalid(builder.Configuration);

        var readiness = new SiloReadiness();
        builder.Services.AddRealTimeGateway().AddCheck("silo", readiness);
        builder.Services.AddHostedService<EndpointAnnouncer>();
        builder.Services.AddRealTimeIngest(EventPipelineSiloBuilderExtensions.BootstrapOf);
        if (profile == RealTimeProfile.Cluster)
        {
            builder.Services.AddClusterTiers(builder.Configuration);
        }

        builder.Services.AddRealTimeStorage();
        if (builder.Configuration.GetValue(ConfigurationKeys.StorageSinkEnabled, defaultValue: true))
        {
            builder.Services.AddStorageSink();
        }

        builder.Services.AddOptions<StorageSinkOptions>().Configure<IServiceProvider>((sink, services) =>
        {
            // The sink reads the same events topic as sessions, in its own consumer group.
            if (string.IsNullOrWhiteSpace(sink.BootstrapServers))
            {
                sink.BootstrapServers = EventPipelineSiloBuilderExtensions.BootstrapOf(services);
            }
        });
        builder.Services.AddSingleton<ISessionSummarySink, StorageSessionSummarySink>();
        builder.UseOrleans(silo =>
        {
            if (profile == RealTimeProfile.Cluster)
            {
                silo.AddClusterProfile(builder.Configuration);
            }
            else
            {
                silo.UseLocalhostClustering();
                silo.AddMemoryGrainStorageAsDefault();
            }

            silo.AddEventPipeline(builder.Configuration, profile);

            // Only when served: the dashboard's grain profiler wraps every grain call (an async frame and a timing each).
            if (builder.Configuration.GetValue($"{DashboardSettings.SectionName}:{nameof(DashboardSettings.Enabled)}", defaultValue: true))
            {
                silo.AddDashboard();
            }

            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(readiness);
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, TierMaintenanceStarter>();
            ConfigureSiloFromOptions(silo.Services, profile);
        });
        return builder;
    }

    /// <summary>
    /// gRPC endpoints (<c>--urls</c> / <c>ASPNETCORE_URLS</c>, default <see cref="DefaultUrl"/>) speak HTTP/2 only; the
    /// dashboard and the HTTP/JSON API get their own HTTP/1.1 listener (<c>Web:Url</c>) because a cleartext Kestrel
    /// endpoint cannot offer both protocols to clients that do not know in advance which one to speak.
    /// </summary>
    private static void ConfigureListeners(WebApplicationBuilder builder)
    {
        var grpcUrls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(grpcUrls))
        {
            grpcUrls = DefaultUrl;
        }

        var web = builder.Configuration.GetSection(WebSettings.SectionName).Get<WebSettings>() ?? new();
        var webPort = web.Port;
        var urls = webPort is null ? grpcUrls : $"{grpcUrls};{web.Url}";
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSingleton(new ListenerPlan(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        builder.Services.AddSingleton<IValidateOptions<ApiKeySettings>, ListenerSecurityValidator>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen =>
            listen.Protocols = listen.IPEndPoint?.Port == webPort ? HttpProtocols.Http1 : HttpProtocols.Http2));
    }

    private static void AddValidatedOptions<T>(IServiceCollection services, string section)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton(typeof(IValidateOptions<T>), typeof(HostOptionsValidator));
    }

    private static void ConfigureSiloFromOptions(IServiceCollection services, RealTimeProfile profile)
    {
        services.AddOptions<ClusterOptions>().Configure<IOptions<SiloSettings>>((cluster, silo) =>
        {
            cluster.ClusterId = silo.Value.ClusterId;
            cluster.ServiceId = silo.Value.ServiceId;
        });
        services.AddOptions<EndpointOptions>().Configure<IOptions<SiloSettings>>((endpoints, silo) =>
        {
            endpoints.AdvertisedIPAddress = AdvertisedAddress.Resolve(silo.Value.AdvertisedIPAddress, profile, AdvertisedAddress.InContainer);
            endpoints.SiloPort = silo.Value.SiloPort;
            endpoints.GatewayPort = silo.Value.GatewayPort;
        });
        if (profile == RealTimeProfile.Cluster)
        {
            return;
        }

        services.AddOptions<DevelopmentClusterMembershipOptions>().Configure<IOptions<SiloSettings>>(
            (membership, silo) => membership.PrimarySiloEndpoint = new IPEndPoint(IPAddress.Loopback, silo.Value.SiloPort));
    }
}
