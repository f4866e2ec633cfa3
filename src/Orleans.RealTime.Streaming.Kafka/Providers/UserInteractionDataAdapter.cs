using Google.Protobuf;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Contracts.Validation;

namespace Orleans.RealTime.Streaming.Kafka.Providers;

/// <summary>
/// The default data adapter: values are protobuf <see cref="UserInteraction"/> messages, validated by the shared
/// <see cref="UserInteractionValidator"/>; a value that does not parse or validate is a poison record.
/// </summary>
/// <param name="validator">The validator; <see cref="UserInteractionValidator.Default"/> when null.</param>
public sealed class UserInteractionDataAdapter(UserInteractionValidator? validator = null) : IKafkaDataAdapter
{
    private readonly UserInteractionValidator _validator = validator ?? UserInteractionValidator.Default;

    /// <inheritdoc />
    public object Decode(KafkaRecordMetadata record, string key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var interaction = UserInteraction.Parser.ParseFrom(value);
        var result = _validator.Validate(interaction);
        if (!result.IsValid)
        {
            throw new InvalidDataException($"Invalid UserInteraction: {result}");
        }

        if (!string.Equals(interaction.UserId, key, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Record key '{key}' differs from user_id '{interaction.UserId}'.");
        }

        return interaction;
    }

    /// <inheritdoc />
    public byte[] Encode(StreamId streamId, object evt) => evt switch
    {
        UserInteraction interaction => interaction.ToByteArray(),
        _ => throw new ArgumentException($"{nameof(UserInteractionDataAdapter)} encodes only {nameof(UserInteraction)}, not {evt?.GetType().Name ?? "null"}.", nameof(evt)),
    };
}
