namespace Orleans.RealTime.Storage;

/// <summary>Turns rows into the RowBinary insert batches of a <see cref="ClickHouseTierStore"/>, in <see cref="ClickHouseSql"/> column order.</summary>
public static class ClickHouseBatches
{
    /// <summary>Splits event rows into batches of at most <paramref name="batchSize"/> value arrays.</summary>
    public static IEnumerable<object[][]> Events(IEnumerable<EventRow> rows, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return rows.Chunk(batchSize).Select(batch => batch.Select(Values).ToArray());
    }

    /// <summary>Splits session rows into batches of at most <paramref name="batchSize"/> value arrays.</summary>
    public static IEnumerable<object[][]> Sessions(IReadOnlyList<SessionRow> rows, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return rows.Chunk(batchSize).Select(batch => batch.Select(Values).ToArray());
    }

    /// <summary>The insert values of one event row (nulls for absent optional fields).</summary>
    public static object[] Values(EventRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.EventId, row.Line, row.Time.UtcDateTime, row.UserId, row.ClientSessionId!, row.InteractionType, row.ProductId!, row.Quantity!,
            row.UnitPriceMinor!, row.Currency!, row.OrderId!, row.DeviceType!, row.DeviceOs!, row.Country!, row.City!,
        ];
    }

    /// <summary>The insert values of one session row.</summary>
    public static object[] Values(SessionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [row.SessionId, row.UserId, row.Start.UtcDateTime, row.End.UtcDateTime, row.EventCount, row.PurchaseCount, row.RevenueMinor];
    }
}
