using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Recommendations;

/// <summary>Rejects recommendation settings that cannot work, naming the setting.</summary>
public sealed class RecommendationOptionsValidator : IValidateOptions<RecommendationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RecommendationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = RecommendationOptions.SectionName;
        var failures = new List<string>();
        Require(failures, options.TopN is >= 1 and <= 1_000, $"{s}:{nameof(options.TopN)} must be from 1 to 1000 (was {options.TopN}).");
        Require(failures, options.CoOccurrenceWindow is >= 1 and <= 100, $"{s}:{nameof(options.CoOccurrenceWindow)} must be from 1 to 100 (was {options.CoOccurrenceWindow}).");
        Require(failures, options.MaxNeighbors is >= 1 and <= 10_000, $"{s}:{nameof(options.MaxNeighbors)} must be from 1 to 10000 (was {options.MaxNeighbors}).");
        Require(failures, options.CoViewWeight >= 0 && options.CoCartWeight >= 0 && options.CoPurchaseWeight >= 0, $"{s}: pair weights must not be negative.");
        Require(failures, options.TrendingHalfLife > TimeSpan.Zero, $"{s}:{nameof(options.TrendingHalfLife)} must be positive (was {options.TrendingHalfLife}).");
        Require(failures, options.TrendingSize >= options.TopN, $"{s}:{nameof(options.TrendingSize)} must be at least TopN (was {options.TrendingSize}).");
        Require(failures, options.FlushInterval > TimeSpan.Zero, $"{s}:{nameof(options.FlushInterval)} must be positive (was {options.FlushInterval}).");
        Require(failures, options.RepublishInterval >= TimeSpan.Zero, $"{s}:{nameof(options.RepublishInterval)} must not be negative (was {options.RepublishInterval}).");
        Require(failures, options.MaxBatchSize >= 1, $"{s}:{nameof(options.MaxBatchSize)} must be at least 1 (was {options.MaxBatchSize}).");
        Require(failures, options.MaxPendingUpdates >= options.MaxBatchSize, $"{s}:{nameof(options.MaxPendingUpdates)} must be at least MaxBatchSize (was {options.MaxPendingUpdates}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add(message);
        }
    }
}
