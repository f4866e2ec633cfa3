namespace Orleans.RealTime.Recommendations.Model;

/// <summary>Best neighbour first: higher score, then product id (ordinal) so equal scores rank the same way every time.</summary>
internal sealed class NeighborRanking : IComparer<Neighbor>
{
    public static readonly NeighborRanking Instance = new();

    public int Compare(Neighbor x, Neighbor y)
    {
        var byScore = y.Score.CompareTo(x.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(x.ProductId, y.ProductId);
    }
}
