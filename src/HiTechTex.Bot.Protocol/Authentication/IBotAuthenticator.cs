using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Authentication;

/// <summary>Validates an inbound request's bearer token against the activity it carries (spec §2).</summary>
public interface IBotAuthenticator
{
    /// <summary>
    /// Validates <paramref name="authorizationHeader"/> (the raw header value, or null) for <paramref name="activity"/>.
    /// Never throws for a bad token: the result says why it failed.
    /// </summary>
    Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}
