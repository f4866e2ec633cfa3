namespace Orleans.RealTime.LoadGen.Benchmarks.Grpc;

/// <summary>Throughput and latency of one unary method under concurrent callers.</summary>
internal sealed record CallLoadResult(string Name, double CallsPerSecond, double P50Ms, double P99Ms, long Calls, long Failures);
