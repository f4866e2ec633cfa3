namespace Orleans.RealTime.LoadGen.Benchmarks.Grpc;

/// <summary>Shape of a <c>bench-grpc</c> run.</summary>
/// <param name="Callers">Concurrent callers of each unary method.</param>
/// <param name="Seconds">Measured seconds of each unary method (after a warm-up of a fifth of that).</param>
/// <param name="WarmUsers">Users whose sessions and recommendations are warmed before the calls.</param>
/// <param name="IngestEvents">Events of each ingest phase.</param>
/// <param name="Streams">Concurrent PublishStream calls.</param>
/// <param name="EventsPerCall">Events per PublishStream call.</param>
/// <param name="Partitions">Partitions of the embedded topics.</param>
/// <param name="LingerMs">Ingest:LingerMs of the host (and the raw baseline).</param>
/// <param name="IngestTopic">Topic the ingest phases write to.</param>
internal sealed record GrpcBenchmarkSettings(
    int Callers, int Seconds, int WarmUsers, int IngestEvents, int Streams, int EventsPerCall, int Partitions, int LingerMs, string IngestTopic);
