namespace Orleans.RealTime.Streaming.Kafka.Tests.Infrastructure;

public interface IRecordingGrain : IGrainWithStringKey
{
    Task PingAsync();
}
