namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>Source-generated log messages of the exchanges (event ids 2300–2399: from 2300 up, and from 2399 down). Never what people typed.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Exchange {Reference}: {From} → {To} ({Action})")]
    public static partial void Transitioned(ILogger logger, string reference, string from, string to, string action);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Exchange action {Verb} by {AadObjectId} refused: {Reason}")]
    public static partial void ActionRefused(ILogger logger, string verb, string aadObjectId, string reason);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Exchange action {Verb} on {Reference} from a stale card (version {Shown}, current {Current}); nothing changed")]
    public static partial void StaleCard(ILogger logger, string verb, string reference, int shown, int current);

    [LoggerMessage(EventId = 2303, Message = "Exchange {Reference}: could not {Operation} for {Recipient} ({Status})")]
    public static partial void DeliveryFailed(ILogger logger, LogLevel level, string reference, string operation, string recipient, string status);

    [LoggerMessage(EventId = 2304, Message = "Exchange {Reference}: {Operation} for {Recipient} failed")]
    public static partial void DeliveryError(ILogger logger, LogLevel level, Exception exception, string reference, string operation, string recipient);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Information, Message = "Exchange follow-up sent {Cards} card(s) to approvers who had none, {Reminders} reminder(s) and {Reports} closing-report request(s)")]
    public static partial void FollowUpRan(ILogger logger, int cards, int reminders, int reports);

    [LoggerMessage(EventId = 2306, Level = LogLevel.Error, Message = "Exchange follow-up failed; retrying at the next interval")]
    public static partial void FollowUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2307, Level = LogLevel.Warning, Message = "Exchange {Reference} waits at {Status} but nobody may decide it: no cluster manager (Roles:ClusterManagers) or host contact with an Entra id for organisation {OrganisationId}")]
    public static partial void NoApprover(ILogger logger, string reference, string status, string organisationId);

    [LoggerMessage(EventId = 2308, Level = LogLevel.Information, Message = "Exchange {Reference} waits at {Status}: card sent to {Approver}, who had none (an approver configured after the step began)")]
    public static partial void LateApproverCard(ILogger logger, string reference, string status, string approver);

    [LoggerMessage(EventId = 2309, Level = LogLevel.Error, Message = "Exchange {Reference}: the decision is stored, but could not {Operation} after it")]
    public static partial void AfterCommitFailed(ILogger logger, Exception exception, string reference, string operation);

    [LoggerMessage(EventId = 2311, Level = LogLevel.Warning, Message = "Exchange export refused: {Reason} link")]
    public static partial void ExportRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2312, Level = LogLevel.Information, Message = "Exchange export served ({Bytes} bytes)")]
    public static partial void ExportServed(ILogger logger, int bytes);

    [LoggerMessage(EventId = 2313, Level = LogLevel.Information, Message = "Exchange export link given to coordinator {AadObjectId}")]
    public static partial void ExportLinkGiven(ILogger logger, string aadObjectId);

    [LoggerMessage(EventId = 2314, Level = LogLevel.Information, Message = "Exchange {Reference}: the applicant was told its {Status} card reached an approver configured later")]
    public static partial void ApplicantToldReached(ILogger logger, string reference, string status);

    /// <summary>A warning the first time for an approver and step, information at the follow-up's next tries (an approver who never installed the bot fails at every pass).</summary>
    [LoggerMessage(EventId = 2320, Message = "Exchange {Reference} waits at {Status}: its card could not be delivered to {Approver} ({Failure}); the follow-up tries again while that may help")]
    public static partial void CardNotDelivered(ILogger logger, LogLevel level, string reference, string status, string approver, string failure);

    [LoggerMessage(EventId = 2321, Level = LogLevel.Warning, Message = "Exchange {Reference} waits at {Status} but its card reaches none of the approvers of organisation {OrganisationId} (the bot not installed for them, or delivery failing for a day); the applicant was told whom to contact")]
    public static partial void ApproversUnreachable(ILogger logger, string reference, string status, string organisationId);

    /// <summary>As 2320, for a reminder, a closing-report request or a notice to the applicant sent by the follow-up.</summary>
    [LoggerMessage(EventId = 2322, Message = "Exchange {Reference}: the {What} could not be delivered to {Recipient} ({Failure}); the follow-up tries again while that may help")]
    public static partial void MessageNotDelivered(ILogger logger, LogLevel level, string reference, string what, string recipient, string failure);

    /// <summary>As 2307, when a manager is configured but it is the applicant, who never decides their own application.</summary>
    [LoggerMessage(EventId = 2323, Level = LogLevel.Warning, Message = "Exchange {Reference} waits at {Status} but nobody may decide it: the only approver of organisation {OrganisationId} is the applicant, who may not decide their own application (add another cluster manager in Roles:ClusterManagers)")]
    public static partial void OnlyApproverIsApplicant(ILogger logger, string reference, string status, string organisationId);

    /// <summary>The last word on a closed application's notice that could not be delivered: the follow-up stops trying it.</summary>
    [LoggerMessage(EventId = 2324, Level = LogLevel.Warning, Message = "Exchange {Reference} is closed ({Status}): the {What} could not be delivered to {Recipient} in {Attempts} tries; the follow-up stops trying (a coordinator sees it under \"stuck applications\")")]
    public static partial void NoticeGivenUp(ILogger logger, string reference, string status, string what, string recipient, int attempts);

    [LoggerMessage(EventId = 2325, Level = LogLevel.Information, Message = "Exchange {Reference}: coordinator {AadObjectId} retried its delivery ({Outcome})")]
    public static partial void DeliveryRetried(ILogger logger, string reference, string aadObjectId, string outcome);

    /// <summary>The host stopped before the message could reach the connector: given back, the follow-up sends it after the restart.</summary>
    [LoggerMessage(EventId = 2326, Level = LogLevel.Information, Message = "Exchange {Reference}: the {What} to {Recipient} was stopped before it reached the connector (the host shutting down); given back, the follow-up sends it after the restart")]
    public static partial void SendStoppedGivenBack(ILogger logger, string reference, string what, string recipient);

    /// <summary>
    /// The host stopped with the message on its way: perhaps delivered. An approval card is not sent again by itself (the
    /// coordinator's "stuck applications" lists it); a notice or reminder is sent once more by the follow-up (2398).
    /// </summary>
    [LoggerMessage(EventId = 2327, Level = LogLevel.Warning, Message = "Exchange {Reference}: the {What} to {Recipient} was stopped while the connector had it (the host shutting down); it may not have arrived: an approval card is listed under \"stuck applications\" and not sent again by itself, a notice or reminder is sent once more by the follow-up")]
    public static partial void SendStoppedInFlight(ILogger logger, string reference, string what, string recipient);

    [LoggerMessage(EventId = 2328, Level = LogLevel.Warning, Message = "Exchange {Reference} ({Status}): the card of {Recipient} could not be updated in {Attempts} tries (the connector failing); the follow-up stops trying (a coordinator sees it under \"stuck applications\"), the card shows the current state when clicked")]
    public static partial void CardUpdateGivenUp(ILogger logger, string reference, string status, string recipient, int attempts);

    [LoggerMessage(EventId = 2329, Level = LogLevel.Information, Message = "Exchange {Reference}: the closing-report request was delivered (claimed at {ClaimedAt}) but not recorded (the process stopped in between); recorded now and the report card sent, the request not sent again")]
    public static partial void ReportRequestCompleted(ILogger logger, string reference, DateTimeOffset claimedAt);

    [LoggerMessage(EventId = 2330, Level = LogLevel.Warning, Message = "Exchange {Reference} ({Status}): the turn that made its last transition stopped before sending the notices; the follow-up sends those not sent yet (each once)")]
    public static partial void AbortedTurnNotices(ILogger logger, string reference, string status);

    /// <summary>An applicant's notice whose sending process was killed mid-send (its mark left): sent once more, as if stopped on the wire.</summary>
    // A notice, reminder or closing-report request refused at each of its bounded tries on an open application.
    [LoggerMessage(EventId = 2331, Level = LogLevel.Warning, Message = "Exchange {Reference} ({Status}): the {What} was refused for {Recipient} {Attempts} times (the bot not installed for them, blocked, 403/404); the follow-up stops trying it")]
    public static partial void MessageRefusalsSpent(ILogger logger, string reference, string status, string what, string recipient, int attempts);

    // A sending mark (ExchangeDeliveryClaim.InFlightKind) left by a process killed before it claimed the message.
    [LoggerMessage(EventId = 2332, Level = LogLevel.Information, Message = "Exchange {Reference}: the {Kind} to {Recipient} was marked as being sent ({MarkedAt}) but never claimed: its process was killed before sending it; the mark is removed, nothing was sent")]
    public static partial void MarkWithoutClaimRemoved(ILogger logger, string reference, string kind, string recipient, DateTimeOffset markedAt);

    // A card without an activity id replaced by a new one, the send stopped on the wire: kept as done (never two cards).
    [LoggerMessage(EventId = 2333, Level = LogLevel.Warning, Message = "Exchange {Reference}: the new card replacing a card of {Recipient} was stopped while the connector had it (the host shutting down); it may not have arrived and is not sent again (a second card would follow); the card left shows the current state when clicked")]
    public static partial void ReplacementCardStoppedInFlight(ILogger logger, string reference, string recipient);

    [LoggerMessage(EventId = 2396, Level = LogLevel.Information, Message = "Exchange {Reference}: the {Kind} to {Recipient} was being sent when its process was killed (marked as sending {ClaimedAt}, never cleared); it may not have arrived and is sent once more by the follow-up")]
    public static partial void KilledMidSend(ILogger logger, string reference, string kind, string recipient, DateTimeOffset claimedAt);

    /// <summary>A step's card refused (no conversation, blocked, 403/404) at each of its bounded tries: no more by itself.</summary>
    [LoggerMessage(EventId = 2397, Level = LogLevel.Warning, Message = "Exchange {Reference} waits at {Status}: its card was refused for {Approver} {Attempts} times (the bot not installed for them, blocked, 403/404); the follow-up stops trying (a coordinator sees it under \"stuck applications\", where Retry now tries again)")]
    public static partial void CardRefusalsSpent(ILogger logger, string reference, string status, string approver, int attempts);

    /// <summary>A notice or reminder stopped on the wire (2327) sent once more by the follow-up: a second copy is less harm than none.</summary>
    [LoggerMessage(EventId = 2398, Level = LogLevel.Information, Message = "Exchange {Reference}: the {What} to {Recipient}, stopped on the wire by a restart (it may not have arrived), is sent once more by the follow-up")]
    public static partial void StoppedNoticeResent(ILogger logger, string reference, string what, string recipient);

    /// <summary>A resubmission's or reassignment's new card to an approver who had one, sent by the follow-up (its turn stopped before, or the send failed).</summary>
    [LoggerMessage(EventId = 2399, Level = LogLevel.Information, Message = "Exchange {Reference} ({Status}): the new card of the resubmission or reassignment reached {Approver} from the follow-up (the turn had not sent it, or its delivery failed); sent once")]
    public static partial void NewCardAlertRecovered(ILogger logger, string reference, string status, string approver);
}
