using System.CommandLine;
using Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;
using Orleans.RealTime.LoadGen.Benchmarks.Memory;
using Orleans.RealTime.LoadGen.Clickstream;

var root = new RootCommand("Orleans.RealTime load generator and benchmarks.");
root.Subcommands.Add(ClickstreamCommand.Create());
root.Subcommands.Add(EndToEndBenchmarkCommand.Create());
root.Subcommands.Add(SessionMemoryCommand.Create());
return await root.Parse(args).InvokeAsync();
