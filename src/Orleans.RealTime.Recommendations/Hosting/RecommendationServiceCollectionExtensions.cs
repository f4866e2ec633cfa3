using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Recommendations.Model;

namespace Orleans.RealTime.Recommendations.Hosting;

/// <summary>Registers the recommendation model.</summary>
public static class RecommendationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the item model, trending, the batched updater (a hosted service) and the <see cref="Recommender"/>, with
    /// <see cref="RecommendationOptions"/> bound from the <c>Recommendations</c> section and validated at start.
    /// Calling it again only applies <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddRealTimeRecommendations(this IServiceCollection services, Action<RecommendationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RecommendationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(s => s.ServiceType == typeof(Recommender)))
        {
            return services;
        }

        options.BindConfiguration(RecommendationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecommendationOptions>, RecommendationOptionsValidator>());
        services.AddMetrics();
        services.TryAddKeyedSingleton(RealTimeClock.Key, TimeProvider.System);
        services.TryAddSingleton<RecommendationInstruments>();
        services.TryAddSingleton<ItemSimilarityModel>();
        services.TryAddSingleton<TrendingProducts>();
        services.TryAddSingleton<ModelUpdateQueue>();
        services.TryAddSingleton<ModelUpdater>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelUpdater>());
        services.TryAddSingleton<Recommender>();
        return services;
    }
}
