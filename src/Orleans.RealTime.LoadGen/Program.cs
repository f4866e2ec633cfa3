using System.CommandLine;
using Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;
using Orleans.RealTime.LoadGen.Benchmarks.Grpc;
using Orleans.RealTime.LoadGen.Benchmarks.Kafka;
using Orleans.RealTime.LoadGen.Benchmarks.Memory;
using Orleans.RealTime.LoadGen.Benchmarks.Storage;
using Orleans.RealTime.LoadGen.Clickstream;

var root = new RootCommand("Orleans.RealTime load generator and benchmarks.");
root.Subcommands.Add(ClickstreamCommand.Create());
root.Subcommands.Add(EndToEndBenchmarkCommand.Create());
root.Subcommands.Add(SessionMemoryCommand.Create());
root.Subcommands.Add(KafkaBenchmarkCommand.Create());
root.Subcommands.Add(StorageBenchmarkCommand.Create());
root.Subcommands.Add(GrpcBenchmarkCommand.Create());
return await root.Parse(args).InvokeAsync();
