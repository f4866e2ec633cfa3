using Grpc.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Gateway.Grpc;
using Orleans.RealTime.Gateway.Security;

namespace Orleans.RealTime.Gateway;

/// <summary>Registers the gRPC front end.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds gRPC with HTTP/JSON transcoding of the read APIs, grpc.health.v1 health reporting (checks run on each <c>Check</c> call) and server reflection over
    /// the whole <c>realtime.v1</c> contract, so grpcurl and other generic clients can discover it. When
    /// <c>Security:ApiKeys</c> holds keys, every endpoint but health requires one (header <c>x-api-key</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The health checks builder, to add the checks that decide SERVING.</returns>
    public static IHealthChecksBuilder AddRealTimeGateway(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddGrpc().AddJsonTranscoding();
        services.AddMetrics();
        services.TryAddSingleton<GatewayInstruments>();
        services.AddSingleton(new ReflectionServiceImpl(ApiContract.AllServices));
        services.AddSingleton(new ReflectionV1ServiceImpl(ApiContract.AllServices));
        services.AddGrpcHealthChecks(options => options.UseHealthChecksCache = false);
        AddApiKeySecurity(services);
        return services.AddHealthChecks();
    }

    private static void AddApiKeySecurity(IServiceCollection services)
    {
        services.AddOptions<ApiKeySettings>().BindConfiguration(ApiKeySettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeySettings>, ApiKeySettingsValidator>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<ApiKeySettings>>((authorization, keys) =>
        {
            if (keys.Value.Required)
            {
                authorization.FallbackPolicy = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
                    .RequireAuthenticatedUser()
                    .Build();
            }
        });
    }
}
