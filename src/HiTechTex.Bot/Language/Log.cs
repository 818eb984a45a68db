namespace HiTechTex.Bot.Language;

/// <summary>Source-generated log messages of language understanding (event ids 1600–1699; the conversation has 1500–1599). Never the user's text or the key.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning,
        Message = "Azure OpenAI intent recognition failed ({Reason}); the local recognizer answers instead")]
    public static partial void FallingBack(ILogger logger, string reason);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning,
        Message = "Azure OpenAI intent recognition failed ({Reason}); the local recognizer answers instead")]
    public static partial void FallingBackAfterError(ILogger logger, string reason, Exception exception);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Debug, Message = "Azure OpenAI recognized {Intent} (score {Score}, language {Language})")]
    public static partial void Recognized(ILogger logger, Intent intent, double score, string? language);
}
