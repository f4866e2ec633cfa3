namespace Orleans.RealTime.Recommendations.Model;

/// <summary>One interaction to learn from: the product, how strongly, and the session's recent products it pairs with.</summary>
/// <param name="ProductId">The product interacted with.</param>
/// <param name="Kind">The interaction.</param>
/// <param name="Context">The session's recent products with their strongest interaction, most recent first.</param>
/// <param name="At">When it was processed.</param>
public readonly record struct ModelUpdate(string ProductId, InteractionKind Kind, IReadOnlyList<ProductInteraction> Context, DateTimeOffset At);
