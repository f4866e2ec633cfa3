using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Storage;

/// <summary>The <see cref="IAnalyticsQueryRouter"/> over <see cref="StorageTiers"/>.</summary>
/// <param name="tiers">The tier stores.</param>
/// <param name="options">The tier settings (expected latencies).</param>
/// <param name="timeProvider">The clock used to measure and bound queries.</param>
/// <param name="instruments">Query metrics.</param>
public sealed class AnalyticsQueryRouter(StorageTiers tiers, IOptions<StorageOptions> options, TimeProvider timeProvider, StorageInstruments instruments) : IAnalyticsQueryRouter
{
    private static readonly StorageTier[] HottestFirst = [StorageTier.Hot, StorageTier.Warm, StorageTier.Cold];

    /// <inheritdoc />
    public async Task<IReadOnlyList<TierQueryPart>> PlanAsync(TimeRange range, TimeSpan? latencyBudget, CancellationToken cancellationToken = default)
    {
        var held = await Task.WhenAll(HottestFirst.Select(async t => (Tier: t, Days: (await tiers.Get(t).ListDaysAsync(cancellationToken)).ToHashSet())));
        var parts = new List<TierQueryPart>();
        (StorageTier Tier, DateOnly First, DateOnly Last)? run = null;
        foreach (var day in range.Days())
        {
            var owner = held.FirstOrDefault(h => h.Days.Contains(day));
            if (owner.Days is null)
            {
                continue;
            }

            if (run is { } current && current.Tier == owner.Tier)
            {
                run = current with { Last = day };
                continue;
            }

            AddRun(run);
            run = (owner.Tier, day, day);
        }

        AddRun(run);
        CheckBudget(parts, latencyBudget);
        return parts;

        void AddRun((StorageTier Tier, DateOnly First, DateOnly Last)? r)
        {
            if (r is { } value)
            {
                parts.Add(new TierQueryPart(value.Tier, range.Intersect(new TimeRange(StorageDays.Start(value.First), StorageDays.Start(value.Last.AddDays(1))))));
            }
        }
    }

    /// <inheritdoc />
    public Task<TierQueryResult<IReadOnlyList<EventCountBucket>>> CountEventsAsync(TimeRange range, TimeSpan bucket, TimeSpan? latencyBudget, CancellationToken cancellationToken = default) =>
        RunAsync(
            range,
            latencyBudget,
            (store, part, _, ct) => store.CountEventsAsync(part, bucket, ct),
            answers => (IReadOnlyList<EventCountBucket>)[.. answers.SelectMany(a => a)
                .GroupBy(b => (b.BucketStart, b.InteractionType))
                .Select(g => new EventCountBucket(g.Key.BucketStart, g.Key.InteractionType, g.Sum(b => b.Count)))
                .OrderBy(b => b.BucketStart).ThenBy(b => b.InteractionType, StringComparer.Ordinal)],
            [],
            cancellationToken);

    /// <inheritdoc />
    public Task<TierQueryResult<IReadOnlyList<ProductCount>>> TopProductsAsync(TimeRange range, string interactionType, int limit, TimeSpan? latencyBudget, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return RunAsync(
            range,
            latencyBudget,

            // A product outside one tier's top N can still be in the merged top N, so several parts return every product.
            (store, part, partCount, ct) => store.TopProductsAsync(part, interactionType, partCount == 1 ? limit : int.MaxValue, ct),
            answers => (IReadOnlyList<ProductCount>)[.. answers.SelectMany(a => a)
                .GroupBy(p => p.ProductId, StringComparer.Ordinal)
                .Select(g => new ProductCount(g.Key, g.Sum(p => p.Count)))
                .OrderByDescending(p => p.Count).ThenBy(p => p.ProductId, StringComparer.Ordinal)
                .Take(limit)],
            [],
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TierQueryResult<FunnelCounts>> FunnelAsync(TimeRange range, TimeSpan? latencyBudget, CancellationToken cancellationToken = default)
    {
        // Distinct users do not add up across parts, so several parts return their users and the sets are united.
        var users = await RunAsync(
            range,
            latencyBudget,
            async (store, part, partCount, ct) => partCount == 1
                ? (Counts: await store.FunnelAsync(part, ct), Users: (FunnelUsers?)null)
                : (Counts: (FunnelCounts?)null, Users: await store.FunnelUsersAsync(part, ct)),
            answers => answers.Length == 1 && answers[0].Counts is { } counts
                ? counts
                : new FunnelCounts(
                    Union(answers, a => a.Users!.Viewers), Union(answers, a => a.Users!.Carters), Union(answers, a => a.Users!.Purchasers)),
            new FunnelCounts(0, 0, 0),
            cancellationToken);
        return users;

        static long Union<T>(T[] answers, Func<T, IReadOnlySet<string>> stage) => answers.SelectMany(stage).Distinct(StringComparer.Ordinal).LongCount();
    }

    /// <inheritdoc />
    public Task<TierQueryResult<IReadOnlyList<EventRow>>> UserTimelineAsync(TimeRange range, string userId, int limit, TimeSpan? latencyBudget, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return RunAsync(
            range,
            latencyBudget,
            (store, part, _, ct) => store.UserTimelineAsync(part, userId, limit, ct),
            answers => (IReadOnlyList<EventRow>)[.. answers.SelectMany(a => a)
                .OrderBy(e => e.Time).ThenBy(e => e.EventId, StringComparer.Ordinal).ThenBy(e => e.Line)
                .Take(limit)],
            [],
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<TierQueryResult<SessionStatistics>> SessionStatisticsAsync(TimeRange range, TimeSpan? latencyBudget, CancellationToken cancellationToken = default) =>
        RunAsync(
            range,
            latencyBudget,
            (store, part, _, ct) => store.SessionStatisticsAsync(part, ct),
            answers => answers.Aggregate(SessionStatistics.Empty, (sum, a) => sum.Add(a)),
            SessionStatistics.Empty,
            cancellationToken);

    private async Task<TierQueryResult<TResult>> RunAsync<TPart, TResult>(
        TimeRange range,
        TimeSpan? latencyBudget,
        Func<ITierStore, TimeRange, int, CancellationToken, Task<TPart>> query,
        Func<TPart[], TResult> merge,
        TResult empty,
        CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var parts = await PlanAsync(range, latencyBudget, cancellationToken);
        var answered = parts.Select(p => p.Tier).Distinct().Order().ToList();
        if (parts.Count == 0)
        {
            instruments.QueryAnswered(null, timeProvider.GetElapsedTime(started));
            return new TierQueryResult<TResult>(empty, answered, timeProvider.GetElapsedTime(started));
        }

        using var timeout = latencyBudget is { } limit ? new CancellationTokenSource(limit, timeProvider) : new CancellationTokenSource();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        try
        {
            var answers = await Task.WhenAll(parts.Select(p => query(tiers.Get(p.Tier), p.Range, parts.Count, budget.Token)));
            var elapsed = timeProvider.GetElapsedTime(started);
            instruments.QueryAnswered(answered[^1], elapsed);
            return new TierQueryResult<TResult>(merge(answers), answered, elapsed);
        }
        catch (OperationCanceledException exception) when (latencyBudget is { } spent && !cancellationToken.IsCancellationRequested)
        {
            instruments.BudgetRejected(answered[^1]);
            throw new LatencyBudgetExceededException(spent, answered, exception);
        }
    }

    private void CheckBudget(IReadOnlyList<TierQueryPart> parts, TimeSpan? latencyBudget)
    {
        if (latencyBudget is not { } budget)
        {
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, TimeSpan.Zero, nameof(latencyBudget));
        foreach (var tier in parts.Select(p => p.Tier).Distinct().OrderDescending())
        {
            var expected = options.Value.Tier(tier).ExpectedLatency;
            if (expected > budget)
            {
                instruments.BudgetRejected(tier);
                throw new LatencyBudgetExceededException(budget, tier, expected);
            }
        }
    }
}
