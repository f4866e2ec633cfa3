using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Gateway.Ingest;

/// <summary>Validates <see cref="IngestOptions"/> at start; each failure names its configuration key.</summary>
internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    private static readonly string[] FixedSettings =
    [
        "bootstrap.servers", "enable.idempotence", "acks", "request.required.acks", "partitioner", "message.timeout.ms", "delivery.timeout.ms", "linger.ms",
    ];

    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = new List<string>();
        Require(failures, !string.IsNullOrWhiteSpace(options.BootstrapServers), nameof(IngestOptions.BootstrapServers), "is required");
        Require(failures, !string.IsNullOrWhiteSpace(options.Topic), nameof(IngestOptions.Topic), "is required");
        Require(
            failures,
            options.DeliveryTimeout > TimeSpan.FromMilliseconds(options.LingerMs) && options.DeliveryTimeout <= TimeSpan.FromMinutes(15),
            nameof(IngestOptions.DeliveryTimeout),
            $"must be longer than LingerMs and at most 00:15:00 (was {options.DeliveryTimeout})");
        Require(failures, options.MaxReceiveMessageSize is >= 1024, nameof(IngestOptions.MaxReceiveMessageSize), $"must be at least 1024 bytes (was {options.MaxReceiveMessageSize})");
        Require(failures, options.MaxEventsPerStream >= 1, nameof(IngestOptions.MaxEventsPerStream), $"must be at least 1 (was {options.MaxEventsPerStream})");
        Require(failures, options.MaxInFlightPerStream >= 1, nameof(IngestOptions.MaxInFlightPerStream), $"must be at least 1 (was {options.MaxInFlightPerStream})");
        Require(failures, options.MaxReportedErrors >= 0, nameof(IngestOptions.MaxReportedErrors), $"must not be negative (was {options.MaxReportedErrors})");
        Require(failures, options.LingerMs is >= 0 and <= 1000, nameof(IngestOptions.LingerMs), $"must be from 0 to 1000 (was {options.LingerMs})");
        foreach (var key in options.ProducerSettings.Keys.Where(k => FixedSettings.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            failures.Add($"{IngestOptions.SectionName}:{nameof(IngestOptions.ProducerSettings)}:{key} cannot be set: the ingest producer is idempotent with acks=all, murmur2 partitioning; set BootstrapServers, DeliveryTimeout and LingerMs instead.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool condition, string key, string problem)
    {
        if (!condition)
        {
            failures.Add($"{IngestOptions.SectionName}:{key} {problem}.");
        }
    }
}
