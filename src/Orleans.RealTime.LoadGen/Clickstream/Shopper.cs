namespace Orleans.RealTime.LoadGen.Clickstream;

/// <summary>Where one simulated user is in the funnel.</summary>
internal sealed class Shopper(string userId)
{
    public string UserId { get; } = userId;

    public int Session { get; set; }

    public int Current { get; set; } = -1;

    public HashSet<int> SessionProducts { get; } = [];

    public List<int> Cart { get; } = [];

    public int VisitsLeft { get; set; }

    public FunnelStage Stage { get; set; } = FunnelStage.Browse;

    public long LastTimestamp { get; set; }

    public long Events { get; set; }

    public string ClientSessionId => $"{UserId}-s{Session}";
}
