namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>Sizes of an end-to-end run.</summary>
/// <param name="ThroughputEvents">Events written as fast as possible to find the maximum rate.</param>
/// <param name="LatencySeconds">How long the latency phase runs at half the maximum rate.</param>
/// <param name="WatchedUsers">Users with an open WatchRecommendations stream.</param>
/// <param name="Partitions">Partitions of the embedded events topic.</param>
/// <param name="Semantics">The sessions' delivery semantics.</param>
internal sealed record EndToEndSettings(long ThroughputEvents, int LatencySeconds, int WatchedUsers, int Partitions, string Semantics);
