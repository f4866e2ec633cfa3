namespace Orleans.RealTime.Recommendations.Model;

/// <summary>How two products occurred together in a session: the weaker of the two interactions.</summary>
public enum PairKind
{
    /// <summary>Both viewed or clicked.</summary>
    CoView = 0,

    /// <summary>Both added to the cart.</summary>
    CoCart = 1,

    /// <summary>Both bought.</summary>
    CoPurchase = 2,
}
