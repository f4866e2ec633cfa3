using Microsoft.Extensions.Time.Testing;
using Orleans.RealTime.Contracts.Events;
using Orleans.RealTime.Contracts.Validation;

namespace Orleans.RealTime.Contracts.Tests;

public sealed class UserInteractionValidatorTests
{
    private readonly UserInteractionValidator _validator = new(new FakeTimeProvider(SampleEvents.Now));

    public static TheoryData<string, Action<UserInteraction>, string> BadEvents => new()
    {
        { "missing event id", e => e.EventId = "", "event_id" },
        { "blank user id", e => e.UserId = "  ", "user_id" },
        { "long event id", e => e.EventId = new string('x', 129), "event_id" },
        { "long user id", e => e.UserId = new string('u', 500), "user_id" },
        { "long session id", e => e.SessionId = new string('s', 129), "session_id" },
        { "no timestamp", e => e.Timestamp = 0, "timestamp" },
        { "negative timestamp", e => e.Timestamp = -5, "timestamp" },
        { "timestamp before 2000", e => e.Timestamp = new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), "timestamp" },
        { "timestamp two hours ahead", e => e.Timestamp = SampleEvents.Now.AddHours(2).ToUnixTimeMilliseconds(), "timestamp" },
        { "timestamp in seconds, not ms", e => e.Timestamp = SampleEvents.Now.ToUnixTimeSeconds(), "timestamp" },
        { "no interaction", e => e.ClearInteractionType(), "interaction_type" },
        { "too many device entries", e => { for (var i = 0; i < 33; i++) { e.DeviceInfo[$"k{i}"] = "v"; } }, "device_info" },
        { "empty location key", e => e.LocationData[""] = "x", "location_data[\"\"]" },
        { "long location value", e => e.LocationData["city"] = new string('c', 257), "location_data[\"city\"]" },
        { "negative metadata version", e => e.Metadata.Version = -1, "metadata.version" },
        { "long correlation id", e => e.Metadata.CorrelationId = new string('c', 129), "metadata.correlation_id" },
    };

    public static TheoryData<string, UserInteraction, string> BadInteractions => new()
    {
        { "page view without url", With(SampleEvents.PageView(), e => e.PageView.PageUrl = ""), "page_view.page_url" },
        { "page view with long referrer", With(SampleEvents.PageView(), e => e.PageView.ReferrerUrl = new string('r', 2049)), "page_view.referrer_url" },
        { "click without product", With(SampleEvents.ProductClick(), e => e.ProductClick.ProductId = ""), "product_click.product_id" },
        { "click at negative position", With(SampleEvents.ProductClick(), e => e.ProductClick.ListPosition = -1), "product_click.list_position" },
        { "cart without product", With(SampleEvents.AddToCart(), e => e.AddToCart.ProductId = ""), "add_to_cart.product_id" },
        { "cart with zero quantity", With(SampleEvents.AddToCart(), e => e.AddToCart.Quantity = 0), "add_to_cart.quantity" },
        { "cart with negative quantity", With(SampleEvents.AddToCart(), e => e.AddToCart.Quantity = -3), "add_to_cart.quantity" },
        { "cart with huge quantity", With(SampleEvents.AddToCart(), e => e.AddToCart.Quantity = 10_001), "add_to_cart.quantity" },
        { "cart with negative price", With(SampleEvents.AddToCart(), e => e.AddToCart.UnitPriceMinor = -1), "add_to_cart.unit_price_minor" },
        { "cart with lower-case currency", With(SampleEvents.AddToCart(), e => e.AddToCart.Currency = "eur"), "add_to_cart.currency" },
        { "cart without currency", With(SampleEvents.AddToCart(), e => e.AddToCart.Currency = ""), "add_to_cart.currency" },
        { "purchase without order", With(SampleEvents.Purchase(), e => e.Purchase.OrderId = ""), "purchase.order_id" },
        { "purchase without items", With(SampleEvents.Purchase(), e => e.Purchase.Items.Clear()), "purchase.items" },
        { "purchase with negative total", With(SampleEvents.Purchase(), e => e.Purchase.TotalMinor = -10), "purchase.total_minor" },
        { "purchase with bad currency", With(SampleEvents.Purchase(), e => e.Purchase.Currency = "EURO"), "purchase.currency" },
        { "line item without product", With(SampleEvents.Purchase(), e => e.Purchase.Items[1].ProductId = ""), "purchase.items[1].product_id" },
        { "line item with zero quantity", With(SampleEvents.Purchase(), e => e.Purchase.Items[0].Quantity = 0), "purchase.items[0].quantity" },
        { "line item with negative price", With(SampleEvents.Purchase(), e => e.Purchase.Items[1].UnitPriceMinor = -1), "purchase.items[1].unit_price_minor" },
    };

    [Fact]
    public void Validate_EveryValidInteractionType_HasNoErrors()
    {
        foreach (var interaction in SampleEvents.All())
        {
            var result = _validator.Validate(interaction);

            Assert.True(result.IsValid, $"{interaction.InteractionTypeCase}: {result}");
        }
    }

    [Fact]
    public void Validate_MinimalEvent_WithoutOptionalFields_IsValid()
    {
        var minimal = new UserInteraction
        {
            EventId = "e1",
            UserId = "u1",
            Timestamp = SampleEvents.Now.ToUnixTimeMilliseconds(),
            ProductClick = new ProductClick { ProductId = "P1" },
        };

        Assert.True(_validator.Validate(minimal).IsValid);
    }

    [Theory]
    [MemberData(nameof(BadEvents))]
    public void Validate_BadEnvelope_NamesTheField(string because, Action<UserInteraction> spoil, string field)
    {
        var interaction = SampleEvents.AddToCart();
        spoil(interaction);

        var result = _validator.Validate(interaction);

        Assert.False(result.IsValid, because);
        Assert.Equal([field], result.Errors.Select(e => e.Field));
    }

    [Theory]
    [MemberData(nameof(BadInteractions))]
    public void Validate_BadInteraction_NamesTheFieldPath(string because, UserInteraction interaction, string field)
    {
        var result = _validator.Validate(interaction);

        Assert.False(result.IsValid, because);
        Assert.Equal([field], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOne()
    {
        var interaction = new UserInteraction
        {
            AddToCart = new AddToCart { ProductId = "", Quantity = -1, UnitPriceMinor = -1, Currency = "x" },
        };

        var result = _validator.Validate(interaction);

        Assert.Equal(
            ["event_id", "user_id", "timestamp", "add_to_cart.product_id", "add_to_cart.quantity", "add_to_cart.unit_price_minor", "add_to_cart.currency"],
            result.Errors.Select(e => e.Field));
        Assert.Contains("add_to_cart.quantity: must be at least 1", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Null_ReturnsAnErrorInsteadOfThrowing()
    {
        var result = _validator.Validate(null);

        Assert.Equal("event", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Validate_TimestampWithinSkew_FollowsTheInjectedClock()
    {
        var clock = new FakeTimeProvider(SampleEvents.Now);
        var validator = new UserInteractionValidator(clock);
        var interaction = SampleEvents.PageView();
        interaction.Timestamp = SampleEvents.Now.AddMinutes(90).ToUnixTimeMilliseconds();

        Assert.False(validator.Validate(interaction).IsValid);
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.True(validator.Validate(interaction).IsValid);
    }

    [Fact]
    public void Validate_TooManyLineItems_ReportsTheLimitOnce()
    {
        var validator = new UserInteractionValidator(new FakeTimeProvider(SampleEvents.Now), new() { MaxLineItems = 2 });
        var purchase = With(SampleEvents.Purchase(), e => e.Purchase.Items.Add(new LineItem { ProductId = "P9", Quantity = 1 }));

        var result = validator.Validate(purchase);

        Assert.Equal("purchase.items", Assert.Single(result.Errors).Field);
    }

    private static UserInteraction With(UserInteraction interaction, Action<UserInteraction> change)
    {
        change(interaction);
        return interaction;
    }
}
