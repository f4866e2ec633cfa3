using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Recommendations;
using Orleans.RealTime.Recommendations.Model;
using Orleans.RealTime.Sessions.Expiry;
using Orleans.RealTime.Sessions.State;
using Orleans.RealTime.Sessions.Storage;
using Orleans.RealTime.Sessions.Summaries;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Orleans.RealTime.Sessions;

/// <summary>
/// One user's session: implicitly subscribed to <see cref="SessionStreams.Namespace"/> (stream key = user_id), it
/// applies each event under the configured <see cref="DeliverySemantics"/>, closes the session after
/// <see cref="SessionOptions.IdleTimeout"/> of processing time (a durable reminder checks it), hands interactions to
/// the recommendation model in batches and pushes recomputed recommendations to watchers.
/// </summary>
[ImplicitStreamSubscription(SessionStreams.Namespace)]
internal sealed partial class UserSessionGrain(
    [FromKeyedServices(SessionStreams.StorageName)] IGrainStorage storage,
    IOptions<SessionOptions> options,
    SessionEventApplier applier,
    [FromKeyedServices(RealTimeClock.Key)] TimeProvider time,
    ISessionSummarySink summaries,
    Recommender recommender,
    ModelUpdateQueue modelUpdates,
    SessionInstruments instruments,
    ISessionExpiry expiry,
    ILogger<UserSessionGrain> logger)
    : Grain, IUserSessionGrain, ISessionExpiryCheck, IRemindable, IStreamSubscriptionObserver, IAsyncBatchObserver<UserInteraction>
{

    private readonly SessionOptions _options = options.Value;
    private SessionStateStore _state = null!;
    private readonly RecommendationWatchers _watchers = new(options.Value.WatchLease);
    private readonly EventIdBuffer _lastTriggerEventId = new();
    private bool _dirty;
    private long _lastPageViewRecomputeMs = long.MinValue;

    private string UserId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _state = new SessionStateStore(storage, this.GetGrainId());
        await _state.ReadAsync();
        if (_options.DeliverySemantics == DeliverySemantics.AtMostOnce)
        {
            this.RegisterGrainTimer(PersistIfDirtyAsync, _options.PersistInterval, _options.PersistInterval);
        }
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        PersistIfDirtyAsync(cancellationToken);

    /// <inheritdoc />
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);

        // A batch observer gets all records of one delivery call together (up to the pulling agent's
        // BatchContainerBatchSize), so the session applies them and writes its state once per call, not once per record.
        return handleFactory.Create<UserInteraction>().ResumeAsync((IAsyncBatchObserver<UserInteraction>)this);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Applying a record almost always completes at once (only a session's expiry or its first deadline awaits), so
    /// the call stays synchronous until then and hands back the state write's task, without a frame of its own.
    /// </remarks>
    public Task OnNextAsync(IList<SequentialItem<UserInteraction>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = time.GetUtcNow();
        string? trigger = null;
        var applied = false;
        for (var i = 0; i < items.Count; i++)
        {
            var pending = ApplyOneAsync(items[i].Item, items[i].Token?.SequenceNumber ?? -1, now);
            if (!pending.IsCompletedSuccessfully)
            {
                return ApplyRestAsync(items, i, pending, now, applied, trigger);
            }

            (applied, trigger) = Accumulate(pending.Result, applied, trigger);
        }

        return CompleteAsync(applied, trigger);
    }

    /// <inheritdoc />
    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task ApplyAsync(UserInteraction evt)
    {
        var outcome = await ApplyOneAsync(evt, -1, time.GetUtcNow());
        await CompleteAsync(outcome.Applied, outcome.Trigger);
    }

    /// <inheritdoc />
    public async Task<SessionSnapshot> GetSessionAsync()
    {
        await TouchOnReadAsync();
        return SessionMapping.ToSnapshot(UserId, _state.State);
    }

    /// <inheritdoc />
    public async Task<RecommendationSnapshot> GetRecommendationsAsync(int limit)
    {
        await TouchOnReadAsync();

        // Computed fresh: the model and trending move on between the session's own events.
        return Compute(_lastTriggerEventId.ToString(), limit > 0 ? limit : recommender.DefaultLimit);
    }

    /// <inheritdoc />
    public Task WatchAsync(IRecommendationObserver observer)
    {
        _watchers.Renew(observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UnwatchAsync(IRecommendationObserver observer)
    {
        _watchers.Remove(observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<long> CheckExpiryAsync()
    {
        await ExpireIfDueAsync(time.GetUtcNow());
        return _state.State.IsOpen ? _state.State.LastTouchedMs + (long)_options.IdleTimeout.TotalMilliseconds : -1;
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await ExpireIfDueAsync(time.GetUtcNow());
        if (!_state.State.IsOpen)
        {
            var reminder = await this.GetReminder(ReminderSessionExpiry.ReminderName);
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    /// <summary>Applies one event in memory; says whether it changed the session and whether it asks for new recommendations.</summary>
    private async ValueTask<(bool Applied, string? Trigger)> ApplyOneAsync(UserInteraction evt, long offset, DateTimeOffset now)
    {
        await ExpireIfDueAsync(now);
        var result = applier.Apply(_state.State, evt, offset, now.ToUnixTimeMilliseconds(), NewSessionId);
        instruments.Event(result.Outcome);
        if (result.Outcome != ApplyOutcome.Applied)
        {
            _dirty = true;
            return (false, null);
        }

        if (result.OutOfOrder)
        {
            instruments.OutOfOrder();
        }

        if (result.OpenedSession)
        {
            instruments.Opened();
            await expiry.ScheduleAsync(this, now.ToUnixTimeMilliseconds() + (long)_options.IdleTimeout.TotalMilliseconds);
        }

        foreach (var product in result.Products)
        {
            modelUpdates.Enqueue(new ModelUpdate(product, result.Kind, result.Context, now));
        }

        return (true, ShouldRecompute(result, now) ? evt.EventId : null);
    }

    private static (bool Applied, string? Trigger) Accumulate((bool Applied, string? Trigger) outcome, bool applied, string? trigger) =>
        (applied | outcome.Applied, outcome.Trigger ?? trigger);

    /// <summary>Goes on with a delivery call from the record at <paramref name="index"/>, whose application is pending.</summary>
    private async Task ApplyRestAsync(
        IList<SequentialItem<UserInteraction>> items, int index, ValueTask<(bool Applied, string? Trigger)> pending, DateTimeOffset now, bool applied, string? trigger)
    {
        (applied, trigger) = Accumulate(await pending, applied, trigger);
        for (var i = index + 1; i < items.Count; i++)
        {
            (applied, trigger) = Accumulate(await ApplyOneAsync(items[i].Item, items[i].Token?.SequenceNumber ?? -1, now), applied, trigger);
        }

        await CompleteAsync(applied, trigger);
    }

    /// <summary>
    /// Ends a delivery call: pushes one recomputed set for the newest triggering event (it reflects every event before
    /// it), then persists what was applied, so the call succeeds only once its effects are stored.
    /// </summary>
    /// <remarks>
    /// This and <see cref="PersistAppliedAsync"/> hand back the write's task rather than await it: with Redis the write
    /// completes later, and every awaiting frame on the grain's scheduler would box its state machine and queue a
    /// continuation per call.
    /// </remarks>
    private Task CompleteAsync(bool applied, string? trigger)
    {
        if (trigger is not null)
        {
            _lastTriggerEventId.Set(trigger);
            if (_watchers.Count > 0)
            {
                _watchers.Notify(Compute(trigger, recommender.DefaultLimit));
            }
        }

        return applied ? PersistAppliedAsync() : Task.CompletedTask;
    }

    private bool ShouldRecompute(ApplyResult result, DateTimeOffset now)
    {
        if (result.Kind != InteractionKind.View)
        {
            return true;
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        if (result.Products.Count == 0 || nowMs - _lastPageViewRecomputeMs < (long)_options.PageViewRecomputeInterval.TotalMilliseconds)
        {
            return false;
        }

        _lastPageViewRecomputeMs = nowMs;
        return true;
    }

    private RecommendationSnapshot Compute(string triggerEventId, int limit)
    {
        var excluded = new HashSet<string>(_state.State.Cart.Keys, StringComparer.Ordinal);
        if (_state.State.PurchasedProducts is { } bought)
        {
            excluded.UnionWith(bought);
        }
        var items = recommender.Recommend(_state.State.RecentProducts, excluded, limit);
        return new RecommendationSnapshot(UserId, items, time.GetUtcNow(), triggerEventId);
    }

    private Task PersistAppliedAsync()
    {
        if (_options.DeliverySemantics == DeliverySemantics.AtMostOnce)
        {
            _dirty = true;
            return Task.CompletedTask;
        }

        return WriteOrReloadAsync();
    }

    private async Task TouchOnReadAsync()
    {
        var now = time.GetUtcNow();
        await ExpireIfDueAsync(now);
        if (_state.State.IsOpen)
        {
            _state.State.LastTouchedMs = now.ToUnixTimeMilliseconds();
            _dirty = true;
        }
    }

    private async Task ExpireIfDueAsync(DateTimeOffset now)
    {
        if (!applier.IsExpired(_state.State, now.ToUnixTimeMilliseconds()))
        {
            return;
        }

        var summary = SessionMapping.ToSummary(UserId, _state.State, now);
        await summaries.WriteAsync(summary);
        _state.State = SessionMapping.Reset(_state.State);
        _lastTriggerEventId.Clear();
        await WriteOrReloadAsync();
        instruments.Closed();
        LogSessionClosed(logger, UserId, summary.SessionId, summary.PageViews + summary.ProductClicks + summary.AddToCarts + summary.Purchases);
    }

    private async Task PersistIfDirtyAsync(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await WriteOrReloadAsync();
        }
    }

    /// <summary>Writes the state; when the write fails, reloads what is stored so memory never runs ahead of it, and rethrows.</summary>
    private async Task WriteOrReloadAsync()
    {
        try
        {
            await _state.WriteAsync();
            _dirty = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPersistFailed(logger, ex, UserId);
            await _state.ReadAsync();
            throw;
        }
    }

    private static string NewSessionId() => Guid.NewGuid().ToString("N");

    [LoggerMessage(1, LogLevel.Debug, "Session {SessionId} of user {UserId} closed after {Events} events")]
    private static partial void LogSessionClosed(ILogger logger, string userId, string sessionId, long events);

    [LoggerMessage(2, LogLevel.Warning, "Persisting the session of user {UserId} failed; state reloaded")]
    private static partial void LogPersistFailed(ILogger logger, Exception exception, string userId);
}
