using Microsoft.Extensions.Options;
using Orleans.RealTime.Gateway.Security;
using Orleans.RealTime.Host.Hosting;

namespace Orleans.RealTime.Host.Configuration;

/// <summary>Without <c>Security:ApiKeys</c> the host may listen on loopback addresses only.</summary>
internal sealed class ListenerSecurityValidator(ListenerPlan listeners) : IValidateOptions<ApiKeySettings>
{
    public ValidateOptionsResult Validate(string? name, ApiKeySettings options)
    {
        if (options.Required)
        {
            return ValidateOptionsResult.Success;
        }

        var exposed = listeners.NonLoopback.ToList();
        return exposed.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Security:ApiKeys is empty, so the host listens on loopback addresses only, but {string.Join(", ", exposed)} is not loopback. "
                + "Configure Security:ApiKeys or bind to 127.0.0.1.");
    }
}
