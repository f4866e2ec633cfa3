using System.Buffers.Binary;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// Kafka's default key partitioner: murmur2 of the key bytes, made positive, modulo the partition count. The Java
/// client and librdkafka's <c>murmur2</c>/<c>murmur2_random</c> partitioners pick the same partition.
/// </summary>
internal static class KafkaMurmur2
{
    public static int Partition(ReadOnlySpan<byte> key, int partitionCount) =>
        (int)((Hash(key) & 0x7fffffff) % (uint)partitionCount);

    public static uint Hash(ReadOnlySpan<byte> data)
    {
        const uint M = 0x5bd1e995;
        const int R = 24;
        var length = data.Length;
        var h = 0x9747b28c ^ (uint)length;
        var blocks = length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4));
            k *= M;
            k ^= k >> R;
            k *= M;
            h *= M;
            h ^= k;
        }

        var tail = length & ~3;
        switch (length % 4)
        {
            case 3:
                h ^= (uint)data[tail + 2] << 16;
                h ^= (uint)data[tail + 1] << 8;
                h ^= data[tail];
                h *= M;
                break;
            case 2:
                h ^= (uint)data[tail + 1] << 8;
                h ^= data[tail];
                h *= M;
                break;
            case 1:
                h ^= data[tail];
                h *= M;
                break;
        }

        h ^= h >> 13;
        h *= M;
        h ^= h >> 15;
        return h;
    }
}
