namespace HiTechTex.Bot.Features.Partners;

/// <summary>Source-generated log messages of the partner directory and search (event ids 2100–2199: from 2100 up, and from 2199 down).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Partner search index rebuilt with {Count} organisations")]
    public static partial void PartnerIndexRebuilt(ILogger logger, int count);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Partner search index is current ({Count} organisations)")]
    public static partial void PartnerIndexCurrent(ILogger logger, int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Partner search index is stale (index {Actual}, directory {Expected}); rebuilding")]
    public static partial void PartnerIndexStale(ILogger logger, string actual, string expected);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "Partner search index synced {Count} changed organisations up to change {Sequence}")]
    public static partial void PartnerIndexSynced(ILogger logger, int count, long sequence);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Partner directory seeded: {Added} organisations added, demo set removed: {DemoRemoved}")]
    public static partial void PartnerDirectorySeeded(ILogger logger, int added, bool demoRemoved);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Partner directory start-up or index sync failed; retrying at the next interval")]
    public static partial void PartnerSyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Introduction {IntroductionId} requested ({Status})")]
    public static partial void IntroductionRequested(ILogger logger, string introductionId, string status);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning, Message = "Introduction action {Verb} refused for introduction {IntroductionId}: {Reason}")]
    public static partial void IntroductionActionRefused(ILogger logger, string verb, string? introductionId, string reason);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Information, Message = "Introduction {IntroductionId} {Status}")]
    public static partial void IntroductionDecided(ILogger logger, string introductionId, string status);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Warning, Message = "Directory entry {OrganisationId} edit refused: not a cluster the user manages")]
    public static partial void MemberEditRefused(ILogger logger, string? organisationId);

    [LoggerMessage(EventId = 2120, Level = LogLevel.Warning, Message = "Conversation {ConversationId}: a partner search came while the directory was not ready (still loading, or its source failing); the user was told to try again")]
    public static partial void DirectoryNotReady(ILogger logger, string? conversationId);

    [LoggerMessage(EventId = 2198, Level = LogLevel.Warning, Message = "Directory entry {OrganisationId} not saved: the form's id or version could not be read (an altered submission)")]
    public static partial void MemberFormUnreadable(ILogger logger, string? organisationId);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Information, Message = "Directory entry {OrganisationId} not saved: the form is older than the entry")]
    public static partial void MemberSaveStale(ILogger logger, string? organisationId);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "Introduction {IntroductionId}: a card or notification could not be delivered")]
    public static partial void IntroductionSendFailed(ILogger logger, string introductionId, Exception exception);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "The details card of {OrganisationId} could not be updated after the introduction request")]
    public static partial void DetailCardUpdateFailed(ILogger logger, string organisationId, Exception exception);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Warning, Message = "Introduction request to {OrganisationId} refused: the requester manages its cluster")]
    public static partial void IntroductionOwnMemberRefused(ILogger logger, string organisationId);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Warning, Message = "Introduction request to {OrganisationId} refused: the requester is one of its contacts")]
    public static partial void IntroductionOwnContactRefused(ILogger logger, string organisationId);

    [LoggerMessage(EventId = 2115, Level = LogLevel.Information, Message = "{Count} unanswered introduction requests expired; their cards were updated and the requesters told")]
    public static partial void IntroductionsExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 2116, Level = LogLevel.Warning, Message = "The introduction expiry sweep failed; retrying at the next interval")]
    public static partial void IntroductionExpirySweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2117, Level = LogLevel.Warning, Message = "Introduction {IntroductionId}: its expiry was given back, its cards could not be updated; the next sweep tries again")]
    public static partial void IntroductionExpiryReleased(ILogger logger, string introductionId, Exception? exception);

    [LoggerMessage(EventId = 2118, Level = LogLevel.Warning, Message = "Introduction {IntroductionId}: its expiry could not update the addressees' cards in {Attempts} tries (the connector failing); the sweep stops trying, the request stays expired and the requester is told")]
    public static partial void IntroductionExpiryGivenUp(ILogger logger, string introductionId, int attempts);

    [LoggerMessage(EventId = 2119, Level = LogLevel.Warning, Message = "Introduction {IntroductionId}: its expiry was claimed until {LeaseUntil} and never finished (the instance stopped?); this sweep takes it over")]
    public static partial void IntroductionExpiryTakenOver(ILogger logger, string introductionId, DateTimeOffset leaseUntil);

    [LoggerMessage(EventId = 2199, Level = LogLevel.Warning, Message = "Introduction {IntroductionId}: the requester could not be given the answer; the person who answered was told to let them know another way")]
    public static partial void IntroductionAnswerUndelivered(ILogger logger, string introductionId);
}
