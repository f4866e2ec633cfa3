using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Orleans.RealTime.Host.Hosting;

/// <summary>
/// <c>Orleans.RealTime.Host healthcheck</c>: asks the host's own gRPC endpoint for its grpc.health.v1 status and exits
/// 0 when it is SERVING, 1 otherwise, so a container health check needs no curl or grpcurl in the image. The endpoint
/// is the first of <c>--urls</c> / <c>ASPNETCORE_URLS</c> (default <see cref="RealTimeHostBuilderExtensions.DefaultUrl"/>),
/// with a wildcard host (<c>0.0.0.0</c>, <c>*</c>, <c>+</c>, <c>[::]</c>) read as loopback.
/// </summary>
internal static class HealthCheckCommand
{
    /// <summary>The command-line verb.</summary>
    public const string Verb = "healthcheck";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>Checks the endpoint and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();
        var address = EndpointOf(configuration[WebHostDefaults.ServerUrlsKey]);
        try
        {
            using var channel = GrpcChannel.ForAddress(address);
            var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.Add(Deadline));
            await Console.Out.WriteLineAsync($"{address}: {response.Status}");
            return response.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
        }
        catch (RpcException ex)
        {
            await Console.Out.WriteLineAsync($"{address}: {ex.StatusCode} {ex.Status.Detail}");
            return 1;
        }
    }

    /// <summary>The address to call for the first listener URL of <paramref name="urls"/>.</summary>
    public static Uri EndpointOf(string? urls)
    {
        var first = (string.IsNullOrWhiteSpace(urls) ? RealTimeHostBuilderExtensions.DefaultUrl : urls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        var uri = ListenerUrl.TryParse(first) ?? throw new ArgumentException($"'{first}' is not an http(s) listener URL.", nameof(urls));
        var wildcard = uri.Host is "0.0.0.0" or "[::]" or "::";
        return wildcard ? new UriBuilder(uri) { Host = "127.0.0.1" }.Uri : uri;
    }
}
