using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using HdrHistogram;
using Orleans.RealTime.Contracts.Api.V1;

namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>
/// One <c>WatchRecommendations</c> stream per watched user. Keeps each user's latest set, and records the time from
/// an event being handed to the Kafka producer to the first set it triggered arriving on the stream.
/// </summary>
internal sealed class RecommendationStreams : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _latest = new(StringComparer.Ordinal);
    private readonly LongHistogram _latency = new(TimeSpan.FromMinutes(1).Ticks / 10, 3);
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];

    public long Received { get; private set; }

    public static async Task<RecommendationStreams> OpenAsync(GrpcChannel channel, IEnumerable<string> users)
    {
        var streams = new RecommendationStreams();
        var client = new RecommendationService.RecommendationServiceClient(channel);
        var opened = new List<Task>();
        foreach (var user in users)
        {
            var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            streams._readers.Add(streams.ReadAsync(client, user, first));
            opened.Add(first.Task);
        }

        await Task.WhenAll(opened).WaitAsync(TimeSpan.FromMinutes(1));
        return streams;
    }

    public bool IsWatched(string user) => _latest.ContainsKey(user);

    /// <summary>Call right before producing an event expected to trigger a new set.</summary>
    public void Sent(string eventId) => _pending[eventId] = Stopwatch.GetTimestamp();

    public IReadOnlyCollection<string> Latest(string user) => _latest.TryGetValue(user, out var set) ? set : [];

    /// <summary>Latency percentiles in milliseconds and how many were measured.</summary>
    public (double P50, double P99, double Max, long Count) Percentiles()
    {
        lock (_lock)
        {
            return (_latency.GetValueAtPercentile(50) / 1000.0, _latency.GetValueAtPercentile(99) / 1000.0, _latency.GetMaxValue() / 1000.0, _latency.TotalCount);
        }
    }

    public void ResetLatency()
    {
        lock (_lock)
        {
            _latency.Reset();
        }

        _pending.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_readers);
        _stop.Dispose();
    }

    private async Task ReadAsync(RecommendationService.RecommendationServiceClient client, string user, TaskCompletionSource first)
    {
        try
        {
            using var call = client.WatchRecommendations(new WatchRecommendationsRequest { UserId = user }, cancellationToken: _stop.Token);
            await foreach (var set in call.ResponseStream.ReadAllAsync(_stop.Token))
            {
                var now = Stopwatch.GetTimestamp();
                _latest[user] = [.. set.Items.Select(i => i.ProductId)];
                first.TrySetResult();
                if (set.TriggerEventId.Length > 0 && _pending.TryRemove(set.TriggerEventId, out var sent))
                {
                    var micros = (long)Stopwatch.GetElapsedTime(sent, now).TotalMicroseconds;
                    lock (_lock)
                    {
                        _latency.RecordValue(micros);
                        Received++;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException || (ex is RpcException rpc && rpc.StatusCode == StatusCode.Cancelled))
        {
            // The benchmark ended.
        }
    }
}
