using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.Storage;

/// <summary>Maps the protobuf <see cref="UserInteraction"/> to stored <see cref="EventRow"/>s.</summary>
public static class EventRowMapper
{
    /// <summary>
    /// Returns the rows of one event: one row, or one row per line item for a purchase
    /// (a purchase without items still gives one row, so the order is counted).
    /// </summary>
    public static IReadOnlyList<EventRow> ToRows(UserInteraction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var baseRow = new EventRow
        {
            EventId = interaction.EventId,
            Time = DateTimeOffset.FromUnixTimeMilliseconds(interaction.Timestamp),
            UserId = interaction.UserId,
            ClientSessionId = Empty(interaction.SessionId),
            InteractionType = TypeOf(interaction),
            DeviceType = Lookup(interaction.DeviceInfo, "type"),
            DeviceOs = Lookup(interaction.DeviceInfo, "os"),
            Country = Lookup(interaction.LocationData, "country"),
            City = Lookup(interaction.LocationData, "city"),
        };
        return interaction.InteractionTypeCase switch
        {
            UserInteraction.InteractionTypeOneofCase.PageView => [baseRow with { ProductId = Empty(interaction.PageView.ProductId) }],
            UserInteraction.InteractionTypeOneofCase.ProductClick => [baseRow with { ProductId = Empty(interaction.ProductClick.ProductId) }],
            UserInteraction.InteractionTypeOneofCase.AddToCart => [baseRow with
            {
                ProductId = Empty(interaction.AddToCart.ProductId),
                Quantity = interaction.AddToCart.Quantity,
                UnitPriceMinor = interaction.AddToCart.UnitPriceMinor,
                Currency = Empty(interaction.AddToCart.Currency),
            }],
            UserInteraction.InteractionTypeOneofCase.Purchase => PurchaseRows(baseRow, interaction.Purchase),
            _ => [baseRow],
        };
    }

    private static EventRow[] PurchaseRows(EventRow baseRow, Purchase purchase)
    {
        var order = baseRow with { OrderId = Empty(purchase.OrderId), Currency = Empty(purchase.Currency) };
        if (purchase.Items.Count == 0)
        {
            return [order];
        }

        var rows = new EventRow[purchase.Items.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var item = purchase.Items[i];
            rows[i] = order with
            {
                Line = i,
                ProductId = Empty(item.ProductId),
                Quantity = item.Quantity,
                UnitPriceMinor = item.UnitPriceMinor,
            };
        }

        return rows;
    }

    private static string TypeOf(UserInteraction interaction) => interaction.InteractionTypeCase switch
    {
        UserInteraction.InteractionTypeOneofCase.PageView => InteractionTypes.PageView,
        UserInteraction.InteractionTypeOneofCase.ProductClick => InteractionTypes.ProductClick,
        UserInteraction.InteractionTypeOneofCase.AddToCart => InteractionTypes.AddToCart,
        UserInteraction.InteractionTypeOneofCase.Purchase => InteractionTypes.Purchase,
        _ => InteractionTypes.Unknown,
    };

    private static string? Lookup(Google.Protobuf.Collections.MapField<string, string> map, string key) =>
        map.TryGetValue(key, out var value) ? Empty(value) : null;

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
