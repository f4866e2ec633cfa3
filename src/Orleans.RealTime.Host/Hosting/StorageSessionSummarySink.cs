using Orleans.RealTime.Sessions.Summaries;
using Orleans.RealTime.Storage;

namespace Orleans.RealTime.Host.Hosting;

/// <summary>
/// Writes every closed session to the hot tier's sessions table. The store keys rows by session id, so a summary
/// written twice (a crash between writing it and persisting the reset) is stored once.
/// </summary>
internal sealed class StorageSessionSummarySink(StorageTiers tiers) : ISessionSummarySink
{
    public Task WriteAsync(SessionSummary summary, CancellationToken cancellationToken = default) =>
        tiers.Hot.WriteSessionsAsync([ToRow(summary)], cancellationToken);

    /// <summary>
    /// Revenue is the sum of the session's spend over its currencies: exact for the usual single-currency session,
    /// a mixed-unit figure otherwise (the row has one revenue column).
    /// </summary>
    internal static SessionRow ToRow(SessionSummary summary) => new()
    {
        SessionId = summary.SessionId,
        UserId = summary.UserId,
        Start = summary.StartedAt,
        End = summary.LastEventAt,
        EventCount = checked((int)(summary.PageViews + summary.ProductClicks + summary.AddToCarts + summary.Purchases)),
        PurchaseCount = checked((int)summary.Purchases),
        RevenueMinor = summary.SpendMinorByCurrency.Values.Sum(),
    };
}
