using Grpc.Core;
using Grpc.Net.Client;

namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>A channel to the platform's gRPC address that sends <c>x-api-key</c> on every call when a key is given.</summary>
internal static class PlatformChannel
{
    public static GrpcChannel For(string address, string? apiKey)
    {
        if (apiKey is null)
        {
            return GrpcChannel.ForAddress(address);
        }

        var key = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("x-api-key", apiKey);
            return Task.CompletedTask;
        });
        var secure = address.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, key),
            UnsafeUseInsecureChannelCallCredentials = !secure,
        });
    }
}
