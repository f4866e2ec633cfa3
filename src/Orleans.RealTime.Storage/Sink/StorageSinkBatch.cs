using Google.Protobuf;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Contracts.Validation;

namespace Orleans.RealTime.Storage;

/// <summary>
/// The sink's batching, free of Kafka: decodes and validates each record, collects its rows and the position after
/// it, says when the batch is due (<see cref="StorageSinkOptions.MaxBatchRows"/> rows or
/// <see cref="StorageSinkOptions.MaxBatchDelay"/> after the first record) and writes it, returning the offsets that may
/// be committed only now that the rows are stored. Records that do not decode or validate are skipped (their offset
/// still advances) and counted.
/// </summary>
/// <param name="options">Batch limits.</param>
/// <param name="validator">The shared event validator.</param>
/// <param name="timeProvider">The clock for the batch delay.</param>
public sealed class StorageSinkBatch(StorageSinkOptions options, UserInteractionValidator validator, TimeProvider timeProvider)
{
    private readonly List<EventRow> _rows = [];
    private readonly Dictionary<(string Topic, int Partition), long> _positions = [];
    private long? _startedAt;

    /// <summary>Rows collected so far.</summary>
    public int Rows => _rows.Count;

    /// <summary>Records skipped since creation because they did not decode or validate.</summary>
    public long Rejected { get; private set; }

    /// <summary>True when the batch should be written now.</summary>
    public bool IsDue => _rows.Count >= options.MaxBatchRows || (_startedAt is { } started && timeProvider.GetElapsedTime(started) >= options.MaxBatchDelay);

    /// <summary>How long a consumer may wait for the next record before the batch is due (the full delay when empty).</summary>
    public TimeSpan UntilDue => _startedAt is { } started
        ? TimeSpan.FromTicks(Math.Max(0, (options.MaxBatchDelay - timeProvider.GetElapsedTime(started)).Ticks))
        : options.MaxBatchDelay;

    /// <summary>Adds one record; returns the validation problem when it was skipped, else null.</summary>
    public string? Add(string topic, int partition, long offset, ReadOnlySpan<byte> value)
    {
        _startedAt ??= timeProvider.GetTimestamp();
        _positions[(topic, partition)] = offset + 1;
        UserInteraction interaction;
        try
        {
            interaction = UserInteraction.Parser.ParseFrom(value);
        }
        catch (InvalidProtocolBufferException exception)
        {
            Rejected++;
            return exception.Message;
        }

        var result = validator.Validate(interaction);
        if (!result.IsValid)
        {
            Rejected++;
            return result.ToString();
        }

        _rows.AddRange(EventRowMapper.ToRows(interaction));
        return null;
    }

    /// <summary>Writes the batch to <paramref name="store"/> and returns the positions to commit; the batch is empty afterwards.</summary>
    public async Task<IReadOnlyList<SinkPosition>> FlushAsync(ITierStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await store.WriteEventsAsync(_rows, cancellationToken);
        IReadOnlyList<SinkPosition> positions = [.. _positions.Select(p => new SinkPosition(p.Key.Topic, p.Key.Partition, p.Value))];
        _rows.Clear();
        _positions.Clear();
        _startedAt = null;
        return positions;
    }
}
