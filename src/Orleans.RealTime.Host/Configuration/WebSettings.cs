using Orleans.RealTime.Host.Hosting;

namespace Orleans.RealTime.Host.Configuration;

/// <summary>The HTTP/1.1 listener, section <c>Web</c>: the Orleans dashboard and the HTTP/JSON API.</summary>
public sealed class WebSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Web";

    /// <summary>
    /// Where browsers and curl reach the host (<c>Web:Url</c>). It is separate from the gRPC endpoint because, without
    /// TLS, one Kestrel endpoint cannot serve both HTTP/2 (gRPC) and HTTP/1.1 (browsers).
    /// </summary>
    public string Url { get; set; } = "http://127.0.0.1:5001";

    /// <summary>The port of <see cref="Url"/>, or <see langword="null"/> when it is not an absolute http(s) URL with a port.</summary>
    public int? Port => ListenerUrl.TryParse(Url) is { Port: > 0 and <= 65535 } uri ? uri.Port : null;
}
