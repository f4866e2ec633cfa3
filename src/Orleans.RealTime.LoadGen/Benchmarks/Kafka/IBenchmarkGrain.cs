namespace Orleans.RealTime.LoadGen.Benchmarks.Kafka;

/// <summary>The per-user grain the provider run delivers into.</summary>
public interface IBenchmarkGrain : IGrainWithStringKey
{
    /// <summary>Events this activation received.</summary>
    Task<long> GetCountAsync();
}
