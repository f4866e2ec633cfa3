namespace Orleans.RealTime.LoadGen.Benchmarks.Kafka;

/// <summary>What one benchmark run pushes.</summary>
/// <param name="Records">Records per run (the provider run and the raw run each get this many).</param>
/// <param name="Users">Distinct users; each is a record key and a grain.</param>
/// <param name="Partitions">Partitions of each benchmark topic.</param>
/// <param name="DeliveryBatch">Most records of one stream Orleans delivers to its grain in one call.</param>
internal sealed record KafkaBenchmarkSettings(int Records, int Users, int Partitions, int DeliveryBatch = 16)
{
    public void Validate()
    {
        if (Records < 1 || Users < 1 || Partitions < 1 || DeliveryBatch < 1)
        {
            throw new ArgumentException($"--records, --users, --partitions and --delivery-batch must be positive (were {Records}, {Users}, {Partitions}, {DeliveryBatch}).");
        }

        // The embedded broker keeps about 5 MiB per partition; records beyond that would be dropped before the run reads them.
        var capacity = Partitions * (5L * 1024 * 1024 / 360);
        if (Records > capacity)
        {
            throw new ArgumentException($"--records {Records} exceeds what {Partitions} partitions of the embedded broker retain (about {capacity}); add partitions.");
        }
    }
}
