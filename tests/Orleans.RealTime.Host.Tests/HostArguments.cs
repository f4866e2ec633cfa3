namespace Orleans.RealTime.Host.Tests;

/// <summary>
/// Command-line arguments that put a host on the given free ports (gRPC, dashboard, silo, gateway) with its storage in a
/// fresh temporary directory.
/// </summary>
internal static class HostArguments
{
    public static string[] For(int[] ports, params string[] extra) =>
    [
        "--urls", $"http://127.0.0.1:{ports[0]}",
        $"--Web:Url=http://127.0.0.1:{ports[1]}",
        $"--Orleans:SiloPort={ports[2]}",
        $"--Orleans:GatewayPort={ports[3]}",
        $"--Orleans:ClusterId=host-test-{ports[2]}",
        $"--Storage:DataPath={Directory.CreateTempSubdirectory("realtime-host-test-").FullName}",
        .. extra,
    ];
}
