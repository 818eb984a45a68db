using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Authentication;

/// <summary>
/// Validates an inbound request's bearer token (spec §2) in two steps, so that a request without a valid token is
/// refused with 401 before its body is read (checklist §9 #1): the header alone, then the token against the activity
/// it carries (the <c>serviceurl</c> claim and the key's channel endorsements).
/// </summary>
public interface IBotAuthenticator
{
    /// <summary>
    /// Validates <paramref name="authorizationHeader"/> (the raw header value, or null): scheme, signature, issuer,
    /// audience, lifetime. Never throws for a bad token: the result says why it failed.
    /// </summary>
    Task<BotAuthenticationResult> AuthenticateHeaderAsync(string? authorizationHeader, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a token that passed <see cref="AuthenticateHeaderAsync"/> against <paramref name="activity"/>; returns
    /// <paramref name="token"/> itself when it is bound to it (an anonymous or failed result is returned unchanged).
    /// </summary>
    BotAuthenticationResult AuthorizeActivity(BotAuthenticationResult token, Activity activity);

    /// <summary>Both steps at once, for callers that already hold the activity.</summary>
    Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}
