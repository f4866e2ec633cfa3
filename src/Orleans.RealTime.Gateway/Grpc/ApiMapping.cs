using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Recommendations;
using Orleans.RealTime.Sessions;

namespace Orleans.RealTime.Gateway.Grpc;

/// <summary>Maps grain results to <c>realtime.v1</c> messages.</summary>
internal static class ApiMapping
{
    public static Session ToMessage(SessionSnapshot snapshot)
    {
        var session = new Session
        {
            UserId = snapshot.UserId,
            SessionId = snapshot.SessionId,
            ClientSessionId = snapshot.ClientSessionId,
            StartedAt = snapshot.StartedAt?.ToUnixTimeMilliseconds() ?? 0,
            LastEventAt = snapshot.LastEventAt?.ToUnixTimeMilliseconds() ?? 0,
            PageViews = snapshot.PageViews,
            ProductClicks = snapshot.ProductClicks,
            AddToCarts = snapshot.AddToCarts,
            Purchases = snapshot.Purchases,
            RecentlyViewedProducts = { snapshot.RecentlyViewedProducts },
            SpendMinorByCurrency = { snapshot.SpendMinorByCurrency.ToDictionary() },
        };
        foreach (var (product, line) in snapshot.Cart.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            session.Cart.Add(new CartLine { ProductId = product, Quantity = line.Quantity, UnitPriceMinor = line.UnitPriceMinor, Currency = line.Currency });
        }

        return session;
    }

    public static RecommendationSet ToMessage(RecommendationSnapshot snapshot) => new()
    {
        UserId = snapshot.UserId,
        ComputedAt = snapshot.ComputedAt.ToUnixTimeMilliseconds(),
        TriggerEventId = snapshot.TriggerEventId,
        Items = { snapshot.Items.Select(i => new Contracts.Api.V1.Recommendation { ProductId = i.ProductId, Score = i.Score, Reason = i.Reason }) },
    };
}
