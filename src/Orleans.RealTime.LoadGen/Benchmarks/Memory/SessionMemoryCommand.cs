using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;
using Orleans.RealTime.Sessions;
using Orleans.RealTime.Sessions.Storage;
using Orleans.Storage;

namespace Orleans.RealTime.LoadGen.Benchmarks.Memory;

/// <summary>
/// <c>bench-session-memory</c>: managed heap per active session. Opens N sessions (click, view, add-to-cart each) in
/// the Embedded host with ExactlyOnce and in-memory storage, measures the heap after a full collection against the
/// heap before, then deactivates every session and measures again (what stays is the storage's in-memory copy).
/// </summary>
internal static class SessionMemoryCommand
{
    public static Command Create()
    {
        var sessions = new Option<int>("--sessions") { Description = "Sessions to open.", DefaultValueFactory = _ => 100_000 };
        var command = new Command("bench-session-memory", "Managed memory per active session at N sessions.") { sessions };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(sessions);
            await using var host = await HostUnderTest.StartAsync(8, null);
            var grains = host.App.Services.GetRequiredService<IGrainFactory>();
            await OpenAsync(grains, 1_000, "warmup-", ct);
            var baseline = Heap();
            var clock = Stopwatch.StartNew();
            await OpenAsync(grains, n, "mem-", ct);
            var opened = clock.Elapsed;
            var active = Heap();
            await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            var deactivated = Heap();
            var i = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(i, $"opened {n} sessions (3 events each) in {opened.TotalSeconds:F1} s"));
            Console.WriteLine(string.Create(i, $"heap: baseline {baseline / 1048576.0:F1} MiB, {n} active sessions {active / 1048576.0:F1} MiB, after deactivating them {deactivated / 1048576.0:F1} MiB"));
            Console.WriteLine(string.Create(i, $"per active session: {(active - baseline) / (double)n:F0} B total (target <= 4096 B), of which activation {(active - deactivated) / (double)n:F0} B and stored state kept by the storage provider {(deactivated - baseline) / (double)n:F0} B"));
            if (host.App.Services.GetKeyedService<IGrainStorage>(SessionStreams.StorageName) is CompactGrainStorage stored)
            {
                Console.WriteLine(string.Create(i, $"compact storage: {stored.Count} states, {stored.PayloadBytes / (double)stored.Count:F0} B buffer per state (serialized state plus room to grow)"));
            }

            return 0;
        });
        return command;
    }

    private static async Task OpenAsync(IGrainFactory grains, int count, string prefix, CancellationToken ct) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 256, CancellationToken = ct }, async (u, _) =>
        {
            var user = prefix + u.ToString(CultureInfo.InvariantCulture);
            var session = grains.GetGrain<IUserSessionGrain>(user);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var product = "p" + (u % 5_000).ToString(CultureInfo.InvariantCulture);
            await session.ApplyAsync(new UserInteraction { EventId = user + "-1", UserId = user, SessionId = "c-" + user, Timestamp = now, ProductClick = new ProductClick { ProductId = product } });
            await session.ApplyAsync(new UserInteraction { EventId = user + "-2", UserId = user, SessionId = "c-" + user, Timestamp = now, PageView = new PageView { ProductId = product, PageType = "product" } });
            await session.ApplyAsync(new UserInteraction { EventId = user + "-3", UserId = user, SessionId = "c-" + user, Timestamp = now, AddToCart = new AddToCart { ProductId = product, Quantity = 1, UnitPriceMinor = 999, Currency = "EUR" } });
        });

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
