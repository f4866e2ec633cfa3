using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Contracts.Text;

namespace Orleans.RealTime.Storage;

/// <summary>Maps the protobuf <see cref="UserInteraction"/> to stored <see cref="EventRow"/>s.</summary>
public static class EventRowMapper
{
    /// <summary>
    /// Returns the rows of one event: one row, or one row per line item for a purchase
    /// (a purchase without items still gives one row, so the order is counted).
    /// </summary>
    public static IReadOnlyList<EventRow> ToRows(UserInteraction interaction) => ToRows(interaction, null);

    /// <summary>
    /// As <see cref="ToRows(UserInteraction)"/>, with user and product ids, currencies and device and location names
    /// taken from <paramref name="names"/> (one instance per distinct name instead of one per event).
    /// </summary>
    public static IReadOnlyList<EventRow> ToRows(UserInteraction interaction, NamePool? names)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var baseRow = new EventRow
        {
            EventId = interaction.EventId,
            Time = DateTimeOffset.FromUnixTimeMilliseconds(interaction.Timestamp),
            UserId = names?.Get(interaction.UserId) ?? interaction.UserId,
            ClientSessionId = Empty(interaction.SessionId),
            InteractionType = TypeOf(interaction),
            DeviceType = Lookup(interaction.DeviceInfo, "type", names),
            DeviceOs = Lookup(interaction.DeviceInfo, "os", names),
            Country = Lookup(interaction.LocationData, "country", names),
            City = Lookup(interaction.LocationData, "city", names),
        };
        return interaction.InteractionTypeCase switch
        {
            UserInteraction.InteractionTypeOneofCase.PageView => [baseRow with { ProductId = Name(interaction.PageView.ProductId, names) }],
            UserInteraction.InteractionTypeOneofCase.ProductClick => [baseRow with { ProductId = Name(interaction.ProductClick.ProductId, names) }],
            UserInteraction.InteractionTypeOneofCase.AddToCart => [baseRow with
            {
                ProductId = Name(interaction.AddToCart.ProductId, names),
                Quantity = interaction.AddToCart.Quantity,
                UnitPriceMinor = interaction.AddToCart.UnitPriceMinor,
                Currency = Name(interaction.AddToCart.Currency, names),
            }],
            UserInteraction.InteractionTypeOneofCase.Purchase => PurchaseRows(baseRow, interaction.Purchase, names),
            _ => [baseRow],
        };
    }

    private static EventRow[] PurchaseRows(EventRow baseRow, Purchase purchase, NamePool? names)
    {
        var order = baseRow with { OrderId = Empty(purchase.OrderId), Currency = Name(purchase.Currency, names) };
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
                ProductId = Name(item.ProductId, names),
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

    private static string? Lookup(Google.Protobuf.Collections.MapField<string, string> map, string key, NamePool? names) =>
        map.TryGetValue(key, out var value) ? Name(value, names) : null;

    private static string? Name(string value, NamePool? names) => value.Length == 0 ? null : names?.Get(value) ?? value;

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
