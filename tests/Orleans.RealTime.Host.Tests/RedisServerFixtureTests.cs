using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Host.Tests;

public sealed class RedisServerFixtureTests
{
    [Fact]
    public async Task Fixture_StartsAPrivateServer_ThatStoresAndStopsOnDispose()
    {
        int port;
        await using (var redis = new RedisServerFixture())
        {
            port = redis.Port;
            var db = redis.Connection.GetDatabase();
            await db.StringSetAsync("k", "v");

            Assert.Equal("v", (string?)await db.StringGetAsync("k"));
            Assert.True(redis.IsRunning);
        }

        using var probe = new System.Net.Sockets.TcpClient();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => probe.ConnectAsync("127.0.0.1", port));
    }
}
