using System.Net;
using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Host.Configuration;

/// <summary>Validates the host's settings at start; each failure names its configuration key.</summary>
internal sealed class HostOptionsValidator :
    IValidateOptions<RealTimeOptions>,
    IValidateOptions<SiloSettings>,
    IValidateOptions<DashboardSettings>,
    IValidateOptions<WebSettings>
{
    public ValidateOptionsResult Validate(string? name, RealTimeOptions options)
    {
        var key = $"{RealTimeOptions.SectionName}:{nameof(RealTimeOptions.Profile)}";
        return options.Profile switch
        {
            RealTimeProfile.Embedded => ValidateOptionsResult.Success,
            RealTimeProfile.Cluster => ValidateOptionsResult.Success,
            _ => ValidateOptionsResult.Fail($"{key} must be 'Embedded' or 'Cluster' (was '{options.Profile}')."),
        };
    }

    public ValidateOptionsResult Validate(string? name, SiloSettings options)
    {
        var failures = new List<string>();
        RequireText(failures, SiloSettings.SectionName, nameof(SiloSettings.ClusterId), options.ClusterId);
        RequireText(failures, SiloSettings.SectionName, nameof(SiloSettings.ServiceId), options.ServiceId);
        RequirePort(failures, nameof(SiloSettings.SiloPort), options.SiloPort);
        RequirePort(failures, nameof(SiloSettings.GatewayPort), options.GatewayPort);
        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add($"Orleans:SiloPort and Orleans:GatewayPort must differ (both are {options.SiloPort}).");
        }

        if (!string.IsNullOrWhiteSpace(options.AdvertisedIPAddress) && !IPAddress.TryParse(options.AdvertisedIPAddress, out _))
        {
            failures.Add($"{SiloSettings.SectionName}:{nameof(SiloSettings.AdvertisedIPAddress)} must be an IP address (was '{options.AdvertisedIPAddress}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, DashboardSettings options)
    {
        var failures = new List<string>();
        var path = options.Path;
        if (path.Length < 2 || path[0] != '/' || path[^1] == '/'
            || !path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_'))
        {
            failures.Add($"Dashboard:Path must start with '/', not end with '/', and hold only letters, digits, '-', '_' and '/' (was '{path}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, WebSettings options) =>
        options.Port is null
            ? ValidateOptionsResult.Fail($"Web:Url must be an absolute http:// or https:// URL with a port from 1 to 65535 (was '{options.Url}').")
            : ValidateOptionsResult.Success;

    private static void RequireText(List<string> failures, string section, string key, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{section}:{key} is required.");
        }
    }

    private static void RequirePort(List<string> failures, string key, int port)
    {
        if (port is < 1 or > 65535)
        {
            failures.Add($"{SiloSettings.SectionName}:{key} must be a TCP port from 1 to 65535 (was {port}).");
        }
    }
}
