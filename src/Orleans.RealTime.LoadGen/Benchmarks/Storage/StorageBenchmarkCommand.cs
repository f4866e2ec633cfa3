using System.CommandLine;
using Orleans.RealTime.Storage;

namespace Orleans.RealTime.LoadGen.Benchmarks.Storage;

/// <summary>The <c>bench-storage</c> command: tier store inserts and typed query latencies, with their baselines.</summary>
internal static class StorageBenchmarkCommand
{
    public static Command Create()
    {
        var defaults = new StorageBenchmarkOptions();
        var insertRows = new Option<long>("--insert-rows") { Description = "Rows in the insert benchmark (hot tier vs a bare DuckDB appender).", DefaultValueFactory = _ => defaults.InsertRows };
        var insertRounds = new Option<int>("--insert-rounds") { Description = "Rounds of the insert benchmark, each a bare appender loop then the hot tier.", DefaultValueFactory = _ => defaults.InsertRounds };
        var hotEvents = new Option<long>("--hot-events") { Description = "Events in the hot tier, over 7 days.", DefaultValueFactory = _ => defaults.HotEvents };
        var warmEvents = new Option<long>("--warm-events") { Description = "Events in the warm tier, over 90 days.", DefaultValueFactory = _ => defaults.WarmEvents };
        var coldDays = new Option<int>("--cold-days") { Description = "Daily Parquet files in the cold tier.", DefaultValueFactory = _ => defaults.ColdDays };
        var runs = new Option<int>("--runs") { Description = "Runs of each query (p50/p99 over them).", DefaultValueFactory = _ => defaults.QueryRuns };
        var data = new Option<string?>("--data") { Description = "Scratch directory (deleted and recreated); a temporary one by default." };
        var command = new Command("bench-storage", "Sink-sized inserts into the DuckDB hot tier beside a bare appender loop; typed query p50/p99 on the hot, warm and cold tiers.")
        {
            insertRows,
            insertRounds,
            hotEvents,
            warmEvents,
            coldDays,
            runs,
            data,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var options = new StorageBenchmarkOptions
            {
                InsertRows = result.GetValue(insertRows),
                InsertRounds = result.GetValue(insertRounds),
                HotEvents = result.GetValue(hotEvents),
                WarmEvents = result.GetValue(warmEvents),
                ColdDays = result.GetValue(coldDays),
                QueryRuns = result.GetValue(runs),
                DataPath = result.GetValue(data),
            };
            await StorageBenchmark.RunAsync(Console.Out, options, cancellation);
            return 0;
        });
        return command;
    }
}
