using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orleans.RealTime.Host.Hosting;

/// <summary>
/// Reports healthy from the moment the silo is active until it starts stopping, so grpc.health.v1 answers
/// SERVING only while the silo can take calls.
/// </summary>
internal sealed class SiloReadiness : ILifecycleParticipant<ISiloLifecycle>, IHealthCheck
{
    private volatile bool _active;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            nameof(SiloReadiness),
            ServiceLifecycleStage.Active,
            _ =>
            {
                _active = true;
                return Task.CompletedTask;
            },
            _ =>
            {
                _active = false;
                return Task.CompletedTask;
            });

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_active ? HealthCheckResult.Healthy("silo active") : HealthCheckResult.Unhealthy("silo not active"));
}
