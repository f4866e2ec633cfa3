using Google.Protobuf;
using Google.Protobuf.Reflection;
using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.Contracts.Tests;

public sealed class UserInteractionContractTests
{
    public static TheoryData<string> InteractionKinds => ["page_view", "product_click", "add_to_cart", "purchase"];

    [Theory]
    [MemberData(nameof(InteractionKinds))]
    public void BinaryRoundTrip_EveryInteractionType_PreservesEveryField(string kind)
    {
        var original = SampleEvents.All().Single(e => e.InteractionTypeCase.ToString() == ToCase(kind));

        var decoded = UserInteraction.Parser.ParseFrom(original.ToByteArray());

        Assert.Equal(original, decoded);
        Assert.Equal(original.InteractionTypeCase, decoded.InteractionTypeCase);
        Assert.Equal("mobile", decoded.DeviceInfo["type"]);
        Assert.Equal("DE", decoded.LocationData["country"]);
        Assert.True(decoded.Metadata.IsTest);
    }

    [Fact]
    public void JsonRoundTrip_Purchase_PreservesLineItems()
    {
        var original = SampleEvents.Purchase();

        var json = JsonFormatter.Default.Format(original);
        var decoded = JsonParser.Default.Parse<UserInteraction>(json);

        Assert.Equal(original, decoded);
        Assert.Contains("\"orderId\": \"O-1001\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptor_FieldNumbers_MatchTheWireContract()
    {
        var expected = new Dictionary<string, int>
        {
            ["event_id"] = 1, ["timestamp"] = 2, ["user_id"] = 3, ["session_id"] = 4, ["page_view"] = 5,
            ["product_click"] = 6, ["add_to_cart"] = 7, ["purchase"] = 8, ["device_info"] = 9,
            ["location_data"] = 10, ["metadata"] = 11,
        };

        var descriptor = UserInteraction.Descriptor;

        Assert.Equal("com.company.events.UserInteraction", descriptor.FullName);
        Assert.Equal(expected, descriptor.Fields.InFieldNumberOrder().ToDictionary(f => f.Name, f => f.FieldNumber));
        Assert.Equal(FieldType.Int64, descriptor.FindFieldByName("timestamp").FieldType);
        Assert.All(
            ["page_view", "product_click", "add_to_cart", "purchase"],
            name => Assert.Equal("interaction_type", descriptor.FindFieldByName(name).ContainingOneof.Name));
        Assert.Equal(
            new Dictionary<string, int> { ["source"] = 1, ["version"] = 2, ["correlation_id"] = 3, ["is_test"] = 4 },
            EventMetadata.Descriptor.Fields.InFieldNumberOrder().ToDictionary(f => f.Name, f => f.FieldNumber));
    }

    [Fact]
    public void UnknownFields_FromANewerProducer_SurviveARoundTrip()
    {
        var newer = SampleEvents.PageView().ToByteArray().Concat(new byte[] { 0xA0, 0x06, 0x2A }).ToArray(); // field 100 = 42

        var decoded = UserInteraction.Parser.ParseFrom(newer);

        Assert.Equal(newer, decoded.ToByteArray());
    }

    private static string ToCase(string kind) => string.Concat(kind.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
