using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.Contracts.Tests;

/// <summary>Valid events of each interaction type, at a fixed time.</summary>
internal static class SampleEvents
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static UserInteraction PageView() => Base("e-view", new UserInteraction
    {
        PageView = new PageView
        {
            PageUrl = "https://shop.example/p/P42",
            ReferrerUrl = "https://search.example/?q=shoes",
            PageType = "product",
            ProductId = "P42",
        },
    });

    public static UserInteraction ProductClick() => Base("e-click", new UserInteraction
    {
        ProductClick = new ProductClick { ProductId = "P42", ListPosition = 3, ListName = "search", Category = "shoes" },
    });

    public static UserInteraction AddToCart() => Base("e-cart", new UserInteraction
    {
        AddToCart = new AddToCart { ProductId = "P42", Quantity = 2, UnitPriceMinor = 4999, Currency = "EUR" },
    });

    public static UserInteraction Purchase() => Base("e-buy", new UserInteraction
    {
        Purchase = new Purchase
        {
            OrderId = "O-1001",
            Items =
            {
                new LineItem { ProductId = "P42", Quantity = 2, UnitPriceMinor = 4999 },
                new LineItem { ProductId = "P7", Quantity = 1, UnitPriceMinor = 1500 },
            },
            TotalMinor = 11498,
            Currency = "EUR",
        },
    });

    public static IEnumerable<UserInteraction> All() => [PageView(), ProductClick(), AddToCart(), Purchase()];

    private static UserInteraction Base(string eventId, UserInteraction interaction)
    {
        interaction.EventId = eventId;
        interaction.Timestamp = Now.AddMinutes(-1).ToUnixTimeMilliseconds();
        interaction.UserId = "user-1";
        interaction.SessionId = "browser-session-9";
        interaction.DeviceInfo.Add("type", "mobile");
        interaction.DeviceInfo.Add("os", "ios");
        interaction.LocationData.Add("country", "DE");
        interaction.Metadata = new EventMetadata { Source = "web", Version = 1, CorrelationId = "c-1", IsTest = true };
        return interaction;
    }
}
