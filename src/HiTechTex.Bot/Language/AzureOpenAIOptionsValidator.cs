using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Language;

/// <summary>Stops the host at start-up with a message naming the key when the Azure OpenAI settings are wrong.</summary>
internal sealed class AzureOpenAIOptionsValidator : IValidateOptions<AzureOpenAIOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureOpenAIOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"AzureOpenAI:Endpoint must be an absolute http(s) URI, e.g. https://my-resource.openai.azure.com/ (was '{options.Endpoint}').");
        }

        if (options.TimeoutSeconds is < 1 or > 120)
        {
            failures.Add($"AzureOpenAI:TimeoutSeconds must be between 1 and 120 (was {options.TimeoutSeconds}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
