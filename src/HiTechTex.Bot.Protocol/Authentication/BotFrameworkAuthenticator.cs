using System.Security.Claims;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HiTechTex.Bot.Protocol.Authentication;

/// <summary>
/// Validates inbound Bot Framework / Teams requests exactly as spec §2 requires: <c>Bearer</c> scheme, Bot Framework
/// issuer only, audience = app id, lifetime with 5 min skew, RS256/384/512 signature by a key of the Bot Framework
/// JWKS, <c>serviceurl</c> claim = <c>activity.serviceUrl</c>, and the signing key's channel endorsements.
/// </summary>
/// <remarks>
/// <para>
/// <b>Endorsements.</b> When the signing key has an <c>endorsements</c> entry (even an empty one) and
/// <c>activity.channelId</c> is not empty, the channel id must be in it (ordinal, as BB's <c>EndorsementsValidator</c>).
/// A key with <i>no</i> <c>endorsements</c> member is accepted: BB only lets such keys through on its Emulator and
/// skill paths, which this bot does not have, but the channel JWKS keys Teams signs with carry endorsements, so the
/// check still binds every real Teams token, while a key published without endorsements (a format change on
/// Microsoft's side) does not take the bot down. The issuer, audience, signature and serviceurl checks still apply.
/// </para>
/// <para>
/// <b>Dev mode</b> (spec §2.4, checklist 9). With no <see cref="BotOptions.MicrosoftAppId"/> every request fails
/// ("Authentication not configured") unless <see cref="BotOptions.DangerouslyAllowUnauthenticatedRequests"/> is set;
/// then a request <i>without</i> an Authorization header is accepted as anonymous, and one with a header still fails,
/// because no token can have an empty audience. With an app id configured the flag changes nothing.
/// </para>
/// <para>Failure reasons are short texts for logs; they never contain the token.</para>
/// </remarks>
public sealed class BotFrameworkAuthenticator : IBotAuthenticator
{
    /// <summary>The authentication type of the identities this authenticator returns.</summary>
    public const string AuthenticationType = "Bearer";

    /// <summary>The claim that carries the service URL the token was issued for (lowercase, spec §2.1 #7).</summary>
    public const string ServiceUrlClaimType = "serviceurl";

    /// <summary>Spec §2.1 #5.</summary>
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Spec §2.1 #6 (BB <c>AllowedSigningAlgorithms</c>).</summary>
    internal static readonly IReadOnlyList<string> AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<BotFrameworkAuthenticator> logger;
    private readonly JsonWebTokenHandler tokenHandler = new();
    private readonly BotFrameworkMetadataSource? metadataSource;

    public BotFrameworkAuthenticator(IOptions<BotOptions> options, TimeProvider timeProvider, ILogger<BotFrameworkAuthenticator> logger)
    {
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.logger = logger;
        if (this.options.IsAuthenticationConfigured)
        {
            metadataSource = new BotFrameworkMetadataSource(this.options.OpenIdMetadataUrl, timeProvider, logger);
        }
        else if (this.options.DangerouslyAllowUnauthenticatedRequests)
        {
            Log.DangerousModeEnabled(logger);
        }
        else
        {
            Log.AuthenticationNotConfigured(logger);
        }
    }

    /// <summary>The metadata cache; null when no app id is configured.</summary>
    internal BotFrameworkMetadataSource? MetadataSource => metadataSource;

    /// <inheritdoc />
    public async Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var token = await AuthenticateHeaderAsync(authorizationHeader, cancellationToken).ConfigureAwait(false);
        return AuthorizeActivity(token, activity);
    }

    /// <inheritdoc />
    public async Task<BotAuthenticationResult> AuthenticateHeaderAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        var result = await AuthenticateCoreAsync(authorizationHeader, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            Log.Rejected(logger, result.FailureReason ?? "unknown");
        }
        else if (result.IsAnonymous)
        {
            Log.AnonymousAccepted(logger);
        }

        return result;
    }

    /// <inheritdoc />
    public BotAuthenticationResult AuthorizeActivity(BotAuthenticationResult token, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(activity);
        if (!token.Succeeded || token.IsAnonymous)
        {
            return token;
        }

        var result = AuthorizeCore(token, activity);
        if (result.Succeeded)
        {
            Log.Authenticated(logger, activity.ChannelId, token.KeyId);
        }
        else
        {
            Log.Rejected(logger, result.FailureReason ?? "unknown");
        }

        return result;
    }

    private async Task<BotAuthenticationResult> AuthenticateCoreAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        var hasHeader = !string.IsNullOrWhiteSpace(authorizationHeader);
        if (metadataSource is null)
        {
            return options.DangerouslyAllowUnauthenticatedRequests && !hasHeader
                ? BotAuthenticationResult.Anonymous()
                : BotAuthenticationResult.Fail("Authentication not configured");
        }

        if (!hasHeader)
        {
            return BotAuthenticationResult.Fail("Missing Authorization header");
        }

        // Exactly two space-separated parts with the literal scheme "Bearer", as BB's JwtTokenExtractor.
        var parts = authorizationHeader!.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.Ordinal) || parts[1].Length == 0)
        {
            return BotAuthenticationResult.Fail("Authorization header is not 'Bearer <token>'");
        }

        var token = parts[1];
        JsonWebToken unvalidated;
        try
        {
            unvalidated = tokenHandler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return BotAuthenticationResult.Fail("Malformed token");
        }

        // Checked before anything else (and again by ValidAlgorithms) so that unsigned, HMAC, EC or PSS tokens are
        // named as such and can never cause a metadata refresh.
        if (!AllowedAlgorithms.Contains(unvalidated.Alg, StringComparer.Ordinal))
        {
            return BotAuthenticationResult.Fail("Signing algorithm not allowed");
        }

        // Bot Framework tokens always name their key; without a kid neither key matching nor the endorsement check works.
        if (string.IsNullOrEmpty(unvalidated.Kid))
        {
            return BotAuthenticationResult.Fail("Token has no kid");
        }

        BotFrameworkMetadata metadata;
        try
        {
            metadata = await metadataSource.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.MetadataUnavailable(logger, options.OpenIdMetadataUrl, ex);
            return BotAuthenticationResult.Fail("OpenID metadata unavailable");
        }

        var validation = await ValidateTokenAsync(token, metadata).ConfigureAwait(false);
        if (validation.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // New keys can appear at any time (spec §2.1 #9): refresh once and validate once more.
            // The kid comes from an unvalidated header: cap what reaches the log.
            Log.SigningKeyNotFound(logger, unvalidated.Kid.Length <= 64 ? unvalidated.Kid : Utf16Text.Cut(unvalidated.Kid, 64) + "…");
            var refreshed = await metadataSource.RefreshAsync(metadata, cancellationToken).ConfigureAwait(false);
            if (!ReferenceEquals(refreshed, metadata))
            {
                metadata = refreshed;
                validation = await ValidateTokenAsync(token, metadata).ConfigureAwait(false);
            }
        }

        if (!validation.IsValid || validation.SecurityToken is not JsonWebToken jwt || validation.ClaimsIdentity is null)
        {
            return BotAuthenticationResult.Fail(Describe(validation.Exception));
        }

        if (string.IsNullOrEmpty(validation.ClaimsIdentity.FindFirst(ServiceUrlClaimType)?.Value))
        {
            return BotAuthenticationResult.Fail("Token has no serviceurl claim");
        }

        return BotAuthenticationResult.Success(validation.ClaimsIdentity) with
        {
            KeyId = jwt.Kid,
            Endorsements = metadata.Endorsements.TryGetValue(jwt.Kid, out var endorsements) ? endorsements : null,
        };
    }

    // The token's binding to the activity it came with (spec §2.1 #7, #8): known only once the body is read.
    private static BotAuthenticationResult AuthorizeCore(BotAuthenticationResult token, Activity activity)
    {
        var serviceUrl = token.Identity?.FindFirst(ServiceUrlClaimType)?.Value;
        if (string.IsNullOrEmpty(serviceUrl))
        {
            return BotAuthenticationResult.Fail("Token has no serviceurl claim");
        }

        if (!string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Fail("serviceurl claim does not match the activity's serviceUrl");
        }

        if (!string.IsNullOrEmpty(activity.ChannelId)
            && token.Endorsements is { } endorsements
            && !endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return BotAuthenticationResult.Fail("Signing key is not endorsed for the activity's channel");
        }

        return token;
    }

    private async Task<TokenValidationResult> ValidateTokenAsync(string token, BotFrameworkMetadata metadata)
    {
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = options.ValidIssuer,
            ValidateAudience = true,
            ValidAudience = options.MicrosoftAppId,
            // "Exactly the app id": "<appId>/" is not the app id.
            IgnoreTrailingSlashWhenValidatingAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            ValidAlgorithms = AllowedAlgorithms,
            IssuerSigningKeys = metadata.SigningKeys,
            // Match the signing key by kid only, so an unknown kid is reported as such and triggers a refresh.
            TryAllIssuerSigningKeys = false,
            // The stock lifetime validator reads the wall clock; this one reads the injected TimeProvider.
            LifetimeValidator = ValidateLifetime,
            AuthenticationType = AuthenticationType,
        };

        try
        {
            return await tokenHandler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The handler reports failures in the result; anything thrown is unexpected but still just a bad request.
            Log.UnexpectedValidationError(logger, ex);
            return new TokenValidationResult { IsValid = false, Exception = ex };
        }
    }

    /// <summary>The stock semantics (exp required, nbf ≤ exp, 5 min skew on both ends) against <see cref="timeProvider"/>.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiration time.");
        }

        if (notBefore is { } start && start > expires.Value)
        {
            throw new SecurityTokenInvalidLifetimeException("The token's nbf is after its exp.") { NotBefore = start, Expires = expires };
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (notBefore is { } validFrom && validFrom > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = validFrom };
        }

        if (expires.Value < now - parameters.ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        return true;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "Token expired",
        SecurityTokenNotYetValidException => "Token not yet valid",
        SecurityTokenNoExpirationException => "Token has no expiration",
        SecurityTokenInvalidLifetimeException => "Invalid token lifetime",
        SecurityTokenInvalidAudienceException => "Invalid audience",
        SecurityTokenInvalidIssuerException => "Invalid issuer",
        SecurityTokenSignatureKeyNotFoundException => "Signing key not found",
        SecurityTokenInvalidAlgorithmException => "Signing algorithm not allowed",
        SecurityTokenInvalidSignatureException => "Invalid signature",
        SecurityTokenMalformedException => "Malformed token",
        _ => "Invalid token",
    };
}
