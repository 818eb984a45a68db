namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// Why a session's calendar sync is waiting or failed, as the coordinator's card says it (translated, see
/// <see cref="CoachingTexts.SyncReason"/>). Stored by name in <see cref="CoachingSession.SyncError"/>; the technical
/// detail (status, Graph error code, last error) goes to the log and the outbox row only.
/// </summary>
internal enum CalendarSyncReason
{
    /// <summary>A reason stored before the codes (free text), or none known.</summary>
    Unknown = 0,

    /// <summary>Graph refused the request as not valid (400 and other 4xx: e.g. a time zone it does not know).</summary>
    Refused = 1,

    /// <summary>401 or 403: the app may not use the organizer's calendar.</summary>
    AccessDenied = 2,

    /// <summary>404 or 410: the organizer's mailbox, or the event, is not there.</summary>
    NotFound = 3,

    /// <summary>The token endpoint refused the bot's credentials (4xx).</summary>
    SignInRefused = 4,

    /// <summary>Any other failure for good (an answer the bot could not use).</summary>
    Unexpected = 5,

    /// <summary>Given up: the session has ended.</summary>
    SessionEnded = 6,

    /// <summary>Given up after <c>Coaching:OutboxMaxAttempts</c> transient errors.</summary>
    TooManyAttempts = 7,

    /// <summary>429: Graph asked to wait (retried).</summary>
    Throttled = 8,

    /// <summary>5xx or a network error (retried).</summary>
    Unavailable = 9,

    /// <summary>No answer in time (retried).</summary>
    Timeout = 10,

    /// <summary>
    /// Graph does not know the organizer's mailbox (404 <c>ErrorInvalidUser</c> and the like, or a 404 on creating an
    /// event there): the address in the session is wrong, or the mailbox is not (or no longer) in Exchange Online.
    /// </summary>
    MailboxNotFound = 11,

    /// <summary>
    /// 401 or 403 on deleting the old meeting from the previous organizer's mailbox, after the coordinator changed the
    /// organizer mailbox: the bot may not use that calendar (the new organizer's is fine), and the old meeting is still
    /// there. Not a refusal of the session's own sync: its later calendar work goes on in the new organizer's calendar.
    /// </summary>
    OldMailboxAccessDenied = 12,

    /// <summary>
    /// The clean-up of a meeting the session no longer uses (<see cref="OutboxKind.DeleteEvent"/>,
    /// <see cref="OutboxKind.DeleteUnansweredEvent"/>) failed for a while (429, 5xx, timeout, network) and is retried
    /// with back-off: the card names the session's old meeting and says the bot tries again.
    /// </summary>
    OldMeetingNotRemovedRetrying = 13,

    /// <summary>
    /// That clean-up failed for good (a refusal other than 401/403 in the previous organizer's mailbox, too many
    /// attempts, or the session has ended): the old meeting is still in the calendar, to be deleted by hand ("Retry
    /// calendar sync" queues it again while the session has not ended).
    /// </summary>
    OldMeetingNotRemoved = 14,
}

/// <summary>Reading and classifying <see cref="CalendarSyncReason"/>.</summary>
internal static class CalendarSyncReasons
{
    /// <summary>The reason stored in <paramref name="syncError"/>; a text stored before the codes is <see cref="CalendarSyncReason.Unknown"/>.</summary>
    public static CalendarSyncReason Of(string? syncError) =>
        Enum.TryParse<CalendarSyncReason>(syncError, ignoreCase: false, out var reason) && reason.ToString() == syncError
            ? reason
            : CalendarSyncReason.Unknown;

    /// <summary>
    /// A refusal: sending the same request again gets the same answer, so the session's later calendar rows wait for
    /// the coordinator (Retry calendar sync, or an edit) instead of calling Graph again.
    /// </summary>
    public static bool IsRefusal(CalendarSyncReason reason) =>
        reason is CalendarSyncReason.Refused or CalendarSyncReason.AccessDenied or CalendarSyncReason.NotFound
            or CalendarSyncReason.SignInRefused or CalendarSyncReason.Unexpected or CalendarSyncReason.MailboxNotFound;
}
