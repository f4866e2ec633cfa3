using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>
/// A realistic clickstream: users interleave by simulated think time (short gaps within a session, long idle gaps
/// between sessions); each session walks the funnel click → view → (cart) over a few products, moving to a planted
/// partner of the current product with <see cref="ClickstreamSettings.AffinityProbability"/>, else to a product
/// drawn by Zipf popularity, and may end in a purchase of the cart. Not thread-safe.
/// </summary>
internal sealed class ClickstreamGenerator
{
    private const double IdleGap = 20;
    private static readonly IReadOnlySet<string> NoProducts = new HashSet<string>();
    private readonly ClickstreamSettings _settings;
    private readonly Random _random;
    private readonly ProductCatalog _catalog;
    private readonly Shopper[] _shoppers;
    private readonly PriorityQueue<int, double> _due = new();

    public ClickstreamGenerator(ClickstreamSettings settings, string userPrefix = "user-")
    {
        _settings = settings;
        _random = new Random(settings.Seed);
        _catalog = new ProductCatalog(settings, _random);
        _shoppers = [.. Enumerable.Range(0, settings.Users).Select(u => new Shopper(userPrefix + u.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        for (var u = 0; u < _shoppers.Length; u++)
        {
            StartSession(_shoppers[u]);
            _due.Enqueue(u, _random.NextDouble() * IdleGap);
        }
    }

    public IReadOnlyList<Shopper> Shoppers => _shoppers;

    /// <summary>The next event of the user whose think time ends first.</summary>
    public GeneratedEvent Next()
    {
        _due.TryDequeue(out var index, out var due);
        var shopper = _shoppers[index];
        var generated = Step(shopper);
        var gap = shopper.Stage == FunnelStage.Browse && shopper.Current < 0 ? IdleGap : -Math.Log(1 - _random.NextDouble());
        _due.Enqueue(index, due + gap);
        return generated;
    }

    private GeneratedEvent Step(Shopper shopper)
    {
        var evt = new UserInteraction
        {
            EventId = $"{shopper.UserId}-{shopper.Events++}",
            UserId = shopper.UserId,
            SessionId = shopper.ClientSessionId,
            Timestamp = Timestamp(shopper),
            Metadata = new EventMetadata { Source = "loadgen", Version = 1 },
        };
        var before = shopper.SessionProducts.Count == 0 ? NoProducts : shopper.SessionProducts.Select(ProductCatalog.Id).ToHashSet();
        string? newClick = null;
        switch (shopper.Stage)
        {
            case FunnelStage.Browse:
                var product = shopper.Current >= 0 && _random.NextDouble() < _settings.AffinityProbability
                    ? _catalog.Partner(shopper.Current, _random)
                    : _catalog.Popular(_random);
                if (shopper.SessionProducts.Add(product))
                {
                    newClick = ProductCatalog.Id(product);
                }

                shopper.Current = product;
                evt.ProductClick = new ProductClick { ProductId = ProductCatalog.Id(product), ListName = "recommendations", ListPosition = _random.Next(10) };
                shopper.Stage = FunnelStage.View;
                break;
            case FunnelStage.View:
                evt.PageView = new PageView { PageType = "product", ProductId = ProductCatalog.Id(shopper.Current), PageUrl = "https://shop.example/" + ProductCatalog.Id(shopper.Current) };
                shopper.Stage = _random.NextDouble() < 0.25 ? FunnelStage.Cart : NextVisit(shopper);
                break;
            case FunnelStage.Cart:
                evt.AddToCart = new AddToCart { ProductId = ProductCatalog.Id(shopper.Current), Quantity = 1 + _random.Next(2), UnitPriceMinor = _catalog.Prices[shopper.Current], Currency = "EUR" };
                shopper.Cart.Add(shopper.Current);
                shopper.Stage = NextVisit(shopper);
                break;
            default:
                var purchase = new Purchase { OrderId = evt.EventId, Currency = "EUR" };
                foreach (var item in shopper.Cart.Distinct())
                {
                    purchase.Items.Add(new LineItem { ProductId = ProductCatalog.Id(item), Quantity = 1, UnitPriceMinor = _catalog.Prices[item] });
                    purchase.TotalMinor += _catalog.Prices[item];
                }

                evt.Purchase = purchase;
                StartSession(shopper);
                break;
        }

        return new GeneratedEvent(evt, _random.NextDouble() < _settings.DuplicateFraction, newClick, before);
    }

    private FunnelStage NextVisit(Shopper shopper)
    {
        if (--shopper.VisitsLeft > 0)
        {
            return FunnelStage.Browse;
        }

        if (shopper.Cart.Count > 0 && _random.NextDouble() < 0.5)
        {
            return FunnelStage.Purchase;
        }

        StartSession(shopper);
        return FunnelStage.Browse;
    }

    private void StartSession(Shopper shopper)
    {
        shopper.Session++;
        shopper.Current = -1;
        shopper.SessionProducts.Clear();
        shopper.Cart.Clear();
        shopper.VisitsLeft = 3 + _random.Next(8);
        shopper.Stage = FunnelStage.Browse;
    }

    private long Timestamp(Shopper shopper)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var stamp = shopper.LastTimestamp > 0 && _random.NextDouble() < _settings.OutOfOrderFraction
            ? shopper.LastTimestamp - 1 - _random.Next(5_000)
            : Math.Max(now, shopper.LastTimestamp);
        shopper.LastTimestamp = Math.Max(shopper.LastTimestamp, stamp);
        return stamp;
    }
}
