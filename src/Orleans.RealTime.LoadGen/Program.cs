using System.CommandLine;
using Orleans.RealTime.LoadGen.Benchmarks.Kafka;
using Orleans.RealTime.LoadGen.Benchmarks.Storage;

var root = new RootCommand("Orleans.RealTime load generator and benchmarks.");
root.Subcommands.Add(KafkaBenchmarkCommand.Create());
root.Subcommands.Add(StorageBenchmarkCommand.Create());
return await root.Parse(args).InvokeAsync();
