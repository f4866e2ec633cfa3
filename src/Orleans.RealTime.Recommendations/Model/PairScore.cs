namespace Orleans.RealTime.Recommendations.Model;

/// <summary>
/// The weighted co-occurrence of one product with another, split by pair kind. A struct stored inline in its row's
/// dictionary and updated in place by the model's one writer: no heap object per pair, which kept the model's
/// million-odd pairs (and every new one) in front of the garbage collector.
/// </summary>
internal struct PairScore
{
    private double _coView;
    private double _coCart;
    private double _coPurchase;

    public double Total { readonly get; private set; }

    public void Add(PairKind kind, double weight)
    {
        switch (kind)
        {
            case PairKind.CoPurchase:
                _coPurchase += weight;
                break;
            case PairKind.CoCart:
                _coCart += weight;
                break;
            default:
                _coView += weight;
                break;
        }

        Total += weight;
    }

    /// <summary>The kind that contributed most (co-view on ties, then co-cart).</summary>
    public readonly PairKind Dominant =>
        _coPurchase > Math.Max(_coView, _coCart) ? PairKind.CoPurchase
        : _coCart > _coView ? PairKind.CoCart
        : PairKind.CoView;
}
