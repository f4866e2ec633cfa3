using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Sessions;

/// <summary>Rejects session settings that cannot work, naming the setting.</summary>
public sealed class SessionOptionsValidator : IValidateOptions<SessionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = SessionOptions.SectionName;
        var failures = new List<string>();
        if (!Enum.IsDefined(options.DeliverySemantics))
        {
            failures.Add($"{s}:{nameof(options.DeliverySemantics)} must be AtMostOnce, AtLeastOnce or ExactlyOnce (was {options.DeliverySemantics}).");
        }

        Positive(failures, options.IdleTimeout, $"{s}:{nameof(options.IdleTimeout)}");
        Positive(failures, options.DeactivateAfterIdle, $"{s}:{nameof(options.DeactivateAfterIdle)}");
        Positive(failures, options.ExpiryCheckInterval, $"{s}:{nameof(options.ExpiryCheckInterval)}");
        Positive(failures, options.PersistInterval, $"{s}:{nameof(options.PersistInterval)}");
        Positive(failures, options.WatchLease, $"{s}:{nameof(options.WatchLease)}");
        if (options.PageViewRecomputeInterval < TimeSpan.Zero)
        {
            failures.Add($"{s}:{nameof(options.PageViewRecomputeInterval)} must not be negative (was {options.PageViewRecomputeInterval}).");
        }

        if (options.DeactivateAfterIdle >= options.IdleTimeout)
        {
            failures.Add($"{s}:{nameof(options.DeactivateAfterIdle)} must be shorter than {nameof(options.IdleTimeout)} (was {options.DeactivateAfterIdle} vs {options.IdleTimeout}).");
        }

        if (options.RecentProductLimit is < 1 or > 1_000)
        {
            failures.Add($"{s}:{nameof(options.RecentProductLimit)} must be from 1 to 1000 (was {options.RecentProductLimit}).");
        }

        if (options.DedupWindow is < 1 or > 100_000)
        {
            failures.Add($"{s}:{nameof(options.DedupWindow)} must be from 1 to 100000 (was {options.DedupWindow}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, TimeSpan value, string setting)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{setting} must be positive (was {value}).");
        }
    }
}
