
namespace Orleans.RealTime.Streaming.Kafka;

/// <summary>Validates <see cref="KafkaStreamOptions"/> at start; every error names its setting.</summary>
/// <param name="options">The options of provider <paramref name="name"/>.</param>
/// <param name="name">The stream provider name.</param>
public sealed class KafkaStreamOptionsValidator(KafkaStreamOptions options, string name) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        var errors = Validate(options).ToList();
        if (errors.Count > 0)
        {
            throw new OrleansConfigurationException(
                $"Invalid {nameof(KafkaStreamOptions)} of stream provider '{name}': {string.Join(" ", errors)}");
        }
    }

    /// <summary>Lists every problem, each naming its setting.</summary>
    public static IEnumerable<string> Validate(KafkaStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            yield return $"{nameof(options.BootstrapServers)} is required.";
        }

        if (options.Topics.Count == 0 || options.Topics.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{nameof(options.Topics)} must list at least one topic and no empty names.";
        }
        else if (options.Topics.Distinct(StringComparer.Ordinal).Count() != options.Topics.Count)
        {
            yield return $"{nameof(options.Topics)} must not list a topic twice.";
        }

        if (string.IsNullOrWhiteSpace(options.ConsumerGroupId))
        {
            yield return $"{nameof(options.ConsumerGroupId)} is required.";
        }

        if (options.MaxBatchSize < 1)
        {
            yield return $"{nameof(options.MaxBatchSize)} must be at least 1 (was {options.MaxBatchSize}).";
        }

        if (options.CommitDelay < TimeSpan.Zero)
        {
            yield return $"{nameof(options.CommitDelay)} must not be negative (was {options.CommitDelay}).";
        }

        if (options.ReadWait < TimeSpan.Zero || options.ReadWait > TimeSpan.FromSeconds(10))
        {
            yield return $"{nameof(options.ReadWait)} must be from 0 to 00:00:10 (was {options.ReadWait}).";
        }

        if (options.CommitInterval <= TimeSpan.Zero)
        {
            yield return $"{nameof(options.CommitInterval)} must be positive (was {options.CommitInterval}).";
        }

        if (options.CacheSize < 10)
        {
            yield return $"{nameof(options.CacheSize)} must be at least 10 (was {options.CacheSize}).";
        }

        if (options.CacheMaxBytes < 1024)
        {
            yield return $"{nameof(options.CacheMaxBytes)} must be at least 1024 (was {options.CacheMaxBytes}).";
        }

        if (string.IsNullOrEmpty(options.DeadLetterSuffix))
        {
            yield return $"{nameof(options.DeadLetterSuffix)} is required.";
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            yield return $"{nameof(options.RequestTimeout)} must be positive (was {options.RequestTimeout}).";
        }

        if (options.StallWarningInterval <= TimeSpan.Zero)
        {
            yield return $"{nameof(options.StallWarningInterval)} must be positive (was {options.StallWarningInterval}).";
        }
    }
}
