using Microsoft.Extensions.DependencyInjection;
using Orleans.RealTime.Recommendations.Model;
using Orleans.Serialization;

namespace Orleans.RealTime.Recommendations.Tests;

public sealed class ProductInteractionSerializationTests
{
    // [("p-1", Cart), ("p-2", View), ("p-3", Purchase)] as stored before InteractionKind had a generated codec.
    private const string WrittenBeforeTheEnumCodec = "IAAHIehAB3AtMQkDCeAg6EAHcC0yCQMB4CDoQAdwLTMJAw3g4A==";

    private static readonly List<ProductInteraction> Products =
        [new("p-1", InteractionKind.Cart), new("p-2", InteractionKind.View), new("p-3", InteractionKind.Purchase)];

    private readonly Serializer _serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void RoundTrips()
    {
        Assert.Equal(Products, _serializer.Deserialize<List<ProductInteraction>>(_serializer.SerializeToArray(Products)));
    }

    [Fact]
    public void ReadsStateStoredBeforeTheEnumHadAGeneratedCodec()
    {
        Assert.Equal(Products, _serializer.Deserialize<List<ProductInteraction>>(Convert.FromBase64String(WrittenBeforeTheEnumCodec)));
    }
}
