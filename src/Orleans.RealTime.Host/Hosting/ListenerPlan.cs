namespace Orleans.RealTime.Host.Hosting;

/// <summary>The addresses Kestrel is told to listen on: gRPC (HTTP/2) and, when enabled, the dashboard (HTTP/1.1).</summary>
/// <param name="Urls">Every listener URL, gRPC first.</param>
internal sealed record ListenerPlan(IReadOnlyList<string> Urls)
{
    /// <summary>The URLs whose host is not a loopback address (or <c>localhost</c>).</summary>
    public IEnumerable<string> NonLoopback => Urls.Where(url => !IsLoopback(url));

    private static bool IsLoopback(string url) => ListenerUrl.TryParse(url)?.IsLoopback == true;
}
