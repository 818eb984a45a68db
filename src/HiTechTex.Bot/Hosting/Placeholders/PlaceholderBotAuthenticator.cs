using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Authentication;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Hosting.Placeholders;

/// <summary>
/// TEMPORARY stand-in until <c>AddBotFrameworkAuthentication()</c> is merged. It validates no token at all, so it
/// rejects everything except the explicit dev mode: no app id, <c>DangerouslyAllowUnauthenticatedRequests</c> on and no
/// Authorization header (spec §2.4). Fails closed by design.
/// </summary>
internal sealed class PlaceholderBotAuthenticator(IOptions<BotOptions> options) : IBotAuthenticator
{
    public Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        var bot = options.Value;
        if (bot.IsAuthenticationConfigured)
        {
            return Task.FromResult(BotAuthenticationResult.Fail("Token validation is not available in this build."));
        }

        if (!bot.DangerouslyAllowUnauthenticatedRequests)
        {
            return Task.FromResult(BotAuthenticationResult.Fail("Authentication is not configured (no MicrosoftAppId)."));
        }

        return Task.FromResult(string.IsNullOrEmpty(authorizationHeader)
            ? BotAuthenticationResult.Anonymous()
            : BotAuthenticationResult.Fail("A token was sent but no MicrosoftAppId is configured to validate it against."));
    }
}
