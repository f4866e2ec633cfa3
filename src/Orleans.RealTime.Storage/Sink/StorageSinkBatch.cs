using Google.Protobuf;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Contracts.Text;
using Orleans.RealTime.Contracts.Validation;

namespace Orleans.RealTime.Storage;

/// <summary>
/// The sink's batching, free of Kafka: collects records and the position after each, says when the batch is due
/// (<see cref="StorageSinkOptions.MaxBatchRows"/> records or <see cref="StorageSinkOptions.MaxBatchDelay"/> after the
/// first) and writes it, returning the offsets that may be committed only now that the rows are stored. Records are
/// kept as the bytes Kafka delivered and decoded as the store appends them: decoded events and their rows held for up
/// to a second, or through a whole write, outlived young-generation collections. The bytes are copied into one buffer
/// the batch reuses, so the client's array per record dies young too and the batch holds no young object between
/// writes.
/// (Writing in smaller chunks to shorten the rows' life was tried: 5,000-record chunks left the sink 100k records
/// behind at 30,000 events/s where whole batches keep up.) Records that do not decode or validate are skipped (their
/// offset still advances) and reported.
/// </summary>
/// <param name="options">Batch limits.</param>
/// <param name="validator">The shared event validator.</param>
/// <param name="timeProvider">The clock for the batch delay.</param>
public sealed class StorageSinkBatch(StorageSinkOptions options, UserInteractionValidator validator, TimeProvider timeProvider)
{
    // Topics, user and product ids, currencies, device and location names: one instance of each for all records and
    // rows (the staged rollup fields of a write hold them, see StagedEvents).
    private const int NameCapacity = 100_000;

    private readonly List<PendingRecord> _records = [];
    private readonly NamePool _names = new(NameCapacity);
    private readonly Dictionary<(string Topic, int Partition), long> _positions = [];
    private byte[] _buffer = new byte[64 * 1024];
    private int _used;
    private long? _startedAt;

    /// <summary>Records collected so far.</summary>
    public int Records => _records.Count;

    /// <summary>Records skipped since creation because they did not decode or validate.</summary>
    public long Rejected { get; private set; }

    /// <summary>True when the batch should be written now.</summary>
    public bool IsDue => _records.Count >= options.MaxBatchRows || (_startedAt is { } started && timeProvider.GetElapsedTime(started) >= options.MaxBatchDelay);

    /// <summary>How long a consumer may wait for the next record before the batch is due (the full delay when empty).</summary>
    public TimeSpan UntilDue => _startedAt is { } started
        ? TimeSpan.FromTicks(Math.Max(0, (options.MaxBatchDelay - timeProvider.GetElapsedTime(started)).Ticks))
        : options.MaxBatchDelay;

    /// <summary>Adds one record; the batch copies <paramref name="value"/> and keeps the copy until it is written.</summary>
    public void Add(string topic, int partition, long offset, ReadOnlySpan<byte> value)
    {
        ArgumentNullException.ThrowIfNull(topic);
        _startedAt ??= timeProvider.GetTimestamp();

        // A caller passing the Kafka client's topic hands a new string with every record (the storage sink passes its
        // configured topic instead).
        topic = _names.Get(topic);
        _positions[(topic, partition)] = offset + 1;
        if (_buffer.Length - _used < value.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _used + value.Length));
        }

        value.CopyTo(_buffer.AsSpan(_used));
        _records.Add(new PendingRecord(topic, partition, offset, _used, value.Length));
        _used += value.Length;
    }

    /// <summary>
    /// Decodes and validates the batch's records, writes their rows to <paramref name="store"/> and returns the
    /// positions to commit with what was skipped; the batch is empty afterwards. The rows are decoded as the store
    /// enumerates them, so none outlives its append.
    /// </summary>
    public async Task<SinkFlush> FlushAsync(ITierStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rejected = new List<SinkRejection>();
        var rows = 0;
        await store.WriteEventsAsync(Decoded(rejected, () => rows++), cancellationToken);
        Rejected += rejected.Count;
        var flush = new SinkFlush([.. _positions.Select(p => new SinkPosition(p.Key.Topic, p.Key.Partition, p.Value))], rows, rejected);
        _records.Clear();
        _used = 0;
        _positions.Clear();
        _startedAt = null;
        return flush;
    }

    /// <summary>The record's event, or the problem when it does not decode or validate.</summary>
    private (UserInteraction? Event, string? Problem) Decode(PendingRecord record)
    {
        UserInteraction interaction;
        try
        {
            interaction = UserInteraction.Parser.ParseFrom(_buffer.AsSpan(record.Start, record.Length));
        }
        catch (InvalidProtocolBufferException exception)
        {
            return (null, exception.Message);
        }

        var result = validator.Validate(interaction);
        return result.IsValid ? (interaction, null) : (null, result.ToString());
    }

    /// <summary>The rows of the batch's valid records, decoded as they are enumerated; the others are added to <paramref name="rejected"/>.</summary>
    private IEnumerable<EventRow> Decoded(List<SinkRejection> rejected, Action counted)
    {
        foreach (var record in _records)
        {
            var (interaction, problem) = Decode(record);
            if (interaction is null)
            {
                rejected.Add(new SinkRejection(record.Topic, record.Partition, record.Offset, problem!));
                continue;
            }

            foreach (var row in EventRowMapper.ToRows(interaction, _names))
            {
                counted();
                yield return row;
            }
        }
    }

    private readonly record struct PendingRecord(string Topic, int Partition, long Offset, int Start, int Length);
}
