using HiTechTex.Bot.Hosting;
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
        // The api-key header goes there: never in clear over the network (http only to a local fake). The value is not
        // echoed: a key pasted into the wrong setting would reach the start-up error and the log.
        if (!SecretBearingAddress.IsAllowed(options.Endpoint))
        {
            failures.Add("AzureOpenAI:Endpoint must be an absolute https URI (http only on loopback), e.g. https://my-resource.openai.azure.com/.");
        }

        if (options.TimeoutSeconds is < 1 or > 120)
        {
            failures.Add($"AzureOpenAI:TimeoutSeconds must be between 1 and 120 (was {options.TimeoutSeconds}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
