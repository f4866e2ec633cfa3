using Google.Protobuf;
using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

public static class TestEvents
{
    public static UserInteraction PageView(string userId, string eventId) => new()
    {
        EventId = eventId,
        UserId = userId,
        Timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        SessionId = "s-" + userId,
        PageView = new PageView { PageUrl = "https://shop.example/p/" + eventId, PageType = "product" },
    };

    public static byte[] Bytes(string userId, string eventId) => PageView(userId, eventId).ToByteArray();
}
