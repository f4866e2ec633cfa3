namespace Orleans.RealTime.LoadGen.Benchmarks.Grpc;

/// <summary>The figures of one <c>bench-grpc</c> run.</summary>
internal sealed record GrpcBenchmarkResult(CallLoadResult Trivial, CallLoadResult Recommendations, double IngestEventsPerSecond, double RawProducerEventsPerSecond);
