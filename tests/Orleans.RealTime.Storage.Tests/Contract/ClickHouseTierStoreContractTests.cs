using ClickHouse.Driver;

namespace Orleans.RealTime.Storage.Tests.Contract;

/// <summary>The contract against a real ClickHouse server named by <c>CLICKHOUSE_URL</c> (e.g. http://default:@localhost:8123).</summary>
[RequiresEnvironmentVariable("CLICKHOUSE_URL")]
public sealed class ClickHouseTierStoreContractTests : TierStoreContractTests
{
    private readonly ClickHouseStoreOptions _options = new()
    {
        ConnectionString = ConnectionString(Environment.GetEnvironmentVariable("CLICKHOUSE_URL") ?? "http://localhost:8123"),
        TablePrefix = $"t{Guid.NewGuid():N}_",
    };

    protected override async Task<ITierStore> CreateStoreAsync() => await ClickHouseTierStore.OpenAsync(_options);

    protected override async Task CleanUpAsync()
    {
        using var client = new ClickHouseClient(_options.ConnectionString);
        var sql = new ClickHouseSql(_options.Database, _options.TablePrefix);
        await client.ExecuteNonQueryAsync($"DROP TABLE IF EXISTS {sql.EventsTable}");
        await client.ExecuteNonQueryAsync($"DROP TABLE IF EXISTS {sql.SessionsTable}");
    }

    private static string ConnectionString(string url)
    {
        var uri = new Uri(url);
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        var password = uri.UserInfo.Contains(':', StringComparison.Ordinal) ? Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[1]) : string.Empty;
        return $"Host={uri.Host};Port={uri.Port};Protocol={uri.Scheme};Username={(user.Length == 0 ? "default" : user)};Password={password}";
    }
}
