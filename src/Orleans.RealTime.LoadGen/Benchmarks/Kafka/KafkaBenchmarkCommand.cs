using System.CommandLine;

namespace Orleans.RealTime.LoadGen.Benchmarks.Kafka;

/// <summary>The <c>bench-kafka</c> command.</summary>
internal static class KafkaBenchmarkCommand
{
    public static Command Create()
    {
        var records = new Option<int>("--records") { Description = "Records per run.", DefaultValueFactory = _ => 300_000 };
        var users = new Option<int>("--users") { Description = "Distinct users (record keys, grains).", DefaultValueFactory = _ => 10_000 };
        var partitions = new Option<int>("--partitions") { Description = "Partitions of each benchmark topic.", DefaultValueFactory = _ => 32 };
        var deliveryBatch = new Option<int>("--delivery-batch") { Description = "Most records of one stream delivered to its grain per call (Orleans' BatchContainerBatchSize), as in the host.", DefaultValueFactory = _ => 16 };
        var command = new Command("bench-kafka", "300-byte UserInteraction records through the Kafka stream provider into grains vs a raw Confluent.Kafka consume-and-decode loop, on the embedded broker.")
        {
            records,
            users,
            partitions,
            deliveryBatch,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var settings = new KafkaBenchmarkSettings(result.GetValue(records), result.GetValue(users), result.GetValue(partitions), result.GetValue(deliveryBatch));
            var report = await new KafkaBenchmark(settings, Console.Out).RunAsync(cancellation);
            Console.WriteLine(report);
            return 0;
        });
        return command;
    }
}
