using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using HdrHistogram;
using Orleans.RealTime.Contracts.Api.V1;

namespace Orleans.RealTime.LoadGen.Benchmarks.EndToEnd;

/// <summary>
/// One <c>WatchRecommendations</c> stream per watched user. Keeps each user's latest set, and records the time from
/// an event being handed to the Kafka producer to the first set that reflects it arriving on the stream: the set its
/// own id triggered, or a set triggered by a later event of the same user (a session applies a delivery call's events
/// together and pushes one set for the newest of them).
/// </summary>
internal sealed class RecommendationStreams : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<(string EventId, long Sent)>> _pending = new(StringComparer.Ordinal);
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

    /// <summary>Call right before producing an event of <paramref name="user"/> expected to trigger a new set.</summary>
    public void Sent(string user, string eventId)
    {
        var pending = _pending.GetOrAdd(user, _ => []);
        lock (pending)
        {
            pending.Add((eventId, Stopwatch.GetTimestamp()));
        }
    }

    public IReadOnlyCollection<string> Latest(string user) => _latest.TryGetValue(user, out var set) ? set : [];

    /// <summary>Latency percentiles in milliseconds and how many were measured.</summary>
    public (double P50, double P99, double Max, long Count) Percentiles()
    {
        lock (_lock)
        {
            return (_latency.GetValueAtPercentile(50) / 1000.0, _latency.GetValueAtPercentile(99) / 1000.0, _latency.GetMaxValue() / 1000.0, _latency.TotalCount);
        }
    }

    /// <summary>Records the latency of the user's pending events up to and including <paramref name="trigger"/>, if it is one of them.</summary>
    private void Answered(string user, string trigger, long now)
    {
        if (!_pending.TryGetValue(user, out var pending))
        {
            return;
        }

        List<(string EventId, long Sent)> answered;
        lock (pending)
        {
            var index = pending.FindIndex(p => p.EventId == trigger);
            if (index < 0)
            {
                return;
            }

            answered = pending[..(index + 1)];
            pending.RemoveRange(0, index + 1);
        }

        lock (_lock)
        {
            foreach (var (_, sent) in answered)
            {
                _latency.RecordValue((long)Stopwatch.GetElapsedTime(sent, now).TotalMicroseconds);
                Received++;
            }
        }
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
                if (set.TriggerEventId.Length > 0)
                {
                    Answered(user, set.TriggerEventId, now);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException || (ex is RpcException rpc && rpc.StatusCode == StatusCode.Cancelled))
        {
            // The benchmark ended.
        }
    }
}
