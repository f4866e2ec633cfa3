namespace Orleans.RealTime.Storage.Tests;

/// <summary>Small hand-made data sets whose query answers are known.</summary>
internal static class SampleData
{
    public static readonly DateOnly Day1 = new(2026, 11, 20);
    public static readonly DateOnly Day2 = new(2026, 11, 21);

    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => StorageDays.Start(day).AddHours(hour).AddMinutes(minute);

    public static EventRow Event(string id, DateTimeOffset time, string user, string type, string? product = null, int line = 0) => new()
    {
        EventId = id,
        Line = line,
        Time = time,
        UserId = user,
        ClientSessionId = "cs-" + user,
        InteractionType = type,
        ProductId = product,
        Quantity = type is InteractionTypes.AddToCart or InteractionTypes.Purchase ? 1 : null,
        UnitPriceMinor = type is InteractionTypes.AddToCart or InteractionTypes.Purchase ? 1999 : null,
        Currency = type is InteractionTypes.AddToCart or InteractionTypes.Purchase ? "EUR" : null,
        OrderId = type == InteractionTypes.Purchase ? "o-" + id : null,
        DeviceType = "mobile",
        DeviceOs = "ios",
        Country = "DE",
        City = "Berlin",
    };

    /// <summary>
    /// Day 1: alice views p1, clicks p2, carts p1, buys p1+p2 (one event, two lines); bob views p1 and carts p2;
    /// carol views p3. Day 2: alice views p3, bob buys p2.
    /// </summary>
    public static IReadOnlyList<EventRow> Events() =>
    [
        Event("e1", At(Day1, 9), "alice", InteractionTypes.PageView, "p1"),
        Event("e2", At(Day1, 9, 5), "alice", InteractionTypes.ProductClick, "p2"),
        Event("e3", At(Day1, 9, 10), "alice", InteractionTypes.AddToCart, "p1"),
        Event("e4", At(Day1, 9, 20), "alice", InteractionTypes.Purchase, "p1", line: 0),
        Event("e4", At(Day1, 9, 20), "alice", InteractionTypes.Purchase, "p2", line: 1),
        Event("e5", At(Day1, 10), "bob", InteractionTypes.PageView, "p1"),
        Event("e6", At(Day1, 10, 30), "bob", InteractionTypes.AddToCart, "p2"),
        Event("e7", At(Day1, 11), "carol", InteractionTypes.PageView, "p3"),
        Event("e8", At(Day2, 8), "alice", InteractionTypes.PageView, "p3"),
        Event("e9", At(Day2, 12), "bob", InteractionTypes.Purchase, "p2"),
    ];

    public static IReadOnlyList<SessionRow> Sessions() =>
    [
        new() { SessionId = "s1", UserId = "alice", Start = At(Day1, 9), End = At(Day1, 9, 20), EventCount = 4, PurchaseCount = 1, RevenueMinor = 3998 },
        new() { SessionId = "s2", UserId = "bob", Start = At(Day1, 10), End = At(Day1, 10, 30), EventCount = 2 },
        new() { SessionId = "s3", UserId = "bob", Start = At(Day2, 12), End = At(Day2, 12, 10), EventCount = 1, PurchaseCount = 1, RevenueMinor = 1999 },
    ];

    public static TimeRange Days1And2 => new(StorageDays.Start(Day1), StorageDays.Start(Day2.AddDays(1)));
}
