using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Contracts.Text;
using Orleans.RealTime.Recommendations;
using Orleans.RealTime.Recommendations.Model;

namespace Orleans.RealTime.Sessions.State;

/// <summary>
/// Applies events to a <see cref="UserSessionState"/>: the delivery checks of the configured semantics, late and
/// out-of-order handling, counts, recent products, cart, purchases and spend. Pure: no I/O, no clock of its own.
/// </summary>
internal sealed class SessionEventApplier(SessionOptions options, int modelContext = int.MaxValue)
{
    private readonly long _ttlMs = (long)options.IdleTimeout.TotalMilliseconds;

    // One instance per product id and currency for all sessions of the silo: each event decodes its own strings, and
    // storing those in long-lived session state wrote a young string into an old object per event (work for every
    // young-generation collection) and promoted it.
    private readonly NamePool _names = new(1_000_000);

    /// <summary>Applies <paramref name="evt"/> read at <paramref name="offset"/> (-1 when it has none) at processing time <paramref name="nowMs"/>.</summary>
    public ApplyResult Apply(UserSessionState state, UserInteraction evt, long offset, long nowMs, Func<string> newSessionId)
    {
        var kind = KindOf(evt);
        var checks = options.DeliverySemantics != DeliverySemantics.AtLeastOnce;
        if (checks && offset >= 0 && offset <= state.LastOffset)
        {
            return ApplyResult.Skipped(ApplyOutcome.Redelivered, kind);
        }

        var hash = HashOf(evt.EventId);
        if (checks && Array.IndexOf(state.RecentEventHashes, hash) >= 0)
        {
            Advance(state, offset);
            return ApplyResult.Skipped(ApplyOutcome.Duplicate, kind);
        }

        if (IsLate(state, evt.Timestamp))
        {
            Advance(state, offset);
            Remember(state, hash);
            return ApplyResult.Skipped(ApplyOutcome.Late, kind);
        }

        var opened = false;
        if (!state.IsOpen)
        {
            state.SessionId = newSessionId();
            state.StartedAtMs = evt.Timestamp;
            state.LastEventAtMs = evt.Timestamp;
            opened = true;
        }

        var outOfOrder = evt.Timestamp < state.LastEventAtMs;
        state.LastEventAtMs = Math.Max(state.LastEventAtMs, evt.Timestamp);
        state.StartedAtMs = Math.Min(state.StartedAtMs, evt.Timestamp);
        state.LastTouchedMs = nowMs;
        if (evt.SessionId.Length > 0 && !string.Equals(state.ClientSessionId, evt.SessionId, StringComparison.Ordinal))
        {
            state.ClientSessionId = evt.SessionId;
        }

        state.Counts[(int)kind]++;
        // What the model pairs the event's products with: only the most recent products it reads (modelContext), and
        // nothing for an event without products (a copy per event, kept until the model's next batch).
        var recent = CollectionsMarshal.AsSpan(state.RecentProducts);
        var context = TouchesProducts(evt) ? recent[..Math.Min(recent.Length, modelContext)].ToArray() : [];
        var products = ApplyInteraction(state, evt, kind);
        Advance(state, offset);
        Remember(state, hash);
        return new ApplyResult(ApplyOutcome.Applied, opened, outOfOrder, kind, products, context);
    }

    /// <summary>XxHash64 of the id's UTF-8 bytes, encoded on the stack when the id is short (they are UUIDs).</summary>
    internal static ulong HashOf(string eventId)
    {
        const int StackLimit = 256;
        if (Encoding.UTF8.GetMaxByteCount(eventId.Length) > StackLimit)
        {
            return XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(eventId));
        }

        Span<byte> utf8 = stackalloc byte[StackLimit];
        return XxHash64.HashToUInt64(utf8[..Encoding.UTF8.GetBytes(eventId, utf8)]);
    }

    /// <summary>Whether the open session has been idle (in processing time) for the TTL or longer.</summary>
    public bool IsExpired(UserSessionState state, long nowMs) => state.IsOpen && nowMs - state.LastTouchedMs >= _ttlMs;

    internal static InteractionKind KindOf(UserInteraction evt) => evt.InteractionTypeCase switch
    {
        UserInteraction.InteractionTypeOneofCase.ProductClick => InteractionKind.Click,
        UserInteraction.InteractionTypeOneofCase.AddToCart => InteractionKind.Cart,
        UserInteraction.InteractionTypeOneofCase.Purchase => InteractionKind.Purchase,
        _ => InteractionKind.View,
    };

    private bool IsLate(UserSessionState state, long timestamp) => state.IsOpen
        ? timestamp < state.StartedAtMs - _ttlMs
        : state.ClosedLastEventAtMs > 0 && timestamp < state.ClosedLastEventAtMs;

    private static bool TouchesProducts(UserInteraction evt) =>
        evt.InteractionTypeCase != UserInteraction.InteractionTypeOneofCase.PageView || evt.PageView.ProductId.Length > 0;

    private List<string> ApplyInteraction(UserSessionState state, UserInteraction evt, InteractionKind kind)
    {
        var products = new List<string>(1);
        switch (evt.InteractionTypeCase)
        {
            case UserInteraction.InteractionTypeOneofCase.PageView when evt.PageView.ProductId.Length > 0:
                products.Add(Name(evt.PageView.ProductId));
                break;
            case UserInteraction.InteractionTypeOneofCase.ProductClick:
                products.Add(Name(evt.ProductClick.ProductId));
                break;
            case UserInteraction.InteractionTypeOneofCase.AddToCart:
                var add = evt.AddToCart;
                var added = Name(add.ProductId);
                var quantity = (state.Cart.TryGetValue(added, out var line) ? line.Quantity : 0) + add.Quantity;
                state.Cart[added] = new CartItem(quantity, add.UnitPriceMinor, Name(add.Currency));
                products.Add(added);
                break;
            case UserInteraction.InteractionTypeOneofCase.Purchase:
                var purchase = evt.Purchase;
                var spend = state.SpendMinorByCurrency ??= new(StringComparer.Ordinal);
                var bought = state.PurchasedProducts ??= [];
                var currency = Name(purchase.Currency);
                spend[currency] = spend.GetValueOrDefault(currency) + purchase.TotalMinor;
                foreach (var item in purchase.Items)
                {
                    var product = Name(item.ProductId);
                    state.Cart.Remove(product);
                    if (!bought.Contains(product))
                    {
                        bought.Add(product);
                    }

                    products.Add(product);
                }

                break;
        }

        foreach (var product in products)
        {
            Touch(state, product, kind);
        }

        return products;
    }

    private void Touch(UserSessionState state, string product, InteractionKind kind)
    {
        var index = IndexOf(state.RecentProducts, product);
        if (index >= 0)
        {
            kind = (InteractionKind)Math.Max((int)kind, (int)state.RecentProducts[index].Kind);
            state.RecentProducts.RemoveAt(index);
        }

        state.RecentProducts.Insert(0, new ProductInteraction(product, kind));
        if (state.RecentProducts.Count > options.RecentProductLimit)
        {
            state.RecentProducts.RemoveRange(options.RecentProductLimit, state.RecentProducts.Count - options.RecentProductLimit);
        }
    }

    private static int IndexOf(List<ProductInteraction> recent, string product)
    {
        for (var i = 0; i < recent.Count; i++)
        {
            if (string.Equals(recent[i].ProductId, product, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The silo's one instance of a product id or currency.</summary>
    private string Name(string value) => _names.Get(value);

    private static void Advance(UserSessionState state, long offset) => state.LastOffset = Math.Max(state.LastOffset, offset);

    /// <summary>Adds to the ring of recent event-id hashes, which grows from 4 up to the window so short sessions stay small.</summary>
    private void Remember(UserSessionState state, ulong hash)
    {
        var hashes = state.RecentEventHashes;
        if (state.RecentEventCursor >= hashes.Length)
        {
            if (hashes.Length < options.DedupWindow)
            {
                Array.Resize(ref hashes, Math.Min(Math.Max(4, hashes.Length * 2), options.DedupWindow));
                state.RecentEventHashes = hashes;
            }
            else
            {
                state.RecentEventCursor = 0;
            }
        }

        hashes[state.RecentEventCursor++] = hash;
    }
}
