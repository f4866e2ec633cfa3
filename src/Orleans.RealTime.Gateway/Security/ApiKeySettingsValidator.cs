using Microsoft.Extensions.Options;

namespace Orleans.RealTime.Gateway.Security;

/// <summary>Rejects API keys too short to resist guessing; each failure names its configuration key.</summary>
internal sealed class ApiKeySettingsValidator : IValidateOptions<ApiKeySettings>
{
    /// <summary>The shortest accepted key.</summary>
    public const int MinimumLength = 16;

    public ValidateOptionsResult Validate(string? name, ApiKeySettings options)
    {
        var failures = options.ApiKeys
            .Select((key, index) => (key, index))
            .Where(k => string.IsNullOrWhiteSpace(k.key) || k.key.Trim().Length < MinimumLength)
            .Select(k => $"{ApiKeySettings.SectionName}:{nameof(ApiKeySettings.ApiKeys)}:{k.index} must be at least {MinimumLength} characters.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
