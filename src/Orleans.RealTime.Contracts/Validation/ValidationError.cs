namespace Orleans.RealTime.Contracts.Validation;

/// <summary>One problem found in an event, naming the field by its protobuf path (e.g. <c>purchase.items[1].quantity</c>).</summary>
/// <param name="Field">The protobuf field path.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record ValidationError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}
