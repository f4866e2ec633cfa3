using System.IO.Hashing;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Orleans.RealTime.Storage;

/// <summary>
/// The rows one write appended to the events staging table, kept as their rollup fields and a hash of their key rather
/// than as rows: rows made while they are enumerated (the storage sink decodes them then) are garbage as soon as they
/// are appended. (Ten thousand rows held through a write outlived young-generation collections and lengthened every
/// pause that caught one.) The store reuses one instance under its write gate.
/// </summary>
/// <param name="keyHash">Hashes an event id; two staged keys with equal hashes make the write match keys exactly instead.</param>
internal sealed class StagedEvents(Func<string, ulong> keyHash)
{
    // Reused and cleared after every write: a set made per write grows past 85 KB into the large-object heap, where,
    // dead but uncollected until a full collection, it kept every event id of its write alive through young-generation
    // collections.
    private readonly HashSet<(string EventId, int Line)> _keys = [];
    private readonly List<(ulong KeyHash, RollupRow Row)> _rows = [];
    private readonly HashSet<(ulong KeyHash, int Line)> _hashes = [];
    private readonly Dictionary<long, int> _rowsPerDay = [];

    /// <summary>A store's staging with <see cref="XxHash3"/> of the event id's characters.</summary>
    public StagedEvents()
        : this(static id => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan())))
    {
    }

    /// <summary>Distinct rows staged.</summary>
    public int Count => _rows.Count;

    /// <summary>Whether two staged keys share a hash, so that inserted rows cannot be told apart by it.</summary>
    public bool Ambiguous { get; private set; }

    /// <summary>Rows staged per day, by the day's start in epoch ms.</summary>
    public IReadOnlyDictionary<long, int> RowsPerDay => _rowsPerDay;

    /// <summary>
    /// Appends <paramref name="rows"/> to the staging table <paramref name="stage"/> (in the caller's transaction),
    /// replacing what was staged before; a key repeated within them keeps its first row.
    /// </summary>
    public void Append(DuckDBConnection connection, string stage, IEnumerable<EventRow> rows)
    {
        Clear();
        using var appender = connection.CreateAppender("temp", "main", stage);
        try
        {
            foreach (var row in rows)
            {
                if (!_keys.Add((row.EventId, row.Line)))
                {
                    continue;
                }

                DuckDbRows.Append(appender, row);
                var hash = keyHash(row.EventId);
                Ambiguous |= !_hashes.Add((hash, row.Line));
                _rows.Add((hash, RollupRow.Of(row)));
                CollectionsMarshal.GetValueRefOrAddDefault(_rowsPerDay, DuckDbSchema.DayOf(row.Time.ToUnixTimeMilliseconds()), out _)++;
            }
        }
        finally
        {
            _keys.Clear();
        }
    }

    /// <summary>The hash of a key, to look up in the staged ones.</summary>
    public (ulong KeyHash, int Line) KeyOf(string eventId, int line) => (keyHash(eventId), line);

    /// <summary>
    /// The rollups of the staged rows whose key hash is in <paramref name="inserted"/>, or of all of them when it is
    /// null. Not to be used when <see cref="Ambiguous"/>.
    /// </summary>
    public RollupBatch Rollups(HashSet<(ulong KeyHash, int Line)>? inserted)
    {
        var rollups = new RollupBatch();
        foreach (var (hash, row) in _rows)
        {
            if (inserted is null || inserted.Contains((hash, row.Line)))
            {
                rollups.Add(row);
            }
        }

        return rollups;
    }

    /// <summary>Forgets the staged rows (their strings are not held between writes).</summary>
    public void Clear()
    {
        _rows.Clear();
        _hashes.Clear();
        _rowsPerDay.Clear();
        Ambiguous = false;
    }
}
