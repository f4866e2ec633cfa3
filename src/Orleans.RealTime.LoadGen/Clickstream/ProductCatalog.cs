namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>Products with Zipf popularity and planted affinities: each product has a few partners shoppers tend to move to.</summary>
internal sealed class ProductCatalog
{
    private readonly ZipfSampler _popularity;
    private readonly int[][] _partners;

    public ProductCatalog(ClickstreamSettings settings, Random random)
    {
        _popularity = new ZipfSampler(settings.Products, settings.ZipfExponent);
        _partners = new int[settings.Products][];
        for (var p = 0; p < settings.Products; p++)
        {
            _partners[p] = [.. Enumerable.Range(0, settings.AffinityPartners).Select(_ => random.Next(settings.Products))];
        }

        Prices = [.. Enumerable.Range(0, settings.Products).Select(_ => (long)random.Next(199, 19_999))];
    }

    public long[] Prices { get; }

    public int Popular(Random random) => _popularity.Next(random);

    public int Partner(int product, Random random) => _partners[product][random.Next(_partners[product].Length)];

    public static string Id(int product) => "p" + product.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
