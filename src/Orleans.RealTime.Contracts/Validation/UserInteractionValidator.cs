using Google.Protobuf.Collections;
using Orleans.RealTime.Contracts.Events;

namespace Orleans.RealTime.Contracts.Validation;

/// <summary>
/// The one validator every entry point uses (gRPC ingest, Kafka decoding, the load generator).
/// It reports every problem with its field path and never throws for bad input.
/// </summary>
/// <param name="timeProvider">The clock that bounds future timestamps.</param>
/// <param name="options">The bounds; defaults when <see langword="null"/>.</param>
public sealed class UserInteractionValidator(TimeProvider timeProvider, UserInteractionValidatorOptions? options = null)
{
    private readonly UserInteractionValidatorOptions _options = options ?? new();

    /// <summary>A validator on the system clock with default bounds.</summary>
    public static UserInteractionValidator Default { get; } = new(TimeProvider.System);

    /// <summary>Validates <paramref name="interaction"/>; a <see langword="null"/> event is one error, not an exception.</summary>
    public ValidationResult Validate(UserInteraction? interaction)
    {
        if (interaction is null)
        {
            return new ValidationResult([new ValidationError("event", "is required")]);
        }

        var errors = new List<ValidationError>();
        RequireId(errors, "event_id", interaction.EventId);
        RequireId(errors, "user_id", interaction.UserId);
        OptionalText(errors, "session_id", interaction.SessionId, _options.MaxIdLength);
        CheckTimestamp(errors, interaction.Timestamp);
        CheckInteraction(errors, interaction);
        CheckAttributes(errors, "device_info", interaction.DeviceInfo);
        CheckAttributes(errors, "location_data", interaction.LocationData);
        if (interaction.Metadata is { } metadata)
        {
            OptionalText(errors, "metadata.source", metadata.Source, _options.MaxAttributeLength);
            OptionalText(errors, "metadata.correlation_id", metadata.CorrelationId, _options.MaxIdLength);
            if (metadata.Version < 0)
            {
                errors.Add(new("metadata.version", "must not be negative"));
            }
        }

        return errors.Count == 0 ? ValidationResult.Valid : new ValidationResult(errors);
    }

    private void CheckTimestamp(List<ValidationError> errors, long timestamp)
    {
        var earliest = _options.EarliestTimestamp.ToUnixTimeMilliseconds();
        var latest = timeProvider.GetUtcNow().Add(_options.MaxFutureSkew).ToUnixTimeMilliseconds();
        if (timestamp <= 0)
        {
            errors.Add(new("timestamp", "is required (milliseconds since the Unix epoch, UTC)"));
        }
        else if (timestamp < earliest)
        {
            errors.Add(new("timestamp", $"is before {_options.EarliestTimestamp:O}"));
        }
        else if (timestamp > latest)
        {
            errors.Add(new("timestamp", $"is more than {_options.MaxFutureSkew} in the future"));
        }
    }

    private void CheckInteraction(List<ValidationError> errors, UserInteraction interaction)
    {
        switch (interaction.InteractionTypeCase)
        {
            case UserInteraction.InteractionTypeOneofCase.PageView:
                var view = interaction.PageView;
                RequireText(errors, "page_view.page_url", view.PageUrl, _options.MaxUrlLength);
                OptionalText(errors, "page_view.referrer_url", view.ReferrerUrl, _options.MaxUrlLength);
                OptionalText(errors, "page_view.page_type", view.PageType, _options.MaxAttributeLength);
                OptionalText(errors, "page_view.product_id", view.ProductId, _options.MaxIdLength);
                break;
            case UserInteraction.InteractionTypeOneofCase.ProductClick:
                var click = interaction.ProductClick;
                RequireId(errors, "product_click.product_id", click.ProductId);
                if (click.ListPosition < 0)
                {
                    errors.Add(new("product_click.list_position", "must not be negative"));
                }

                OptionalText(errors, "product_click.list_name", click.ListName, _options.MaxAttributeLength);
                OptionalText(errors, "product_click.category", click.Category, _options.MaxAttributeLength);
                break;
            case UserInteraction.InteractionTypeOneofCase.AddToCart:
                var cart = interaction.AddToCart;
                RequireId(errors, "add_to_cart.product_id", cart.ProductId);
                CheckQuantity(errors, "add_to_cart.quantity", cart.Quantity);
                CheckPrice(errors, "add_to_cart.unit_price_minor", cart.UnitPriceMinor);
                CheckCurrency(errors, "add_to_cart.currency", cart.Currency);
                break;
            case UserInteraction.InteractionTypeOneofCase.Purchase:
                CheckPurchase(errors, interaction.Purchase);
                break;
            default:
                errors.Add(new("interaction_type", "exactly one of page_view, product_click, add_to_cart, purchase must be set"));
                break;
        }
    }

    private void CheckPurchase(List<ValidationError> errors, Purchase purchase)
    {
        RequireId(errors, "purchase.order_id", purchase.OrderId);
        CheckPrice(errors, "purchase.total_minor", purchase.TotalMinor);
        CheckCurrency(errors, "purchase.currency", purchase.Currency);
        if (purchase.Items.Count == 0)
        {
            errors.Add(new("purchase.items", "must hold at least one line item"));
        }
        else if (purchase.Items.Count > _options.MaxLineItems)
        {
            errors.Add(new("purchase.items", $"must hold at most {_options.MaxLineItems} line items"));
        }

        for (var i = 0; i < purchase.Items.Count && i < _options.MaxLineItems; i++)
        {
            var item = purchase.Items[i];
            var path = $"purchase.items[{i}]";
            RequireId(errors, $"{path}.product_id", item.ProductId);
            CheckQuantity(errors, $"{path}.quantity", item.Quantity);
            CheckPrice(errors, $"{path}.unit_price_minor", item.UnitPriceMinor);
        }
    }

    private void CheckQuantity(List<ValidationError> errors, string field, int quantity)
    {
        if (quantity <= 0)
        {
            errors.Add(new(field, "must be at least 1"));
        }
        else if (quantity > _options.MaxQuantity)
        {
            errors.Add(new(field, $"must be at most {_options.MaxQuantity}"));
        }
    }

    private static void CheckPrice(List<ValidationError> errors, string field, long priceMinor)
    {
        if (priceMinor < 0)
        {
            errors.Add(new(field, "must not be negative"));
        }
    }

    private static void CheckCurrency(List<ValidationError> errors, string field, string currency)
    {
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new(field, "must be an ISO 4217 code of three upper-case letters"));
        }
    }

    private void CheckAttributes(List<ValidationError> errors, string field, MapField<string, string> attributes)
    {
        if (attributes.Count > _options.MaxAttributeEntries)
        {
            errors.Add(new(field, $"must hold at most {_options.MaxAttributeEntries} entries"));
            return;
        }

        foreach (var (key, value) in attributes)
        {
            if (key.Length == 0 || key.Length > _options.MaxAttributeLength)
            {
                errors.Add(new($"{field}[\"{Truncate(key)}\"]", $"key must be 1 to {_options.MaxAttributeLength} characters"));
            }
            else if (value.Length > _options.MaxAttributeLength)
            {
                errors.Add(new($"{field}[\"{key}\"]", $"value must be at most {_options.MaxAttributeLength} characters"));
            }
        }
    }

    private void RequireId(List<ValidationError> errors, string field, string value) =>
        RequireText(errors, field, value, _options.MaxIdLength);

    private static void RequireText(List<ValidationError> errors, string field, string value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "is required"));
        }
        else
        {
            OptionalText(errors, field, value, maxLength);
        }
    }

    private static void OptionalText(List<ValidationError> errors, string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            errors.Add(new(field, $"must be at most {maxLength} characters (was {value.Length})"));
        }
    }

    private static string Truncate(string value) => value.Length <= 32 ? value : value[..32] + "…";
}
