using Orleans.RealTime.Contracts.Api.V1;

namespace Orleans.RealTime.Storage;

/// <summary>
/// Runs a realtime.v1 <see cref="AnalyticsQuery"/> on an <see cref="IAnalyticsQueryRouter"/> and builds the
/// <see cref="AnalyticsResult"/>, so the gateway's <c>AnalyticsService.Query</c> is one call. A bad request throws
/// <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> is the proto field
/// (map it to <c>INVALID_ARGUMENT</c>); an unmeetable budget throws <see cref="LatencyBudgetExceededException"/>.
/// </summary>
public static class AnalyticsQueryExecutor
{
    /// <summary>Validates and runs <paramref name="query"/>.</summary>
    public static async Task<AnalyticsResult> ExecuteAsync(this IAnalyticsQueryRouter router, AnalyticsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(query);
        if (query.To <= query.From)
        {
            throw new ArgumentException("to must be after from (milliseconds since the Unix epoch, [from, to)).", "to");
        }

        if (query.LatencyBudgetMs < 0)
        {
            throw new ArgumentException("latency_budget_ms must not be negative (0 means no budget).", "latency_budget_ms");
        }

        var range = new TimeRange(DateTimeOffset.FromUnixTimeMilliseconds(query.From), DateTimeOffset.FromUnixTimeMilliseconds(query.To));
        TimeSpan? budget = query.LatencyBudgetMs == 0 ? null : TimeSpan.FromMilliseconds(query.LatencyBudgetMs);
        var result = new AnalyticsResult();
        switch (query.KindCase)
        {
            case AnalyticsQuery.KindOneofCase.EventCounts:
                if (query.EventCounts.BucketSeconds <= 0)
                {
                    throw new ArgumentException("event_counts.bucket_seconds must be positive.", "event_counts.bucket_seconds");
                }

                var counts = await router.CountEventsAsync(range, TimeSpan.FromSeconds(query.EventCounts.BucketSeconds), budget, cancellationToken);
                result.EventCounts.AddRange(counts.Value.Select(b => new Contracts.Api.V1.EventCountBucket
                {
                    BucketStart = b.BucketStart.ToUnixTimeMilliseconds(), InteractionType = b.InteractionType, Count = b.Count,
                }));
                return Finish(result, counts.Tiers, counts.Elapsed);

            case AnalyticsQuery.KindOneofCase.TopProducts:
                var by = string.IsNullOrEmpty(query.TopProducts.By) ? InteractionTypes.Purchase : query.TopProducts.By;
                if (!InteractionTypes.IsProductRanking(by))
                {
                    throw new ArgumentException("top_products.by must be product_click, add_to_cart or purchase.", "top_products.by");
                }

                var top = await router.TopProductsAsync(range, by, query.TopProducts.Limit > 0 ? query.TopProducts.Limit : 10, budget, cancellationToken);
                result.TopProducts.AddRange(top.Value.Select(p => new Contracts.Api.V1.ProductCount { ProductId = p.ProductId, Count = p.Count }));
                return Finish(result, top.Tiers, top.Elapsed);

            case AnalyticsQuery.KindOneofCase.Funnel:
                var funnel = await router.FunnelAsync(range, budget, cancellationToken);
                result.Funnel = new Funnel { Viewers = funnel.Value.Viewers, Carters = funnel.Value.Carters, Purchasers = funnel.Value.Purchasers };
                return Finish(result, funnel.Tiers, funnel.Elapsed);

            case AnalyticsQuery.KindOneofCase.UserTimeline:
                if (string.IsNullOrEmpty(query.UserTimeline.UserId))
                {
                    throw new ArgumentException("user_timeline.user_id is required.", "user_timeline.user_id");
                }

                var timeline = await router.UserTimelineAsync(range, query.UserTimeline.UserId, query.UserTimeline.Limit > 0 ? query.UserTimeline.Limit : 100, budget, cancellationToken);
                result.Timeline.AddRange(timeline.Value.Select(e => new TimelineEntry
                {
                    EventId = e.EventId, Timestamp = e.Time.ToUnixTimeMilliseconds(), InteractionType = e.InteractionType, ProductId = e.ProductId ?? string.Empty,
                }));
                return Finish(result, timeline.Tiers, timeline.Elapsed);

            case AnalyticsQuery.KindOneofCase.SessionStats:
                var stats = await router.SessionStatisticsAsync(range, budget, cancellationToken);
                result.SessionStats = new SessionStats
                {
                    Sessions = stats.Value.Sessions,
                    AverageDurationSeconds = stats.Value.AverageDurationSeconds,
                    AverageEvents = stats.Value.AverageEvents,
                    ConversionRate = stats.Value.ConversionRate,
                };
                return Finish(result, stats.Tiers, stats.Elapsed);

            default:
                throw new ArgumentException("kind must be one of event_counts, top_products, funnel, user_timeline, session_stats.", "kind");
        }
    }

    private static AnalyticsResult Finish(AnalyticsResult result, IReadOnlyList<StorageTier> tiers, TimeSpan elapsed)
    {
        result.Tiers.AddRange(tiers.Select(t => t.ToString().ToLowerInvariant()));
        result.ElapsedMs = (long)elapsed.TotalMilliseconds;
        return result;
    }
}
