using Orleans.RealTime.Contracts.Api.V1;

namespace Orleans.RealTime.Contracts.Tests;

public sealed class RealTimeApiContractTests
{
    [Fact]
    public void Services_AreDeclaredInRealtimeV1_WithTheirMethods()
    {
        var methods = new[] { IngestService.Descriptor, SessionService.Descriptor, RecommendationService.Descriptor, AnalyticsService.Descriptor }
            .ToDictionary(s => s.FullName, s => s.Methods.Select(m => m.Name).Order().ToArray());

        Assert.Equal(["Publish", "PublishStream"], methods["realtime.v1.IngestService"]);
        Assert.Equal(["GetSession"], methods["realtime.v1.SessionService"]);
        Assert.Equal(["GetRecommendations", "WatchRecommendations"], methods["realtime.v1.RecommendationService"]);
        Assert.Equal(["Query"], methods["realtime.v1.AnalyticsService"]);
    }

    [Fact]
    public void StreamingShapes_MatchTheContract()
    {
        var publishStream = IngestService.Descriptor.FindMethodByName("PublishStream");
        var watch = RecommendationService.Descriptor.FindMethodByName("WatchRecommendations");

        Assert.True(publishStream.IsClientStreaming);
        Assert.False(publishStream.IsServerStreaming);
        Assert.True(watch.IsServerStreaming);
        Assert.False(watch.IsClientStreaming);
    }
}
