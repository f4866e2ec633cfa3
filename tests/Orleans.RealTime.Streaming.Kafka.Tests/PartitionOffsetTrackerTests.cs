using Orleans.RealTime.Streaming.Kafka.Providers;

namespace Orleans.RealTime.Streaming.Kafka.Tests;

public sealed class PartitionOffsetTrackerTests
{
    [Fact]
    public void Committable_OutOfOrderDeliveries_StaysAtLowestUndelivered()
    {
        var tracker = new PartitionOffsetTracker();
        Assert.Null(tracker.Committable);
        foreach (var offset in new long[] { 10, 11, 12, 15 })
        {
            tracker.Read(offset);
        }

        Assert.Equal(10, tracker.Committable);
        tracker.Done(11);
        tracker.Done(15);
        Assert.Equal(10, tracker.Committable);
        tracker.Done(10);
        Assert.Equal(12, tracker.Committable);
        tracker.Done(12);
        Assert.Equal(16, tracker.Committable);
        Assert.Equal(0, tracker.PendingCount);
    }

    [Fact]
    public void Read_OffsetGoingBackwards_Throws()
    {
        var tracker = new PartitionOffsetTracker();
        tracker.Read(5);
        Assert.Throws<InvalidOperationException>(() => tracker.Read(4));
    }
}
