namespace Orleans.RealTime.Storage;

/// <summary>The column lists and DDL shared by the DuckDB store and DuckDB queries over Parquet files.</summary>
internal static class DuckDbSchema
{
    public const string EventColumns =
        "event_id, line, time_ms, user_id, client_session_id, interaction_type, product_id, quantity, unit_price_minor, currency, order_id, device_type, device_os, country, city";

    public const string SessionColumns = "session_id, user_id, start_ms, end_ms, event_count, purchase_count, revenue_minor";

    public const long DayMs = 86_400_000;

    /// <summary>The start (epoch ms) of the UTC day holding <paramref name="timeMs"/>, as <see cref="StorageDays.Start"/> gives it.</summary>
    public static long DayOf(long timeMs) => (long)Math.Floor(timeMs / (double)DayMs) * DayMs;

    /// <summary>A staging table is temporary and has no key; the main table is keyed for deduplication.</summary>
    public static string EventsTable(string name, bool staging) => EventsTable(name, staging, keyed: !staging);

    /// <summary>An events table, temporary or not, with or without the (event_id, line) key.</summary>
    public static string EventsTable(string name, bool staging, bool keyed) => $"""
        CREATE {(staging ? "TEMP " : "")}TABLE IF NOT EXISTS {name} (
            event_id VARCHAR NOT NULL, line INTEGER NOT NULL, time_ms BIGINT NOT NULL, user_id VARCHAR NOT NULL,
            client_session_id VARCHAR, interaction_type VARCHAR NOT NULL, product_id VARCHAR, quantity INTEGER,
            unit_price_minor BIGINT, currency VARCHAR, order_id VARCHAR, device_type VARCHAR, device_os VARCHAR,
            country VARCHAR, city VARCHAR{(keyed ? ", PRIMARY KEY (event_id, line)" : "")})
        """;

    public static string SessionsTable(string name, bool staging) => $"""
        CREATE {(staging ? "TEMP " : "")}TABLE IF NOT EXISTS {name} (
            session_id VARCHAR NOT NULL{(!staging ? " PRIMARY KEY" : "")}, user_id VARCHAR NOT NULL, start_ms BIGINT NOT NULL,
            end_ms BIGINT NOT NULL, event_count INTEGER NOT NULL, purchase_count INTEGER NOT NULL, revenue_minor BIGINT NOT NULL)
        """;
}
