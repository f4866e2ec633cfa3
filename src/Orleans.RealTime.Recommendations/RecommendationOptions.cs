namespace Orleans.RealTime.Recommendations;

/// <summary>Settings of the recommendation model, bound from the <c>Recommendations</c> section.</summary>
public sealed class RecommendationOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Recommendations";

    /// <summary>How many recommendations a set holds; 10 by default.</summary>
    public int TopN { get; set; } = 10;

    /// <summary>How many of a session's most recent products a new interaction pairs with; 10 by default.</summary>
    public int CoOccurrenceWindow { get; set; } = 10;

    /// <summary>Most neighbours kept per product; 50 by default.</summary>
    public int MaxNeighbors { get; set; } = 50;

    /// <summary>Weight of a pair of products both viewed or clicked; 1 by default.</summary>
    public double CoViewWeight { get; set; } = 1;

    /// <summary>Weight of a pair of products both added to the cart; 3 by default.</summary>
    public double CoCartWeight { get; set; } = 3;

    /// <summary>Weight of a pair of products both bought; 5 by default.</summary>
    public double CoPurchaseWeight { get; set; } = 5;

    /// <summary>Half-life of a product's trending score; 30 minutes by default.</summary>
    public TimeSpan TrendingHalfLife { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Most trending products kept ready for the cold-start fallback; 100 by default.</summary>
    public int TrendingSize { get; set; } = 100;

    /// <summary>Longest time an update waits in the batch before it is applied; 100 ms by default.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Shortest time between two republications of one product's neighbours; 5 seconds by default (0: after every
    /// batch). A product's first neighbours are published at once. Each publication is a new array that readers take
    /// without locks and that lives until the next one, so it outlives young-generation collections: every batch it
    /// kept tens of MB/s alive, every second still a sixth of all survivors at 15,000 events/s.
    /// </summary>
    public TimeSpan RepublishInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most updates applied in one batch; 8,192 by default.</summary>
    public int MaxBatchSize { get; set; } = 8_192;

    /// <summary>Updates waiting beyond this are dropped (counted) rather than growing memory; 1,000,000 by default.</summary>
    public int MaxPendingUpdates { get; set; } = 1_000_000;
}
