using System.Text;

namespace Orleans.RealTime.Storage.Tests.Layout;

/// <summary>Every answer a store gives over a range, written out as text so that two snapshots compare exactly.</summary>
internal static class StoreAnswers
{
    public static async Task<string> SnapshotAsync(ITierStore store, TimeRange range, IEnumerable<string> users)
    {
        var text = new StringBuilder();
        void Add<T>(string name, IEnumerable<T> values) => text.AppendLine(name).AppendJoin('\n', values).AppendLine();

        Add("days", await store.ListDaysAsync());
        foreach (var day in await store.ListDaysAsync())
        {
            var data = await store.ReadDayAsync(day);
            Add($"counts {day}", [await store.CountDayAsync(day)]);
            Add($"rows {day}", data.Events);
        }

        foreach (var bucket in new[] { TimeSpan.FromHours(1), TimeSpan.FromMinutes(7) })
        {
            Add($"event counts {bucket}", await store.CountEventsAsync(range, bucket));
        }

        foreach (var type in new[] { InteractionTypes.Purchase, InteractionTypes.AddToCart, InteractionTypes.ProductClick, InteractionTypes.PageView })
        {
            Add($"top {type}", await store.TopProductsAsync(range, type, 100));
        }

        var funnel = await store.FunnelUsersAsync(range);
        Add("funnel", [await store.FunnelAsync(range)]);
        Add("viewers", funnel.Viewers.Order(StringComparer.Ordinal));
        Add("carters", funnel.Carters.Order(StringComparer.Ordinal));
        Add("purchasers", funnel.Purchasers.Order(StringComparer.Ordinal));
        foreach (var user in users)
        {
            Add($"timeline {user}", await store.UserTimelineAsync(range, user, 1_000));
            Add($"timeline {user} first 3", await store.UserTimelineAsync(range, user, 3));
            foreach (var part in Parts(range))
            {
                Add($"timeline {user} {part}", await store.UserTimelineAsync(part, user, 1_000));
            }
        }

        return text.ToString();
    }

    /// <summary>Sub-ranges that start and end inside days, inside one day, and across day boundaries.</summary>
    private static IEnumerable<TimeRange> Parts(TimeRange range)
    {
        var day = StorageDays.Start(StorageDays.Of(range.From)).AddDays(1);
        yield return new(day.AddHours(13).AddMinutes(17), day.AddDays(2).AddHours(2).AddMinutes(5));
        yield return new(day.AddDays(1).AddHours(3), day.AddDays(1).AddHours(9));
        yield return new(day.AddDays(1), day.AddDays(2));
        yield return new(day.AddHours(-1), day.AddDays(1).AddHours(1));
    }
}
