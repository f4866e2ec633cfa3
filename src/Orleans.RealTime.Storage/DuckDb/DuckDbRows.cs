using System.Data.Common;
using DuckDB.NET.Data;

namespace Orleans.RealTime.Storage;

/// <summary>Reads and appends rows in the column order of <see cref="DuckDbSchema"/>.</summary>
internal static class DuckDbRows
{
    public static EventRow ReadEvent(DbDataReader reader) => new()
    {
        EventId = reader.GetString(0),
        Line = reader.GetInt32(1),
        Time = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        UserId = reader.GetString(3),
        ClientSessionId = NullableString(reader, 4),
        InteractionType = reader.GetString(5),
        ProductId = NullableString(reader, 6),
        Quantity = reader.IsDBNull(7) ? null : reader.GetInt32(7),
        UnitPriceMinor = reader.IsDBNull(8) ? null : reader.GetInt64(8),
        Currency = NullableString(reader, 9),
        OrderId = NullableString(reader, 10),
        DeviceType = NullableString(reader, 11),
        DeviceOs = NullableString(reader, 12),
        Country = NullableString(reader, 13),
        City = NullableString(reader, 14),
    };

    public static SessionRow ReadSession(DbDataReader reader) => new()
    {
        SessionId = reader.GetString(0),
        UserId = reader.GetString(1),
        Start = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        End = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        EventCount = reader.GetInt32(4),
        PurchaseCount = reader.GetInt32(5),
        RevenueMinor = reader.GetInt64(6),
    };

    public static void Append(DuckDBAppender appender, EventRow row) => appender.CreateRow()
        .AppendValue(row.EventId)
        .AppendValue(row.Line)
        .AppendValue(row.Time.ToUnixTimeMilliseconds())
        .AppendValue(row.UserId)
        .AppendValue(row.ClientSessionId)
        .AppendValue(row.InteractionType)
        .AppendValue(row.ProductId)
        .AppendValue(row.Quantity)
        .AppendValue(row.UnitPriceMinor)
        .AppendValue(row.Currency)
        .AppendValue(row.OrderId)
        .AppendValue(row.DeviceType)
        .AppendValue(row.DeviceOs)
        .AppendValue(row.Country)
        .AppendValue(row.City)
        .EndRow();

    public static void Append(DuckDBAppender appender, SessionRow row) => appender.CreateRow()
        .AppendValue(row.SessionId)
        .AppendValue(row.UserId)
        .AppendValue(row.Start.ToUnixTimeMilliseconds())
        .AppendValue(row.End.ToUnixTimeMilliseconds())
        .AppendValue(row.EventCount)
        .AppendValue(row.PurchaseCount)
        .AppendValue(row.RevenueMinor)
        .EndRow();

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
