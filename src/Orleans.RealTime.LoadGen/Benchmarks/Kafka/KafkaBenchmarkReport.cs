using System.Globalization;

namespace Orleans.RealTime.LoadGen.Benchmarks.Kafka;

/// <summary>The provider's rate next to the raw loop's, measured in one run on one broker.</summary>
internal sealed record KafkaBenchmarkReport(KafkaBenchmarkRun Provider, KafkaBenchmarkRun Raw)
{
    public double Ratio => Provider.Rate / Raw.Rate;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"provider {Provider.Rate:N0} records/s, raw consume+decode {Raw.Rate:N0} records/s, ratio {Ratio:F2} (targets: >= 50,000 records/s, ratio >= 0.5)");
}
