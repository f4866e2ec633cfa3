using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Storage;

/// <summary>Validates <see cref="StorageOptions"/> at start, naming the bad setting by its configuration key.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataPath))
        {
            failures.Add("Storage:DataPath must name a directory.");
        }

        if (options.DuckDbThreads is < 1 or > 1024)
        {
            failures.Add($"Storage:DuckDbThreads must be from 1 to 1024 (was {options.DuckDbThreads}).");
        }

        foreach (var tier in Enum.GetValues<StorageTier>())
        {
            var settings = options.Tier(tier);
            if (settings.Retention <= TimeSpan.Zero)
            {
                failures.Add($"Storage:{tier}:Retention must be positive (was {settings.Retention}).");
            }

            if (settings.ExpectedLatency <= TimeSpan.Zero)
            {
                failures.Add($"Storage:{tier}:ExpectedLatency must be positive (was {settings.ExpectedLatency}).");
            }
        }

        if (options.Warm.Retention <= options.Hot.Retention)
        {
            failures.Add($"Storage:Warm:Retention ({options.Warm.Retention}) must be longer than Storage:Hot:Retention ({options.Hot.Retention}).");
        }

        if (options.Cold.Retention <= options.Warm.Retention)
        {
            failures.Add($"Storage:Cold:Retention ({options.Cold.Retention}) must be longer than Storage:Warm:Retention ({options.Warm.Retention}).");
        }

        if (options.MaintenancePeriod < TimeSpan.FromMinutes(1))
        {
            failures.Add($"Storage:MaintenancePeriod must be at least one minute (was {options.MaintenancePeriod}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
