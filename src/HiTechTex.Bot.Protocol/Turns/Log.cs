using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>Source-generated log messages of the turn pipeline (event ids 1300–1339).</summary>
internal static partial class Log
{
    private static readonly Func<ILogger, string?, string?, IDisposable?> TurnScopeDefinition =
        LoggerMessage.DefineScope<string?, string?>("Turn conversation {ConversationId} activity {ActivityId}");

    /// <summary>One scope per turn so every log line of the turn carries the conversation and activity ids.</summary>
    public static IDisposable? TurnScope(ILogger logger, string? conversationId, string? activityId) =>
        TurnScopeDefinition(logger, conversationId, activityId);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Turn started: {ActivityType} {ActivityName}")]
    public static partial void TurnStarted(ILogger logger, string? activityType, string? activityName);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Request rejected with 401: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string? reason);

    [LoggerMessage(EventId = 1308, Level = LogLevel.Warning, Message = "Request rejected with 403: an activity of channel {ChannelId} from tenant {TenantId}, not one of the allowed tenants")]
    public static partial void TenantRefused(ILogger logger, string? channelId, string tenantId);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Request rejected with 400: {Reason}")]
    public static partial void BadRequest(ILogger logger, string reason);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Error,
        Message = "Turn failed for {ActivityType} activity {ActivityId} in conversation {ConversationId}")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? activityType, string? activityId, string? conversationId);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "Could not tell the user that the turn failed")]
    public static partial void ErrorReplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Debug, Message = "The request was aborted during the turn: the turn ran to its end, no response written")]
    public static partial void CallerLeftDuringTurn(ILogger logger);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Debug, Message = "Turn finished with HTTP {StatusCode}")]
    public static partial void TurnFinished(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 1307, Level = LogLevel.Warning,
        Message = "Request rejected with 413: the body is larger than {MaxActivityBytes} bytes (Content-Length {ContentLength})")]
    public static partial void BodyTooLarge(ILogger logger, long maxActivityBytes, long? contentLength);

    [LoggerMessage(EventId = 1310, Level = LogLevel.Debug, Message = "Conversation reference saved (install: {IsInstall})")]
    public static partial void ConversationReferenceSaved(ILogger logger, bool isInstall);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Information, Message = "Bot removed: conversation reference deleted")]
    public static partial void ConversationReferenceDeleted(ILogger logger);

    [LoggerMessage(EventId = 1312, Level = LogLevel.Warning, Message = "Could not refresh the conversation reference; the turn goes on")]
    public static partial void ConversationReferenceRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1321, Level = LogLevel.Debug, Message = "A typing activity could not be sent; the turn goes on")]
    public static partial void TypingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1320, Level = LogLevel.Error, Message = "Background work item failed")]
    public static partial void BackgroundWorkFailed(ILogger logger, Exception exception);
}
