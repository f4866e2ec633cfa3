using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Storage;

/// <summary>Validates <see cref="StorageSinkOptions"/> at start, naming the bad setting by its configuration key.</summary>
public sealed class StorageSinkOptionsValidator : IValidateOptions<StorageSinkOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            failures.Add("Storage:Sink:BootstrapServers must name the Kafka cluster (host:port[,host:port]).");
        }

        if (string.IsNullOrWhiteSpace(options.Topic))
        {
            failures.Add("Storage:Sink:Topic must name the events topic.");
        }

        if (string.IsNullOrWhiteSpace(options.GroupId))
        {
            failures.Add("Storage:Sink:GroupId must name the sink's consumer group.");
        }

        if (options.MaxBatchRows <= 0)
        {
            failures.Add($"Storage:Sink:MaxBatchRows must be positive (was {options.MaxBatchRows}).");
        }

        if (options.MaxBatchDelay <= TimeSpan.Zero)
        {
            failures.Add($"Storage:Sink:MaxBatchDelay must be positive (was {options.MaxBatchDelay}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
