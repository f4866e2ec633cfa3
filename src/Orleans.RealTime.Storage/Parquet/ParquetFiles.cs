using Parquet;
using Parquet.Schema;

namespace Orleans.RealTime.Storage;

/// <summary>Writes event and session rows as Parquet files (one row group) with Parquet.Net, column names as in DuckDB.</summary>
internal static class ParquetFiles
{
    private static readonly DataField<string> EventId = new("event_id", false);
    private static readonly DataField<int> Line = new("line", false);
    private static readonly DataField<long> TimeMs = new("time_ms", false);
    private static readonly DataField<string> UserId = new("user_id", false);
    private static readonly DataField<string> ClientSessionId = new("client_session_id", true);
    private static readonly DataField<string> InteractionType = new("interaction_type", false);
    private static readonly DataField<string> ProductId = new("product_id", true);
    private static readonly DataField<int?> Quantity = new("quantity", true);
    private static readonly DataField<long?> UnitPriceMinor = new("unit_price_minor", true);
    private static readonly DataField<string> Currency = new("currency", true);
    private static readonly DataField<string> OrderId = new("order_id", true);
    private static readonly DataField<string> DeviceType = new("device_type", true);
    private static readonly DataField<string> DeviceOs = new("device_os", true);
    private static readonly DataField<string> Country = new("country", true);
    private static readonly DataField<string> City = new("city", true);

    private static readonly DataField<string> SessionId = new("session_id", false);
    private static readonly DataField<string> SessionUserId = new("user_id", false);
    private static readonly DataField<long> StartMs = new("start_ms", false);
    private static readonly DataField<long> EndMs = new("end_ms", false);
    private static readonly DataField<int> EventCount = new("event_count", false);
    private static readonly DataField<int> PurchaseCount = new("purchase_count", false);
    private static readonly DataField<long> RevenueMinor = new("revenue_minor", false);

    private static readonly ParquetSchema EventSchema = new(
        EventId, Line, TimeMs, UserId, ClientSessionId, InteractionType, ProductId, Quantity, UnitPriceMinor, Currency, OrderId, DeviceType, DeviceOs, Country, City);

    private static readonly ParquetSchema SessionSchema = new(SessionId, SessionUserId, StartMs, EndMs, EventCount, PurchaseCount, RevenueMinor);

    public static async Task WriteEventsAsync(string path, IReadOnlyList<EventRow> rows, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        await using (var writer = await ParquetWriter.CreateAsync(EventSchema, stream, cancellationToken: cancellationToken))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(EventId, Strings(rows, r => r.EventId));
            await group.WriteAsync<int>(Line, rows.Select(r => r.Line).ToArray(), cancellationToken: cancellationToken);
            await group.WriteAsync<long>(TimeMs, rows.Select(r => r.Time.ToUnixTimeMilliseconds()).ToArray(), cancellationToken: cancellationToken);
            await group.WriteAsync(UserId, Strings(rows, r => r.UserId));
            await group.WriteAsync(ClientSessionId, Strings(rows, r => r.ClientSessionId));
            await group.WriteAsync(InteractionType, Strings(rows, r => r.InteractionType));
            await group.WriteAsync(ProductId, Strings(rows, r => r.ProductId));
            await group.WriteAsync<int>(Quantity, rows.Select(r => r.Quantity).ToArray(), cancellationToken: cancellationToken);
            await group.WriteAsync<long>(UnitPriceMinor, rows.Select(r => r.UnitPriceMinor).ToArray(), cancellationToken: cancellationToken);
            await group.WriteAsync(Currency, Strings(rows, r => r.Currency));
            await group.WriteAsync(OrderId, Strings(rows, r => r.OrderId));
            await group.WriteAsync(DeviceType, Strings(rows, r => r.DeviceType));
            await group.WriteAsync(DeviceOs, Strings(rows, r => r.DeviceOs));
            await group.WriteAsync(Country, Strings(rows, r => r.Country));
            await group.WriteAsync(City, Strings(rows, r => r.City));
        }

        stream.Flush(flushToDisk: true);
    }

    public static async Task WriteSessionsAsync(string path, IReadOnlyList<SessionRow> rows, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        await using (var writer = await ParquetWriter.CreateAsync(SessionSchema, stream, cancellationToken: cancellationToken))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(SessionId, Strings(rows, r => r.SessionId));
            await group.WriteAsync(SessionUserId, Strings(rows, r => r.UserId));
            await group.WriteAsync<long>(StartMs, rows.Select(r => r.Start.ToUnixTimeMilliseconds()).ToArray(), cancellationToken: cancellationToken);
            await group.WriteAsync<long>(EndMs, rows.Select(r => r.End.ToUnixTimeMilliseconds()).ToArray(), cancellationToken: cancellationToken);
            await group.WriteAsync<int>(EventCount, rows.Select(r => r.EventCount).ToArray(), cancellationToken: cancellationToken);
            await group.WriteAsync<int>(PurchaseCount, rows.Select(r => r.PurchaseCount).ToArray(), cancellationToken: cancellationToken);
            await group.WriteAsync<long>(RevenueMinor, rows.Select(r => r.RevenueMinor).ToArray(), cancellationToken: cancellationToken);
        }

        stream.Flush(flushToDisk: true);
    }

    // Parquet.Net takes nullable string columns as a collection of string; nulls are written as nulls.
    private static string[] Strings<T>(IReadOnlyList<T> rows, Func<T, string?> value) => rows.Select(r => value(r)!).ToArray();
}
