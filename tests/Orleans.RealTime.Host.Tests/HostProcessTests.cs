using System.Diagnostics;
using System.Runtime.InteropServices;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Host.Tests;

/// <summary>The host as its own process, started the way the README's first command starts it.</summary>
public sealed partial class HostProcessTests
{
    private const int SigTerm = 15;

    [Fact]
    public async Task Process_AnnouncesEndpoints_ServesHealth_AndStopsCleanlyOnSigterm()
    {
        var ports = FreePort.Next(4);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Orleans.RealTime.Host.dll"));
        foreach (var argument in HostArguments.For(ports))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new List<string>();
        var announced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(e.Data);
            }

            if (e.Data.Contains("Dashboard: ", StringComparison.Ordinal))
            {
                announced.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await announced.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{ports[0]}");
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcProbe.CheckHealthAsync(channel));

            Assert.Equal(0, Kill(process.Id, SigTerm));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, process.ExitCode);
            string[] lines;
            lock (output)
            {
                lines = [.. output];
            }

            Assert.Contains(lines, l => l.Contains($"gRPC: http://127.0.0.1:{ports[0]}", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains($"Dashboard: http://127.0.0.1:{ports[1]}/dashboard", StringComparison.Ordinal));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
