using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>Log messages of the dialog engine (event ids 1400–1499). Never logs what the user typed.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning,
        Message = "Dialog stack of conversation {ConversationId} does not match this build (dialog '{DialogId}': {Reason}); restarting '{RootDialogId}'")]
    public static partial void DialogStackReset(ILogger logger, string? conversationId, string dialogId, string reason, string rootDialogId);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning,
        Message = "Dialog state of conversation {ConversationId} could not be read; restarting '{RootDialogId}'")]
    public static partial void DialogStateUnreadable(ILogger logger, string? conversationId, string rootDialogId, Exception exception);

    [LoggerMessage(EventId = 1410, Level = LogLevel.Debug, Message = "Interruption {Kind} in conversation {ConversationId}")]
    public static partial void Interruption(ILogger logger, InterruptionKind kind, string? conversationId);
}
