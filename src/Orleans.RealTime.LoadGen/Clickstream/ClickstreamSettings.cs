namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>Shape of a generated clickstream.</summary>
/// <param name="Users">Distinct users.</param>
/// <param name="Products">Catalog size.</param>
/// <param name="ZipfExponent">Skew of product popularity (1 is classic Zipf).</param>
/// <param name="AffinityPartners">Planted partners per product.</param>
/// <param name="AffinityProbability">Chance that a shopper's next product is a planted partner of the current one.</param>
/// <param name="DuplicateFraction">Fraction of events sent twice (same event id).</param>
/// <param name="OutOfOrderFraction">Fraction of events stamped earlier than the shopper's previous event.</param>
/// <param name="Seed">Random seed.</param>
internal sealed record ClickstreamSettings(
    int Users = 10_000,
    int Products = 5_000,
    double ZipfExponent = 1.0,
    int AffinityPartners = 3,
    double AffinityProbability = 0.7,
    double DuplicateFraction = 0.01,
    double OutOfOrderFraction = 0.01,
    int Seed = 42);
