namespace HiTechTex.Bot.Features.Conversation;

/// <summary>A kind of a person's records that may still need a message from the bot (said so by "delete my data").</summary>
internal enum PersonalRecordKind
{
    /// <summary>An exchange application in progress (decisions, the closing report's request).</summary>
    ExchangeApplication,

    /// <summary>A registration for a session still to come (reminders, changes).</summary>
    SessionRegistration,

    /// <summary>An introduction request waiting for its answer (the answer, its expiry).</summary>
    IntroductionRequest,

    /// <summary>A role (cluster manager, coordinator) whose requests come to them.</summary>
    Role,

    /// <summary>An introduction request sent to them (a partner's contact or cluster manager) and not yet answered: their card changes when it is answered or expires.</summary>
    IntroductionToAnswer,

    /// <summary>They are the Teams contact of an organisation in the partner directory: its introduction requests come to them.</summary>
    DirectoryContact,
}

/// <summary>
/// One feature's check of a person's records: whether some still need a message from the bot, so that "delete my data"
/// keeps the address of their 1:1 chat (and says why) only while something still needs it.
/// </summary>
internal interface IPersonalRecords
{
    PersonalRecordKind Kind { get; }

    /// <param name="aadObjectId">The person's Entra object id (what the features key their records by), if Teams sent one.</param>
    /// <param name="userId">Their channel user id (a record stored without an Entra id is keyed by it).</param>
    Task<bool> AwaitNoticesAsync(string? aadObjectId, string userId, CancellationToken cancellationToken);
}
