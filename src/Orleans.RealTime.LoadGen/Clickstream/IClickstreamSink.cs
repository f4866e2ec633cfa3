namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>Where the clickstream command writes events: Kafka directly, or the platform's IngestService.</summary>
internal interface IClickstreamSink : IAsyncDisposable
{
    /// <summary>Records written, duplicates included.</summary>
    long Records { get; }

    /// <summary>Records whose delivery failed (known after <see cref="FlushAsync"/>).</summary>
    long Failed { get; }

    /// <summary>Distinct events per user.</summary>
    IReadOnlyDictionary<string, long> Expected { get; }

    ValueTask WriteAsync(GeneratedEvent generated, CancellationToken ct);

    /// <summary>Waits until every record is acknowledged (or failed).</summary>
    Task FlushAsync(CancellationToken ct);
}
