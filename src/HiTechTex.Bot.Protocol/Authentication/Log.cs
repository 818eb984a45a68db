using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Protocol.Authentication;

/// <summary>Source-generated log messages of inbound authentication (event ids 1100–1199). Tokens are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Inbound request authenticated (channel {ChannelId}, signing key {KeyId})")]
    public static partial void Authenticated(ILogger logger, string? channelId, string? keyId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Inbound request rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "Accepted a request without an Authorization header as anonymous: no MicrosoftAppId is configured and DangerouslyAllowUnauthenticatedRequests is set. Never use this outside local development")]
    public static partial void AnonymousAccepted(ILogger logger);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "No MicrosoftAppId is configured: every inbound request will be rejected")]
    public static partial void AuthenticationNotConfigured(ILogger logger);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Signing key {KeyId} is not in the cached key set; refreshing the OpenID metadata")]
    public static partial void SigningKeyNotFound(ILogger logger, string? keyId);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "OpenID metadata loaded from {MetadataAddress} with {KeyCount} signing keys")]
    public static partial void MetadataLoaded(ILogger logger, string metadataAddress, int keyCount);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Error, Message = "OpenID metadata could not be loaded from {MetadataAddress}")]
    public static partial void MetadataUnavailable(ILogger logger, string metadataAddress, Exception exception);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning, Message = "Refreshing the OpenID metadata from {MetadataAddress} failed; keeping the cached keys")]
    public static partial void MetadataRefreshFailed(ILogger logger, string metadataAddress, Exception exception);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Information, Message = "The cached OpenID metadata is {Age} old; refreshing it")]
    public static partial void MetadataTooOld(ILogger logger, TimeSpan age);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Error, Message = "Unexpected error while validating a token")]
    public static partial void UnexpectedValidationError(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Warning,
        Message = "No MicrosoftAppId is configured and DangerouslyAllowUnauthenticatedRequests is set: requests without an Authorization header will be accepted as anonymous")]
    public static partial void DangerousModeEnabled(ILogger logger);
}
