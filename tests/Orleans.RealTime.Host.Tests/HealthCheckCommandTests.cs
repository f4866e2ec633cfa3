using Orleans.RealTime.Host.Hosting;

namespace Orleans.RealTime.Host.Tests;

public sealed class HealthCheckCommandTests
{
    [Theory]
    [InlineData(null, "http://127.0.0.1:5000/")]
    [InlineData("http://0.0.0.0:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://*:6000;http://127.0.0.1:6001", "http://127.0.0.1:6000/")]
    [InlineData("http://+:7000", "http://127.0.0.1:7000/")]
    [InlineData("http://[::]:7001", "http://127.0.0.1:7001/")]
    [InlineData("http://silo-1:5000", "http://silo-1:5000/")]
    public void EndpointOf_TheFirstListener_WithWildcardsAsLoopback(string? urls, string expected) =>
        Assert.Equal(new Uri(expected), HealthCheckCommand.EndpointOf(urls));
}
