using System.Security.Claims;

namespace HiTechTex.Bot.Protocol.Authentication;

/// <summary>The outcome of validating an inbound request.</summary>
/// <param name="Succeeded">True when the request may be processed.</param>
/// <param name="Identity">The validated identity (anonymous in dangerous dev mode); null on failure.</param>
/// <param name="FailureReason">Why it failed, for logs only (never echoed to the caller in detail).</param>
/// <param name="IsAnonymous">True when accepted without a token under <c>DangerouslyAllowUnauthenticatedRequests</c>.</param>
public sealed record BotAuthenticationResult(bool Succeeded, ClaimsIdentity? Identity, string? FailureReason, bool IsAnonymous = false)
{
    /// <summary>The <c>kid</c> of the key that signed the token (null for anonymous and failed results).</summary>
    public string? KeyId { get; init; }

    /// <summary>
    /// The channels the signing key is endorsed for, when the key lists any (spec §2.1 #8); checked against the
    /// activity by <see cref="IBotAuthenticator.AuthorizeActivity"/>.
    /// </summary>
    public IReadOnlyCollection<string>? Endorsements { get; init; }

    public static BotAuthenticationResult Fail(string reason) => new(false, null, reason);

    public static BotAuthenticationResult Success(ClaimsIdentity identity) => new(true, identity, null);

    public static BotAuthenticationResult Anonymous() => new(true, new ClaimsIdentity(), null, IsAnonymous: true);
}
