using HiTechTex.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Hosting;

/// <summary>
/// Checks the bot identity settings at start-up, so a wrong setting stops the host with a message naming the key
/// instead of surfacing later as a puzzling 401 from the channel.
/// </summary>
internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    // No managed identity (UserAssignedMSI): the outbound token provider has only the client-secret flow, so such a host
    // would start, accept every activity and fail every reply.
    private static readonly string[] AppTypes = ["SingleTenant", "MultiTenant"];

    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (!AppTypes.Contains(options.MicrosoftAppType, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"MicrosoftAppType must be one of {string.Join(", ", AppTypes)} (was '{options.MicrosoftAppType}').");
        }

        if (options.IsAuthenticationConfigured)
        {
            if (!Guid.TryParse(options.MicrosoftAppId, out _))
            {
                failures.Add("MicrosoftAppId must be a GUID: the Entra application (client) id of the Azure Bot.");
            }

            if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add("MicrosoftAppPassword is required when MicrosoftAppId is set (the client secret of the Entra app).");
            }

            var isSingleTenant = string.Equals(options.MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase);
            if (isSingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant and MicrosoftAppId is set.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId) && !Guid.TryParse(options.MicrosoftAppTenantId, out _))
        {
            failures.Add("MicrosoftAppTenantId must be a GUID (the directory id of the tenant).");
        }

        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out _))
        {
            failures.Add("OpenIdMetadataUrl must be an absolute URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
