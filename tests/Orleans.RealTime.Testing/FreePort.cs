using System.Net;
using System.Net.Sockets;

namespace Orleans.RealTime.Testing;

/// <summary>
/// Finds TCP ports on the loopback interface that nothing listens on, below the OS's ephemeral range. A port the OS
/// hands out for port 0 is released before the test binds it, and in between the OS may hand it to anything else that
/// asks for one: an embedded broker's listener, or the local end of any Kafka, Redis or gRPC connection (a silo once
/// failed to start with "Address already in use" that way). Ports from 12000 to 29999 are never handed out like that;
/// each process walks them from its own start, one after the other, so it never hands out a port twice.
/// </summary>
/// <remarks>
/// One source for the tests and the load generator's benchmarks (which start a host and a redis-server in their own
/// process): the load generator compiles this file too. Each assembly declares the class's accessibility in a part of
/// its own; no process loads both copies.
/// </remarks>
static partial class FreePort
{
    // Below the host's default gateway port (30000) and Linux's ephemeral range (32768 on), above its other defaults.
    private const int First = 12_000;
    private const int Last = 29_999;
    private static readonly Lock Gate = new();
    private static int s_next = First + (Environment.ProcessId * 7_919 % (Last - First + 1));

    /// <summary>A loopback port nothing listens on now; this process never returns it again.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            for (var tried = 0; tried <= Last - First; tried++)
            {
                var port = s_next;
                s_next = s_next == Last ? First : s_next + 1;
                if (IsFree(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port from {First} to {Last}.");
    }

    /// <summary>Returns <paramref name="count"/> distinct free loopback ports.</summary>
    public static int[] Next(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
