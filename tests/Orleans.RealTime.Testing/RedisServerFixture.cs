using System.Diagnostics;
using StackExchange.Redis;

namespace Orleans.RealTime.Testing;

/// <summary>
/// Starts a private <c>redis-server</c> on a free loopback port with its own temporary directory, and stops it
/// (and deletes the directory) on dispose. Use as an xunit class or collection fixture.
/// </summary>
public sealed class RedisServerFixture : IAsyncDisposable, IDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly Lazy<ConnectionMultiplexer> _connection;

    /// <summary>Starts the server and waits until it answers PING (30 s deadline).</summary>
    public RedisServerFixture()
    {
        _directory = Directory.CreateTempSubdirectory("realtime-redis-").FullName;
        Port = FreePort.Next();
        var executable = FindExecutable();
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1",
                "--dir", _directory,
                "--save", "",
                "--appendonly", "no",
                "--daemonize", "no",
                "--protected-mode", "yes",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _connection = new(() => ConnectionMultiplexer.Connect(ConnectionString));
        Eventually.HoldsAsync(PingAsync, TimeSpan.FromSeconds(30), $"redis-server on port {Port}").GetAwaiter().GetResult();
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string for the server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000";

    /// <summary>A shared connection to the server.</summary>
    public IConnectionMultiplexer Connection => _connection.Value;

    /// <summary>Whether the server process is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Kills the server, e.g. to test behaviour while Redis is down.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }

        Kill();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean with the temp folder.
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> PingAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} before answering.");
        }

        using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},abortConnect=true,connectTimeout=500");
        var latency = await probe.GetDatabase().PingAsync();
        return latency >= TimeSpan.Zero;
    }

    private static string FindExecutable()
    {
        foreach (var candidate in new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("redis-server is not installed; run ./build.sh test, which installs it through apt.");
    }
}
