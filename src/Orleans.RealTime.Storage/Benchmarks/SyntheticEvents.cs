namespace Orleans.RealTime.Storage;

/// <summary>A deterministic synthetic clickstream for benchmarks: users, products and a view-heavy type mix.</summary>
public static class SyntheticEvents
{
    /// <summary>
    /// Generates <paramref name="count"/> events spread evenly over [<paramref name="from"/>, from + <paramref name="span"/>),
    /// 60% page views, 20% clicks, 12% adds to cart, 8% purchases, over <paramref name="users"/> users and <paramref name="products"/> products.
    /// </summary>
    public static IEnumerable<EventRow> Generate(long count, DateTimeOffset from, TimeSpan span, int seed = 1, int users = 100_000, int products = 10_000, string idPrefix = "e")
    {
        var random = new Random(seed);
        var step = span.Ticks / Math.Max(count, 1);
        for (long i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            var type = roll < 60 ? InteractionTypes.PageView : roll < 80 ? InteractionTypes.ProductClick : roll < 92 ? InteractionTypes.AddToCart : InteractionTypes.Purchase;
            var priced = type is InteractionTypes.AddToCart or InteractionTypes.Purchase;
            yield return new EventRow
            {
                EventId = idPrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Time = from.AddTicks(step * i),
                UserId = "u" + random.Next(users).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ClientSessionId = "s" + random.Next(users * 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
                InteractionType = type,
                ProductId = "p" + random.Next(products).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Quantity = priced ? 1 + random.Next(3) : null,
                UnitPriceMinor = priced ? 100 + random.Next(10_000) : null,
                Currency = priced ? "EUR" : null,
                OrderId = type == InteractionTypes.Purchase ? "o" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                DeviceType = random.Next(2) == 0 ? "mobile" : "desktop",
                DeviceOs = "ios",
                Country = "DE",
                City = "Berlin",
            };
        }
    }
}
