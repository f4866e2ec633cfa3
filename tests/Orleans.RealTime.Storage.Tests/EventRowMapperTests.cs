using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.Storage.Tests;

public sealed class EventRowMapperTests
{
    private static UserInteraction Interaction() => new()
    {
        EventId = "e1",
        Timestamp = 1_700_000_000_123,
        UserId = "u1",
        SessionId = "cs1",
        DeviceInfo = { ["type"] = "mobile", ["os"] = "ios" },
        LocationData = { ["country"] = "DE", ["city"] = "Berlin" },
    };

    [Fact]
    public void ToRows_Purchase_GivesOneRowPerLineItem()
    {
        var interaction = Interaction();
        interaction.Purchase = new Purchase
        {
            OrderId = "o1",
            Currency = "EUR",
            Items = { new LineItem { ProductId = "p1", Quantity = 2, UnitPriceMinor = 500 }, new LineItem { ProductId = "p2", Quantity = 1, UnitPriceMinor = 900 } },
        };

        var rows = EventRowMapper.ToRows(interaction);

        Assert.Equal([0, 1], rows.Select(r => r.Line));
        Assert.Equal(["p1", "p2"], rows.Select(r => r.ProductId));
        Assert.All(rows, r => Assert.Equal(("e1", "o1", "EUR", InteractionTypes.Purchase), (r.EventId, r.OrderId, r.Currency, r.InteractionType)));
        Assert.Equal((2, 500L), (rows[0].Quantity!.Value, rows[0].UnitPriceMinor!.Value));
    }

    [Fact]
    public void ToRows_WithANamePool_SharesOneInstancePerProductCurrencyDeviceAndPlace()
    {
        var names = new Contracts.Text.NamePool(100);
        UserInteraction Click()
        {
            var interaction = Interaction().Clone();
            interaction.DeviceInfo["type"] = new string("mobile".AsSpan());
            interaction.LocationData["city"] = new string("Berlin".AsSpan());
            interaction.AddToCart = new AddToCart { ProductId = new string("p1".AsSpan()), Quantity = 1, Currency = new string("EUR".AsSpan()) };
            return interaction;
        }

        var first = Assert.Single(EventRowMapper.ToRows(Click(), names));
        var second = Assert.Single(EventRowMapper.ToRows(Click(), names));

        Assert.Same(first.ProductId, second.ProductId);
        Assert.Same(first.Currency, second.Currency);
        Assert.Same(first.DeviceType, second.DeviceType);
        Assert.Same(first.City, second.City);
        Assert.Equal(("p1", "EUR", "mobile", "Berlin"), (second.ProductId, second.Currency, second.DeviceType, second.City));
    }

    [Fact]
    public void ToRows_AddToCart_MapsEveryField()
    {
        var interaction = Interaction();
        interaction.AddToCart = new AddToCart { ProductId = "p1", Quantity = 3, UnitPriceMinor = 250, Currency = "USD" };

        var row = Assert.Single(EventRowMapper.ToRows(interaction));

        Assert.Equal(
            new EventRow
            {
                EventId = "e1",
                Time = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123),
                UserId = "u1",
                ClientSessionId = "cs1",
                InteractionType = InteractionTypes.AddToCart,
                ProductId = "p1",
                Quantity = 3,
                UnitPriceMinor = 250,
                Currency = "USD",
                DeviceType = "mobile",
                DeviceOs = "ios",
                Country = "DE",
                City = "Berlin",
            },
            row);
    }

    [Fact]
    public void ToRows_PageViewWithoutProductOrDevice_LeavesThemNull()
    {
        var interaction = new UserInteraction { EventId = "e2", Timestamp = 1, UserId = "u2", PageView = new PageView { PageUrl = "/" } };

        var row = Assert.Single(EventRowMapper.ToRows(interaction));

        Assert.Equal(InteractionTypes.PageView, row.InteractionType);
        Assert.Null(row.ProductId);
        Assert.Null(row.DeviceType);
        Assert.Null(row.ClientSessionId);
    }

    [Fact]
    public void ToRows_PurchaseWithoutItems_KeepsTheOrderAsOneRow()
    {
        var interaction = Interaction();
        interaction.Purchase = new Purchase { OrderId = "o9" };

        var row = Assert.Single(EventRowMapper.ToRows(interaction));

        Assert.Equal(("o9", 0), (row.OrderId, row.Line));
    }
}
