namespace Orleans.RealTime.Host.Hosting;

/// <summary>Reads Kestrel listener URLs, including the <c>*</c> and <c>+</c> wildcard hosts that are not valid URIs.</summary>
internal static class ListenerUrl
{
    /// <summary>Parses an absolute http(s) listener URL; wildcard hosts parse as a non-loopback host.</summary>
    public static Uri? TryParse(string url)
    {
        var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        return Uri.TryCreate(normalized, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }
}
