using Google.Protobuf;
using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.Streaming.Kafka.Serialization;

/// <summary>
/// Lets Orleans serialize <see cref="UserInteraction"/> (a protobuf message) when stream deliveries cross silos,
/// by converting it to and from its protobuf bytes.
/// </summary>
[RegisterConverter]
public sealed class UserInteractionSurrogateConverter : IConverter<UserInteraction, UserInteractionSurrogate>
{
    /// <inheritdoc />
    public UserInteraction ConvertFromSurrogate(in UserInteractionSurrogate surrogate) => UserInteraction.Parser.ParseFrom(surrogate.Bytes);

    /// <inheritdoc />
    public UserInteractionSurrogate ConvertToSurrogate(in UserInteraction value) => new(value.ToByteArray());
}
