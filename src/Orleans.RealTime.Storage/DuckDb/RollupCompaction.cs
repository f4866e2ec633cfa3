namespace Orleans.RealTime.Storage;

/// <summary>
/// Decides when a day's appended rollup rows are compacted: after about <paramref name="rowsPerCompaction"/> event
/// rows have been written to the day since its last compaction, or once a later day is written (the day has closed)
/// after at least a twentieth of that. Only speed depends on it, never an answer. Used under the store's write gate.
/// </summary>
/// <param name="rowsPerCompaction">Event rows written to a day between two compactions of its rollups.</param>
internal sealed class RollupCompaction(int rowsPerCompaction)
{
    private readonly SortedDictionary<long, long> _writtenSinceCompaction = [];

    /// <summary>
    /// Counts a batch's rows per day (by the day's start in epoch ms) and returns the start of each day now due for
    /// compaction.
    /// </summary>
    public IReadOnlyList<long> Due(IReadOnlyDictionary<long, int> rowsPerDay)
    {
        var due = new List<long>();
        foreach (var (day, rows) in rowsPerDay)
        {
            _writtenSinceCompaction[day] = _writtenSinceCompaction.GetValueOrDefault(day) + rows;
        }

        var newest = _writtenSinceCompaction.Keys.Max();
        foreach (var (day, written) in _writtenSinceCompaction)
        {
            if (written >= rowsPerCompaction || (day < newest && written >= Math.Max(1, rowsPerCompaction / 20)))
            {
                due.Add(day);
            }
        }

        foreach (var day in due)
        {
            _writtenSinceCompaction.Remove(day);
        }

        return due;
    }
}
