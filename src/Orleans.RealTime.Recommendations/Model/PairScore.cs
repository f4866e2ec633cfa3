namespace Orleans.RealTime.Recommendations.Model;

/// <summary>The weighted co-occurrence of one product with another, split by pair kind. Written by the model's one writer.</summary>
internal sealed class PairScore
{
    private readonly double[] _byKind = new double[3];

    public double Total { get; private set; }

    public void Add(PairKind kind, double weight)
    {
        _byKind[(int)kind] += weight;
        Total += weight;
    }

    public PairKind Dominant
    {
        get
        {
            var best = PairKind.CoView;
            for (var k = 1; k < _byKind.Length; k++)
            {
                if (_byKind[k] > _byKind[(int)best])
                {
                    best = (PairKind)k;
                }
            }

            return best;
        }
    }
}
