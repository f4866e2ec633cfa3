using System.CommandLine;
using Orleans.RealTime.LoadGen.Benchmarks.Kafka;

var root = new RootCommand("Orleans.RealTime load generator and benchmarks.");
root.Subcommands.Add(KafkaBenchmarkCommand.Create());
return await root.Parse(args).InvokeAsync();
