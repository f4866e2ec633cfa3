using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

namespace Orleans.RealTime.Testing;

/// <summary>Generic gRPC client calls a test makes against a running server, as grpcurl would.</summary>
public static class GrpcProbe
{
    /// <summary>The grpc.health.v1 status of <paramref name="service"/> ("" is the server as a whole).</summary>
    public static async Task<HealthCheckResponse.Types.ServingStatus> CheckHealthAsync(GrpcChannel channel, string service = "")
    {
        var response = await new Health.HealthClient(channel).CheckAsync(
            new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(10));
        return response.Status;
    }

    /// <summary>The service names the server lists through server reflection.</summary>
    public static async Task<IReadOnlyList<string>> ListServicesAsync(GrpcChannel channel)
    {
        var client = new ServerReflection.ServerReflectionClient(channel);
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(10));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        var names = new List<string>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            names.AddRange(response.ListServicesResponse.Service.Select(s => s.Name));
        }

        return names;
    }
}
