using System.Text.RegularExpressions;

namespace Orleans.RealTime.Storage;

/// <summary>
/// The SQL a <see cref="ClickHouseTierStore"/> sends. Tables are <c>ReplacingMergeTree</c>s partitioned by day and
/// ordered for user and time queries; because replacing happens at merge time, every query reads with <c>FINAL</c>.
/// Values travel as typed query parameters (<c>{name:Type}</c>); only validated identifiers are spliced in.
/// </summary>
public sealed partial class ClickHouseSql
{
    private const string EventsInRange = "time >= fromUnixTimestamp64Milli({from:Int64}) AND time < fromUnixTimestamp64Milli({to:Int64})";
    private const string SessionsInRange = "start >= fromUnixTimestamp64Milli({from:Int64}) AND start < fromUnixTimestamp64Milli({to:Int64})";
    private const string Stage = "multiIf(interaction_type = 'product_click' OR (interaction_type = 'page_view' AND product_id IS NOT NULL), 'view', " +
        "interaction_type = 'add_to_cart', 'cart', interaction_type = 'purchase', 'purchase', '')";

    /// <summary>The columns of the events table in insert order.</summary>
    public static readonly IReadOnlyList<string> EventColumns =
        ["event_id", "line", "time", "user_id", "client_session_id", "interaction_type", "product_id", "quantity", "unit_price_minor", "currency", "order_id", "device_type", "device_os", "country", "city"];

    /// <summary>The columns of the sessions table in insert order.</summary>
    public static readonly IReadOnlyList<string> SessionColumns = ["session_id", "user_id", "start", "end", "event_count", "purchase_count", "revenue_minor"];

    private const string EventSelect = "event_id, line, toUnixTimestamp64Milli(time) AS time_ms, user_id, client_session_id, interaction_type, product_id, quantity, " +
        "unit_price_minor, currency, order_id, device_type, device_os, country, city";

    private const string SessionSelect = "session_id, user_id, toUnixTimestamp64Milli(start), toUnixTimestamp64Milli(end), event_count, purchase_count, revenue_minor";

    /// <summary>Creates the SQL for the tables <c>{database}.{prefix}events</c> and <c>{database}.{prefix}sessions</c>.</summary>
    public ClickHouseSql(string database, string tablePrefix)
    {
        if (!Identifier().IsMatch(database))
        {
            throw new ArgumentException($"The database name '{database}' is not a plain identifier.", nameof(database));
        }

        if (tablePrefix.Length > 0 && !Identifier().IsMatch(tablePrefix))
        {
            throw new ArgumentException($"The table prefix '{tablePrefix}' is not a plain identifier.", nameof(tablePrefix));
        }

        EventsTable = $"{database}.{tablePrefix}events";
        SessionsTable = $"{database}.{tablePrefix}sessions";
    }

    /// <summary>The qualified events table.</summary>
    public string EventsTable { get; }

    /// <summary>The qualified sessions table.</summary>
    public string SessionsTable { get; }

    /// <summary>DDL of the events table.</summary>
    public string CreateEvents => $"""
        CREATE TABLE IF NOT EXISTS {EventsTable} (
            event_id String, line Int32, time DateTime64(3, 'UTC'), user_id String, client_session_id Nullable(String),
            interaction_type LowCardinality(String), product_id Nullable(String), quantity Nullable(Int32), unit_price_minor Nullable(Int64),
            currency LowCardinality(Nullable(String)), order_id Nullable(String), device_type LowCardinality(Nullable(String)),
            device_os LowCardinality(Nullable(String)), country LowCardinality(Nullable(String)), city Nullable(String))
        ENGINE = ReplacingMergeTree
        PARTITION BY toDate(time)
        ORDER BY (user_id, time, event_id, line)
        """;

    /// <summary>DDL of the sessions table.</summary>
    public string CreateSessions => $"""
        CREATE TABLE IF NOT EXISTS {SessionsTable} (
            session_id String, user_id String, start DateTime64(3, 'UTC'), end DateTime64(3, 'UTC'), event_count Int32, purchase_count Int32, revenue_minor Int64)
        ENGINE = ReplacingMergeTree
        PARTITION BY toDate(start)
        ORDER BY (user_id, start, session_id)
        """;

    /// <summary>The days held (parameterless).</summary>
    public string ListDays =>
        $"SELECT DISTINCT toString(toDate(time)) AS d FROM {EventsTable} UNION DISTINCT SELECT DISTINCT toString(toDate(start)) FROM {SessionsTable} ORDER BY d";

    /// <summary>Row counts of one day ({day:Date}).</summary>
    public string CountDay =>
        $"SELECT (SELECT toInt64(count()) FROM {EventsTable} FINAL WHERE toDate(time) = {{day:Date}}), (SELECT toInt64(count()) FROM {SessionsTable} FINAL WHERE toDate(start) = {{day:Date}})";

    /// <summary>Events of one day ({day:Date}).</summary>
    public string ReadDayEvents => $"SELECT {EventSelect} FROM {EventsTable} FINAL WHERE toDate(time) = {{day:Date}} ORDER BY time, event_id, line";

    /// <summary>Sessions of one day ({day:Date}).</summary>
    public string ReadDaySessions => $"SELECT {SessionSelect} FROM {SessionsTable} FINAL WHERE toDate(start) = {{day:Date}} ORDER BY session_id";

    /// <summary>Drops one day's partitions of both tables; {day} is a validated ISO date spliced as a literal.</summary>
    public IReadOnlyList<string> DropDay(DateOnly day)
    {
        var literal = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return [$"ALTER TABLE {EventsTable} DROP PARTITION '{literal}'", $"ALTER TABLE {SessionsTable} DROP PARTITION '{literal}'"];
    }

    /// <summary>Event counts per bucket ({from}, {to}, {bucket} in ms).</summary>
    public string CountEvents => $$"""
        SELECT intDiv(toUnixTimestamp64Milli(time), {bucket:Int64}) * {bucket:Int64} AS bucket, interaction_type, toInt64(count())
        FROM {{EventsTable}} FINAL WHERE {{EventsInRange}} AND line = 0
        GROUP BY bucket, interaction_type ORDER BY bucket, interaction_type
        """;

    /// <summary>Top products ({from}, {to}, {type}, {limit}).</summary>
    public string TopProducts => $$"""
        SELECT assumeNotNull(product_id) AS product, toInt64(count()) AS c FROM {{EventsTable}} FINAL
        WHERE {{EventsInRange}} AND interaction_type = {type:String} AND product_id IS NOT NULL
        GROUP BY product ORDER BY c DESC, product LIMIT {limit:Int32}
        """;

    /// <summary>The funnel as distinct users per stage ({from}, {to}).</summary>
    public string Funnel => $"""
        SELECT toInt64(uniqExactIf(user_id, stage = 'view')), toInt64(uniqExactIf(user_id, stage = 'cart')), toInt64(uniqExactIf(user_id, stage = 'purchase'))
        FROM (SELECT user_id, {Stage} AS stage FROM {EventsTable} FINAL WHERE {EventsInRange})
        """;

    /// <summary>The users of each funnel stage ({from}, {to}).</summary>
    public string FunnelUsers => $"""
        SELECT DISTINCT stage, user_id FROM (SELECT user_id, {Stage} AS stage FROM {EventsTable} FINAL WHERE {EventsInRange}) WHERE stage != ''
        """;

    /// <summary>One user's timeline ({from}, {to}, {user}, {limit}).</summary>
    public string UserTimeline =>
        $"SELECT {EventSelect} FROM {EventsTable} FINAL WHERE {EventsInRange} AND user_id = {{user:String}} ORDER BY time, event_id, line LIMIT {{limit:Int32}}";

    /// <summary>Session statistics ({from}, {to}).</summary>
    public string SessionStatistics => $"""
        SELECT toInt64(count()), toFloat64(sum(toUnixTimestamp64Milli(end) - toUnixTimestamp64Milli(start))) / 1000, toInt64(sum(event_count)), toInt64(countIf(purchase_count > 0))
        FROM {SessionsTable} FINAL WHERE {SessionsInRange}
        """;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
