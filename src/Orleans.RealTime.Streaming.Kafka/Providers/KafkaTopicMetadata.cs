namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>Discovers each configured topic's partition count from the cluster's metadata.</summary>
internal static class KafkaTopicMetadata
{
    public static KafkaStreamQueueMapper CreateMapper(KafkaClients clients)
    {
        var options = clients.Options;
        using var admin = clients.CreateAdminClient();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var topic in options.Topics)
        {
            var metadata = admin.GetMetadata(topic, options.RequestTimeout).Topics.SingleOrDefault(t => t.Topic == topic);
            if (metadata is null || metadata.Error.IsError || metadata.Partitions.Count == 0)
            {
                throw new InvalidOperationException(
                    $"Kafka topic '{topic}' (from {nameof(KafkaStreamOptions.Topics)}) has no partitions on {options.BootstrapServers}: {metadata?.Error.Reason ?? "not found"}.");
            }

            counts[topic] = metadata.Partitions.Count;
        }

        return new KafkaStreamQueueMapper(counts);
    }
}
