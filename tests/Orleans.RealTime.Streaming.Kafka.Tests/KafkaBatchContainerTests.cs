using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Streaming.Kafka.Providers;
using Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class KafkaBatchContainerTests
{
    [Fact]
    public void GetEvents_GivesTheEventsOfTheType_EachWithItsIndexAmongThemAtTheRecordsOffset()
    {
        var (a, b) = (TestEvents.PageView("u", "a"), TestEvents.PageView("u", "b"));
        var batch = new KafkaBatchContainer(
            StreamId.Create("t", "u"),
            [a, "not an interaction", b],
            new KafkaRecordMetadata("t", 0, 7, DateTimeOffset.UnixEpoch, []),
            new KafkaStreamSequenceToken(7),
            100);

        var events = batch.GetEvents<UserInteraction>().ToList();
        var texts = batch.GetEvents<string>().ToList();

        Assert.Equal([a, b], events.Select(e => e.Item1));
        Assert.Equal([(7L, 0), (7L, 1)], events.Select(e => (e.Item2.SequenceNumber, e.Item2.EventIndex)));
        Assert.Equal(("not an interaction", 7L, 0), (texts.Single().Item1, texts.Single().Item2.SequenceNumber, texts.Single().Item2.EventIndex));
        Assert.Empty(batch.GetEvents<int>());
    }
}
