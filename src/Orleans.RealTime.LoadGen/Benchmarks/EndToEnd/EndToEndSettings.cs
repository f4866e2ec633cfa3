namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>Sizes of an end-to-end run.</summary>
/// <param name="WarmupEvents">Events written first and not measured (activations, JIT).</param>
/// <param name="SustainedRate">Events per second offered in the sustained phase.</param>
/// <param name="SustainedSeconds">How long the sustained phase offers them.</param>
/// <param name="ThroughputEvents">Events written as fast as possible (a backlog) to find the rate it is handled at.</param>
/// <param name="LatencySeconds">How long the latency phase runs at half the maximum rate.</param>
/// <param name="WatchedUsers">Users with an open WatchRecommendations stream.</param>
/// <param name="Partitions">Partitions of the embedded events topic.</param>
/// <param name="Semantics">The sessions' delivery semantics.</param>
/// <param name="LatencyRate">
/// Events per second of the latency phase; 0 for half the maximum sustained rate. A fixed rate compares two builds at
/// the same load (a short sustained phase measures the maximum loosely).
/// </param>
internal sealed record EndToEndSettings(int WarmupEvents, double SustainedRate, int SustainedSeconds, long ThroughputEvents, int LatencySeconds, int WatchedUsers, int Partitions, string Semantics, double LatencyRate);
