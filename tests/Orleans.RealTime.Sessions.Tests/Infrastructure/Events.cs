using Google.Protobuf;
using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.Sessions.Tests.Infrastructure;

public static class Events
{
    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static UserInteraction View(string user, string eventId, string product = "", long? at = null) => new()
    {
        EventId = eventId,
        UserId = user,
        Timestamp = at ?? Now,
        SessionId = "client-" + user,
        PageView = new PageView { PageUrl = "https://shop.example/p/" + product, PageType = "product", ProductId = product },
    };

    public static UserInteraction Click(string user, string eventId, string product, long? at = null) => new()
    {
        EventId = eventId,
        UserId = user,
        Timestamp = at ?? Now,
        SessionId = "client-" + user,
        ProductClick = new ProductClick { ProductId = product, ListName = "search" },
    };

    public static UserInteraction Cart(string user, string eventId, string product, int quantity, long price, long? at = null) => new()
    {
        EventId = eventId,
        UserId = user,
        Timestamp = at ?? Now,
        SessionId = "client-" + user,
        AddToCart = new AddToCart { ProductId = product, Quantity = quantity, UnitPriceMinor = price, Currency = "EUR" },
    };

    public static UserInteraction Buy(string user, string eventId, string product, int quantity, long price, long? at = null) => new()
    {
        EventId = eventId,
        UserId = user,
        Timestamp = at ?? Now,
        SessionId = "client-" + user,
        Purchase = new Purchase
        {
            OrderId = "o-" + eventId,
            Currency = "EUR",
            TotalMinor = quantity * price,
            Items = { new LineItem { ProductId = product, Quantity = quantity, UnitPriceMinor = price } },
        },
    };

    public static byte[] Bytes(this UserInteraction evt) => evt.ToByteArray();
}
