using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orleans.RealTime.Storage;

/// <summary>Tiered storage metrics on the meter <see cref="MeterName"/>.</summary>
public sealed class StorageInstruments
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Orleans.RealTime.Storage";

    private readonly Counter<long> _daysMoved;
    private readonly Counter<long> _rowsMoved;
    private readonly Counter<long> _daysExpired;
    private readonly Histogram<double> _queryDuration;
    private readonly Counter<long> _budgetRejections;
    private readonly Counter<long> _sinkRecordsLost;

    /// <summary>Creates the instruments through <paramref name="meterFactory"/>.</summary>
    public StorageInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        // The factory owns the meter and disposes it with the container.
        var meter = meterFactory.Create(MeterName);
        _daysMoved = meter.CreateCounter<long>("realtime-storage-days-moved", description: "Days moved to a colder tier.");
        _rowsMoved = meter.CreateCounter<long>("realtime-storage-rows-moved", description: "Rows moved to a colder tier.");
        _daysExpired = meter.CreateCounter<long>("realtime-storage-days-expired", description: "Days deleted past cold retention.");
        _queryDuration = meter.CreateHistogram<double>("realtime-storage-query-duration", unit: "ms", description: "Routed query duration, tagged by the coldest tier that answered.");
        _budgetRejections = meter.CreateCounter<long>("realtime-storage-budget-rejections", description: "Queries refused or cancelled because their latency budget could not be met.");
        _sinkRecordsLost = meter.CreateCounter<long>(SinkRecordsLostName, unit: "{record}", description: "Records the storage sink never read because Kafka's retention removed them first (the log start passed its position).");
    }

    /// <summary>Records a day moved.</summary>
    public void DayMoved(StorageTier from, StorageTier to, long rows)
    {
        var tags = new TagList { { "from", from.ToString() }, { "to", to.ToString() } };
        _daysMoved.Add(1, tags);
        _rowsMoved.Add(rows, tags);
    }

    /// <summary>Records a routed query's duration.</summary>
    public void QueryAnswered(StorageTier? coldestTier, TimeSpan elapsed) =>
        _queryDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("tier", coldestTier?.ToString() ?? "none"));

    /// <summary>Records a query refused or cancelled for its budget.</summary>
    public void BudgetRejected(StorageTier tier) => _budgetRejections.Add(1, new KeyValuePair<string, object?>("tier", tier.ToString()));

    /// <summary>The name of the counter of records the storage sink lost to Kafka's retention.</summary>
    public const string SinkRecordsLostName = "realtime-storage-sink-retention-gap-records";

    /// <summary>Records <paramref name="count"/> records of <paramref name="partition"/> the sink lost to retention.</summary>
    public void SinkRecordsLost(int partition, long count) => _sinkRecordsLost.Add(count, new KeyValuePair<string, object?>("partition", partition));

    /// <summary>Records a day deleted past retention.</summary>
    public void DayExpired() => _daysExpired.Add(1);
}
