using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Gateway.Security;

/// <summary>
/// Authenticates a request by the <c>x-api-key</c> header, or for browsers by HTTP Basic with the key as password
/// (the dashboard's challenge asks for it). Keys are compared in constant time.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    IOptionsMonitor<ApiKeySettings> settings,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presentedBytes = Encoding.UTF8.GetBytes(presented);
        var match = false;
        foreach (var key in settings.CurrentValue.ApiKeys)
        {
            // Visit every key so the time taken does not tell which one nearly matched.
            match |= CryptographicOperations.FixedTimeEquals(presentedBytes, Encoding.UTF8.GetBytes(key.Trim()));
        }

        if (!match)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (!IsGrpc(Request))
        {
            Response.Headers.WWWAuthenticate = "Basic realm=\"Orleans.RealTime\", charset=\"UTF-8\"";
        }

        return Task.CompletedTask;
    }

    private string? PresentedKey()
    {
        if (Request.Headers.TryGetValue(ApiKeySettings.HeaderName, out var header) && !string.IsNullOrEmpty(header))
        {
            return header.ToString().Trim();
        }

        var authorization = Request.Headers.Authorization.ToString();
        const string basic = "Basic ";
        if (!authorization.StartsWith(basic, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[basic.Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
}
