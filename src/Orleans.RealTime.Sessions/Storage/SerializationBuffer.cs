using System.Buffers;
using Orleans.Serialization;

namespace Orleans.RealTime.Sessions.Storage;

/// <summary>Serializes into a buffer the calling thread reuses, so a state write grows no buffer of its own.</summary>
internal static class SerializationBuffer
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>The serialized bytes of <paramref name="value"/>; valid until this thread's next call.</summary>
    public static ReadOnlySpan<byte> Write<T>(Serializer serializer, T value)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        serializer.Serialize(value, buffer);
        return buffer.WrittenSpan;
    }
}
