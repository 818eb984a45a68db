using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>Connector log messages, event ids 1200–1299. Tokens and message text are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Connector token obtained from {TokenSource}, expires {ExpiresOn:o}")]
    public static partial void ConnectorTokenAcquired(ILogger logger, string tokenSource, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Connector token request failed: {ErrorCode}")]
    public static partial void ConnectorTokenFailed(ILogger logger, string errorCode, Exception exception);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Debug, Message = "{Operation} {Method} {Host} answered {StatusCode}, X-Correlating-OperationId {CorrelationId}")]
    public static partial void ConnectorResponse(ILogger logger, string operation, string method, string host, int statusCode, string? correlationId);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Warning, Message = "{Operation} answered {StatusCode}; retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void ConnectorRetry(ILogger logger, string operation, int statusCode, TimeSpan delay, int retry, int maxRetries);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Debug, Message = "{Operation} failed with {StatusCode} ({ErrorCode}/{SubCode}) after {Attempts} attempt(s), X-Correlating-OperationId {CorrelationId}")]
    public static partial void ConnectorCallFailed(ILogger logger, string operation, int statusCode, string? errorCode, string? subCode, int attempts, string? correlationId);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Warning, Message = "serviceUrl {ServiceUrl} is not trusted; the request is sent without the connector token")]
    public static partial void UntrustedServiceUrl(ILogger logger, string serviceUrl);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Warning, Message = "Outbound activity refused before sending: {SizeBytes} bytes (UTF-16) exceeds {LimitBytes}")]
    public static partial void ActivityTooLarge(ILogger logger, int sizeBytes, int limitBytes);

    [LoggerMessage(EventId = 1220, Level = LogLevel.Information, Message = "Conversation {ConversationId} refuses the bot's messages (403: blocked, removed or disabled); marked inactive")]
    public static partial void ConversationBlocked(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 1221, Level = LogLevel.Debug, Message = "Conversation {ConversationId} is inactive; proactive message not sent")]
    public static partial void ConversationInactive(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 1222, Level = LogLevel.Debug, Message = "No conversation reference for {ConversationId}; proactive message not sent")]
    public static partial void NoConversationReference(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 1223, Level = LogLevel.Information, Message = "Created personal conversation {ConversationId} in tenant {TenantId}")]
    public static partial void PersonalConversationCreated(ILogger logger, string conversationId, string tenantId);

    [LoggerMessage(EventId = 1224, Level = LogLevel.Information, Message = "User blocked the bot in tenant {TenantId}; personal conversation not created")]
    public static partial void PersonalConversationBlocked(ILogger logger, string tenantId);
}
