using Orleans.RealTime.Contracts.Api.V1;
using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.Gateway.Tests.Ingest;

/// <summary>Events for ingest tests.</summary>
internal static class IngestEvents
{
    public static UserInteraction Click(string user, string product = "P-1") => new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        UserId = user,
        SessionId = "client-" + user,
        Timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ProductClick = new ProductClick { ProductId = product, ListName = "search" },
    };

    /// <summary>An event with three bad fields: no event_id, no timestamp, no product_click.product_id.</summary>
    public static UserInteraction Invalid(string user) => new()
    {
        UserId = user,
        ProductClick = new ProductClick { ListName = "search" },
    };

    public static PublishRequest Request(UserInteraction interaction) => new() { Event = interaction };
}
