using Confluent.Kafka;
using Google.Protobuf;

namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>
/// Writes generated events to Kafka (key = user_id), a duplicate copy where the generator asks for one, and keeps the
/// ledger of distinct events per user that the platform should report.
/// </summary>
internal sealed class ClickstreamWriter : IDisposable, IClickstreamSink
{
    private readonly IProducer<string, byte[]> _producer;
    private readonly string _topic;
    private readonly Dictionary<string, long> _expected = new(StringComparer.Ordinal);
    private long _failed;
    private long _delivered;

    public ClickstreamWriter(string bootstrap, string topic, int lingerMs)
    {
        _topic = topic;
        _producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrap,
            Partitioner = Partitioner.Murmur2Random,
            EnableIdempotence = true,
            LingerMs = lingerMs,
            QueueBufferingMaxMessages = 1_000_000,
        }).Build();
    }

    /// <summary>Records written, duplicates included.</summary>
    public long Records { get; private set; }

    public long Failed => Interlocked.Read(ref _failed);

    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Distinct events per user.</summary>
    public IReadOnlyDictionary<string, long> Expected => _expected;

    public void Write(GeneratedEvent generated) => Write(Serialize(generated));

    /// <summary>Writes an event serialized beforehand (so a benchmark can keep generation out of its timed phase).</summary>
    public void Write(SerializedEvent serialized)
    {
        Send(serialized.UserId, serialized.Value);
        if (serialized.SendTwice)
        {
            Send(serialized.UserId, serialized.Value);
        }

        _expected[serialized.UserId] = _expected.GetValueOrDefault(serialized.UserId) + 1;
    }

    /// <summary>The next <paramref name="count"/> events of <paramref name="generator"/>, serialized now (a benchmark then times only the writing).</summary>
    public static SerializedEvent[] Prepare(ClickstreamGenerator generator, long count)
    {
        var prepared = new SerializedEvent[count];
        for (long i = 0; i < prepared.Length; i++)
        {
            prepared[i] = Serialize(generator.Next());
        }

        return prepared;
    }

    /// <summary>The record value of <paramref name="generated"/> with its key and duplicate flag.</summary>
    public static SerializedEvent Serialize(GeneratedEvent generated) =>
        new(generated.Event.UserId, generated.Event.ToByteArray(), generated.SendTwice);

    /// <summary>Waits until every record is acknowledged (or failed).</summary>
    public void Flush() => _producer.Flush(TimeSpan.FromMinutes(2));

    public void Dispose() => _producer.Dispose();

    ValueTask IClickstreamSink.WriteAsync(GeneratedEvent generated, CancellationToken ct)
    {
        Write(generated);
        return ValueTask.CompletedTask;
    }

    Task IClickstreamSink.FlushAsync(CancellationToken ct)
    {
        Flush();
        return Task.CompletedTask;
    }

    ValueTask IAsyncDisposable.DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Send(string key, byte[] value)
    {
        while (true)
        {
            try
            {
                _producer.Produce(_topic, new Message<string, byte[]> { Key = key, Value = value }, OnDelivered);
                Records++;
                return;
            }
            catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                _producer.Poll(TimeSpan.FromMilliseconds(10));
            }
        }
    }

    private void OnDelivered(DeliveryReport<string, byte[]> report)
    {
        if (report.Error.IsError)
        {
            Interlocked.Increment(ref _failed);
        }
        else
        {
            Interlocked.Increment(ref _delivered);
        }
    }
}
