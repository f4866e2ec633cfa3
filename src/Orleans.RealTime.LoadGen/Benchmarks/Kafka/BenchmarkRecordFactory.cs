using Google.Protobuf;
using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.LoadGen.Benchmarks.Kafka;

/// <summary>Makes valid UserInteraction records of a fixed encoded size (300 bytes by default), spread over users.</summary>
internal sealed class BenchmarkRecordFactory(int users, TimeProvider timeProvider, int targetBytes = 300)
{
    private const string UserAgentKey = "user_agent";
    private static readonly string[] Categories = ["shoes", "shirts", "bags", "watches", "jackets"];

    public static string UserId(int user) => $"user-{user:D5}";

    public string UserFor(int sequence) => UserId(sequence % users);

    public UserInteraction Create(int sequence)
    {
        var interaction = new UserInteraction
        {
            EventId = $"bench-{sequence:D10}",
            Timestamp = timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            UserId = UserFor(sequence),
            SessionId = $"session-{sequence % users:D5}-{sequence / (users * 10)}",
            ProductClick = new ProductClick
            {
                ProductId = $"product-{sequence % 5_000:D5}",
                ListPosition = sequence % 24,
                ListName = "search",
                Category = Categories[sequence % Categories.Length],
            },
            Metadata = new EventMetadata { Source = "loadgen", Version = 1, CorrelationId = $"corr-{sequence:D10}" },
        };
        interaction.DeviceInfo.Add("type", sequence % 3 == 0 ? "mobile" : "desktop");
        interaction.DeviceInfo.Add("os", sequence % 2 == 0 ? "ios" : "linux");
        interaction.LocationData.Add("country", "DE");
        interaction.LocationData.Add("city", "Berlin");

        // Pad the user agent so every record encodes to the same size.
        interaction.DeviceInfo.Add(UserAgentKey, "");
        for (var attempt = 0; attempt < 3 && interaction.CalculateSize() != targetBytes; attempt++)
        {
            var length = Math.Max(0, interaction.DeviceInfo[UserAgentKey].Length + targetBytes - interaction.CalculateSize());
            interaction.DeviceInfo[UserAgentKey] = new string('m', length);
        }

        return interaction;
    }

    public byte[] CreateBytes(int sequence) => Create(sequence).ToByteArray();
}
