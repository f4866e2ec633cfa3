namespace Orleans.RealTime.Contracts.Validation;

/// <summary>Bounds applied by <see cref="UserInteractionValidator"/>.</summary>
public sealed class UserInteractionValidatorOptions
{
    /// <summary>Longest accepted id (event, user, session, product, order), in characters.</summary>
    public int MaxIdLength { get; set; } = 128;

    /// <summary>Longest accepted URL, in characters.</summary>
    public int MaxUrlLength { get; set; } = 2048;

    /// <summary>Most entries accepted in <c>device_info</c> or <c>location_data</c>.</summary>
    public int MaxAttributeEntries { get; set; } = 32;

    /// <summary>Longest accepted attribute key or value, and other free text, in characters.</summary>
    public int MaxAttributeLength { get; set; } = 256;

    /// <summary>Most line items accepted in one purchase.</summary>
    public int MaxLineItems { get; set; } = 500;

    /// <summary>Largest accepted quantity of one product.</summary>
    public int MaxQuantity { get; set; } = 10_000;

    /// <summary>Earliest accepted event time.</summary>
    public DateTimeOffset EarliestTimestamp { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far ahead of the validator's clock an event time may be (client clock skew).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromHours(1);
}
