namespace HiTechTex.Bot.Features.Conversation;

/// <summary>Source-generated log messages of the conversation (event ids 1500–1599; language understanding has 1600–1699).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning,
        Message = "State of conversation {ConversationId} changed during the turn (key {Key}); nothing saved, the user was asked to send again")]
    public static partial void StateConflict(ILogger logger, string? conversationId, string key);

    [LoggerMessage(EventId = 1515, Level = LogLevel.Warning,
        Message = "The stored '{Property}' of the turn in conversation {ConversationId} is not readable by this build; it counts as absent and the turn's save drops it")]
    public static partial void StateValueUnreadable(ILogger logger, string property, string? conversationId, Exception exception);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Profile captured in conversation {ConversationId} (language {Language})")]
    public static partial void ProfileCaptured(ILogger logger, string? conversationId, string language);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Debug, Message = "Routed to {Intent} (score {Score}, source {Source}) in conversation {ConversationId}")]
    public static partial void Routed(ILogger logger, string intent, double score, string source, string? conversationId);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information,
        Message = "Unfinished dialog in conversation {ConversationId} dropped after {Idle} without an answer (Conversation:DialogExpiry)")]
    public static partial void DialogExpired(ILogger logger, string? conversationId, TimeSpan idle);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Information, Message = "Deleted {Count} dialog states untouched for longer than {Expiry}")]
    public static partial void DialogStatesPurged(ILogger logger, int count, TimeSpan expiry);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Warning, Message = "Deleting expired dialog states failed; the next pass retries")]
    public static partial void DialogStatePurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Information,
        Message = "A personal journey asked for in group conversation {ConversationId} was sent to the person's 1:1 chat: {Status}")]
    public static partial void ContinuedPrivately(ILogger logger, string? conversationId, string status);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Warning,
        Message = "Sending a message from group conversation {ConversationId} to the person's 1:1 chat (a personal journey, a role command's refusal) failed")]
    public static partial void PrivateChatFailed(ILogger logger, string? conversationId, Exception exception);

    [LoggerMessage(EventId = 1508, Level = LogLevel.Information,
        Message = "Bot removed from conversation {ConversationId}: its state and {MemberStates} member states deleted (the user's profile too: {ProfileDeleted})")]
    public static partial void StateErased(ILogger logger, string? conversationId, int memberStates, bool profileDeleted);

    [LoggerMessage(EventId = 1509, Level = LogLevel.Information,
        Message = "A user deleted their profile on request (\"delete my data\") in conversation {ConversationId}, and their unfinished dialogs in {GroupDialogs} group conversations")]
    public static partial void UserDataDeleted(ILogger logger, string? conversationId, int groupDialogs);

    [LoggerMessage(EventId = 1510, Level = LogLevel.Information,
        Message = "Bot removed from team {TeamId}: the references and states of its {Count} recorded channel conversations deleted")]
    public static partial void TeamErased(ILogger logger, string teamId, int count);

    [LoggerMessage(EventId = 1511, Level = LogLevel.Warning,
        Message = "Recording channel conversation {ConversationId} under its team failed; its data would not be deleted with the team")]
    public static partial void TeamConversationNotRecorded(ILogger logger, string? conversationId, Exception exception);

    [LoggerMessage(EventId = 1512, Level = LogLevel.Information,
        Message = "Another request ({Request}) while {Waiting} waits in conversation {ConversationId}: {Outcome}")]
    public static partial void AnotherRequest(ILogger logger, string request, string waiting, string outcome, string? conversationId);

    [LoggerMessage(EventId = 1513, Level = LogLevel.Warning,
        Message = "Journey dialog {DialogId} said it answers in one turn but waits; answered on top of conversation {ConversationId}, its waiting state dropped")]
    public static partial void OneTurnJourneyWaited(ILogger logger, string dialogId, string? conversationId);

    [LoggerMessage(EventId = 1530, Level = LogLevel.Information,
        Message = "Card action with verb {Verb} has no handler, form or journey action: answered as not recognised, nothing run")]
    public static partial void UnknownCardVerb(ILogger logger, string? verb);

    [LoggerMessage(EventId = 1514, Level = LogLevel.Warning,
        Message = "Following the user's new time zone failed in conversation {ConversationId}; tried again on their next message")]
    public static partial void TimeZoneNotFollowed(ILogger logger, string? conversationId, Exception exception);

    [LoggerMessage(EventId = 1531, Level = LogLevel.Information, Message = "Delete my data in {ConversationId}: the 1:1 chat's address deleted ({Count} references)")]
    public static partial void ChatAddressDeleted(ILogger logger, string? conversationId, int count);

    [LoggerMessage(EventId = 1532, Level = LogLevel.Information, Message = "Delete my data in {ConversationId}: the 1:1 chat's address kept for {Kinds}")]
    public static partial void ChatAddressKept(ILogger logger, string? conversationId, string kinds);

    [LoggerMessage(EventId = 1533, Level = LogLevel.Information,
        Message = "A role command was refused in conversation {ConversationId}: it is for {Role}, and the configuration gives the sender no such role")]
    public static partial void RoleCommandRefused(ILogger logger, string role, string? conversationId);

    [LoggerMessage(EventId = 1534, Level = LogLevel.Information,
        Message = "A role command's refusal in group conversation {ConversationId} was sent to the person's 1:1 chat: {Status}")]
    public static partial void RoleRefusalInGroup(ILogger logger, string? conversationId, string status);

    // Only coordinators are sent the cards with these buttons: a click by anybody else is a forged or forwarded card.
    [LoggerMessage(EventId = 1535, Level = LogLevel.Warning,
        Message = "A coordinator's card button {Verb} was clicked by {AadObjectId}, who is no coordinator, in conversation {ConversationId} (a forged or forwarded card); refused")]
    public static partial void CoordinatorButtonRefused(ILogger logger, string verb, string? aadObjectId, string? conversationId);

    [LoggerMessage(EventId = 1599, Level = LogLevel.Information,
        Message = "A message in channel conversation {ConversationId} asked for nothing new while the sender's dialog waits in thread {WaitingIn}: pointed there")]
    public static partial void PointedToWaitingThread(ILogger logger, string? conversationId, string waitingIn);
}
