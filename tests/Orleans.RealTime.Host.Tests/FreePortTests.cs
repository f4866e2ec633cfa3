using System.Net;
using System.Net.Sockets;
using Orleans.RealTime.Testing;

namespace Orleans.RealTime.Host.Tests;

/// <summary>The tests' port finder: ports the OS would never give to another socket meanwhile, and never one twice.</summary>
public sealed class FreePortTests
{
    [Fact]
    public void Ports_AreBelowTheEphemeralRange_DistinctAndFree()
    {
        var ports = FreePort.Next(50);

        Assert.All(ports, p => Assert.InRange(p, 12_000, 29_999));
        Assert.Equal(ports.Length, ports.Distinct().Count());
        foreach (var port in ports)
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }

    [Fact]
    public void APortInUse_IsSkipped()
    {
        // Occupy the ports this process would hand out next (it walks them in order), then ask for one.
        var probe = FreePort.Next();
        var held = Enumerable.Range(probe + 1, 3).Where(p => p <= 29_999).Select(p =>
        {
            var listener = new TcpListener(IPAddress.Loopback, p);
            try
            {
                listener.Start();
                return listener;
            }
            catch (SocketException)
            {
                return null;
            }
        }).ToList();
        try
        {
            var next = FreePort.Next();

            Assert.DoesNotContain(next, held.OfType<TcpListener>().Select(l => ((IPEndPoint)l.LocalEndpoint).Port));
            using var listener = new TcpListener(IPAddress.Loopback, next);
            listener.Start();
        }
        finally
        {
            held.ForEach(l => l?.Stop());
        }
    }
}
