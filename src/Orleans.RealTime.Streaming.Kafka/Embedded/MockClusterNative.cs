using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;

namespace Orleans.RealTime.Streaming.Kafka.Embedded;

/// <summary>
/// P/Invoke into librdkafka's mock cluster API. The library name resolves to the very native file Confluent.Kafka
/// loads (on Debian the bundled <c>centos8-librdkafka.so</c>; the generic build needs a missing libsasl2).
/// </summary>
internal static partial class MockClusterNative
{
    private const string LibraryName = "rdkafka-mock";
    private static readonly string[] Candidates = ["centos8-librdkafka", "librdkafka", "alpine-librdkafka"];
    private static int _resolverInstalled;

    public static void EnsureLoaded()
    {
        // Let Confluent.Kafka pick and load its native library first, so both resolve to one loaded copy.
        _ = Library.Version;
        if (Interlocked.Exchange(ref _resolverInstalled, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(MockClusterNative).Assembly, Resolve);
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName)
        {
            return IntPtr.Zero;
        }

        var confluent = typeof(Library).Assembly;
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, confluent, null, out var handle) && NativeLibrary.TryGetExport(handle, "rd_kafka_mock_cluster_new", out _))
            {
                return handle;
            }
        }

        throw new DllNotFoundException($"Could not load librdkafka (tried {string.Join(", ", Candidates)}) beside Confluent.Kafka.");
    }

    [LibraryImport(LibraryName)]
    public static partial IntPtr rd_kafka_conf_new();

    [LibraryImport(LibraryName)]
    public static partial IntPtr rd_kafka_new(int type, IntPtr conf, IntPtr errstr, UIntPtr errstrSize);

    [LibraryImport(LibraryName)]
    public static partial void rd_kafka_destroy(IntPtr rk);

    [LibraryImport(LibraryName)]
    public static partial IntPtr rd_kafka_mock_cluster_new(IntPtr rk, int brokerCount);

    [LibraryImport(LibraryName)]
    public static partial void rd_kafka_mock_cluster_destroy(IntPtr cluster);

    [LibraryImport(LibraryName)]
    public static partial IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr cluster);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_mock_topic_create(IntPtr cluster, string topic, int partitions, int replicationFactor);

    [LibraryImport(LibraryName)]
    public static partial void rd_kafka_mock_group_initial_rebalance_delay_ms(IntPtr cluster, int delayMs);

    public static unsafe IntPtr NewHandle()
    {
        const int ProducerType = 0;
        const int ErrorLength = 512;
        var error = stackalloc byte[ErrorLength];
        var handle = rd_kafka_new(ProducerType, rd_kafka_conf_new(), (IntPtr)error, ErrorLength);
        if (handle == IntPtr.Zero)
        {
            throw new InvalidOperationException($"rd_kafka_new failed: {Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(error))}");
        }

        return handle;
    }
}
