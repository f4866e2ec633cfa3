using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Orleans.RealTime.Storage;

/// <summary>
/// The partial rollup rows of the event rows one write inserted, aggregated in memory and appended with the DuckDB
/// appender (inside the write's transaction): cheaper than three <c>INSERT … SELECT … GROUP BY</c> statements over a
/// staged delta. The funnel stage of a row matches <see cref="DuckDbQueries.StageMask"/>.
/// </summary>
internal sealed class RollupBatch
{
    private readonly Dictionary<(long Hour, string Type), long> _typeHours = [];
    private readonly Dictionary<(long Day, string Type, string Product), long> _productDays = [];
    private readonly Dictionary<(long Day, string User), FunnelDayEntry> _funnelDays = [];

    /// <summary>
    /// The funnel stage bit of a row of <paramref name="interactionType"/> about <paramref name="productId"/>: 1 view,
    /// 2 cart, 4 purchase, 0 none.
    /// </summary>
    public static byte Stage(string interactionType, string? productId) => interactionType switch
    {
        InteractionTypes.ProductClick => 1,
        InteractionTypes.PageView when productId is not null => 1,
        InteractionTypes.AddToCart => 2,
        InteractionTypes.Purchase => 4,
        _ => 0,
    };

    /// <summary>Appends the partial rollup rows to the rollup tables.</summary>
    public void Append(DuckDBConnection connection)
    {
        using (var appender = connection.CreateAppender("rollup_type_hour"))
        {
            foreach (var ((hour, type), count) in _typeHours)
            {
                appender.CreateRow().AppendValue(hour).AppendValue(type).AppendValue(count).EndRow();
            }
        }

        using (var appender = connection.CreateAppender("rollup_product_day"))
        {
            foreach (var ((day, type, product), count) in _productDays)
            {
                appender.CreateRow().AppendValue(day).AppendValue(type).AppendValue(product).AppendValue(count).EndRow();
            }
        }

        using (var appender = connection.CreateAppender("rollup_funnel_day"))
        {
            foreach (var ((day, user), entry) in _funnelDays)
            {
                var row = appender.CreateRow().AppendValue(day).AppendValue(user).AppendValue(entry.Bits);
                for (var stage = 0; stage < 3; stage++)
                {
                    row = row.AppendValue(entry.First(stage)).AppendValue(entry.Last(stage));
                }

                row.EndRow();
            }
        }
    }

    /// <summary>Adds one row (inserted once) to the aggregates.</summary>
    public void Add(in RollupRow row)
    {
        // Integer division as DuckDB's // does it, so that the grains equal those of rollups built in SQL.
        var ms = row.TimeMs;
        var day = ms / DuckDbSchema.DayMs * DuckDbSchema.DayMs;
        if (row.Line == 0)
        {
            var key = (ms / DuckDbRollups.HourMs * DuckDbRollups.HourMs, row.InteractionType);
            _typeHours[key] = _typeHours.GetValueOrDefault(key) + 1;
        }

        if (row.ProductId is not null)
        {
            var key = (day, row.InteractionType, row.ProductId);
            _productDays[key] = _productDays.GetValueOrDefault(key) + 1;
        }

        var stage = Stage(row.InteractionType, row.ProductId);
        if (stage != 0)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_funnelDays, (day, row.UserId), out _);
            entry.Add(stage, ms);
        }
    }
}
