namespace Orleans.RealTime.Gateway.Security;

/// <summary>API key settings, section <c>Security</c>.</summary>
public sealed class ApiKeySettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Security";

    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "x-api-key";

    /// <summary>
    /// Accepted keys (<c>Security:ApiKeys:0</c>, <c>Security:ApiKeys:1</c>, … or <c>Security__ApiKeys__0</c>). When
    /// any is set, every call but grpc.health.v1 and the dashboard need one; when none is, the host serves loopback only.
    /// Several keys allow rotation: add the new one, move clients, remove the old one.
    /// </summary>
    public IList<string> ApiKeys { get; } = [];

    /// <summary>Whether API keys are required.</summary>
    public bool Required => ApiKeys.Count > 0;
}
