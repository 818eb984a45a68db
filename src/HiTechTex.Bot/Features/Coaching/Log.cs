namespace HiTechTex.Bot.Features.Coaching;

internal static partial class Log
{
    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Demo coaching catalog seeded with {Count} sessions")]
    public static partial void DemoCatalogSeeded(ILogger logger, int count);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Registration for session {SessionId}: {Outcome}")]
    public static partial void Registered(ILogger logger, Guid sessionId, RegistrationOutcome outcome);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "Registration for session {SessionId} cancelled; promoted from the waitlist: {Promoted}")]
    public static partial void RegistrationCancelled(ILogger logger, Guid sessionId, bool promoted);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Warning, Message = "Coaching action {Action} refused for a user without the coordinator role")]
    public static partial void NotCoordinator(ILogger logger, string action);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Information, Message = "Outbox row {Id} ({Kind}) for session {SessionId} done")]
    public static partial void OutboxDone(ILogger logger, long id, OutboxKind kind, Guid sessionId);

    [LoggerMessage(EventId = 2405, Level = LogLevel.Warning, Message = "Outbox row {Id} ({Kind}) attempt {Attempt} failed, retry at {DueAt}: {Reason}")]
    public static partial void OutboxRetry(ILogger logger, long id, OutboxKind kind, int attempt, DateTimeOffset dueAt, string reason);

    [LoggerMessage(EventId = 2406, Level = LogLevel.Error, Message = "Outbox row {Id} ({Kind}) failed for good: {Reason}")]
    public static partial void OutboxFailed(ILogger logger, long id, OutboxKind kind, string reason);

    [LoggerMessage(EventId = 2407, Level = LogLevel.Error, Message = "Coaching background pass failed; the next pass retries")]
    public static partial void BackgroundPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2408, Level = LogLevel.Information, Message = "Reminder ({MinutesBefore} min) sent for registration {RegistrationId}: {Status}")]
    public static partial void ReminderSent(ILogger logger, int minutesBefore, Guid registrationId, string status);

    [LoggerMessage(EventId = 2409, Level = LogLevel.Debug, Message = "Member lookup for the attendee address failed; the registration goes on without it")]
    public static partial void MemberLookupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2410, Level = LogLevel.Warning, Message = "Schedule check for {Organizer} failed; the session is saved with 'could not be checked' instead of the conflict warning")]
    public static partial void ScheduleCheckFailed(ILogger logger, string organizer, Exception exception);

    [LoggerMessage(EventId = 2412, Level = LogLevel.Warning, Message = "Calendar file of session {SessionId} refused: {Reason}")]
    public static partial void CalendarFileRefused(ILogger logger, Guid sessionId, string reason);

    [LoggerMessage(EventId = 2437, Level = LogLevel.Information, Message = "Import {ImportId} refused: its text holds a character no text may hold (a control character or a lone surrogate), or is no text (an altered submission); nothing imported")]
    public static partial void ImportUnreadable(ILogger logger, Guid importId);

    [LoggerMessage(EventId = 2438, Level = LogLevel.Warning, Message = "Unregister refused: the registration its answer names could not be read (an altered submission); nothing cancelled")]
    public static partial void UnregisterUnreadable(ILogger logger);

    [LoggerMessage(EventId = 2413, Level = LogLevel.Information, Message = "Form or import {FormId} was already saved: nothing created again")]
    public static partial void SessionAlreadySaved(ILogger logger, Guid formId);

    [LoggerMessage(EventId = 2414, Level = LogLevel.Warning, Message = "Move notice for registration {RegistrationId} failed for good: its {MinutesBefore} min reminder, claimed at the move, will be sent")]
    public static partial void MoveNoticeFailedReminderGivenBack(ILogger logger, Guid registrationId, int minutesBefore);

    [LoggerMessage(EventId = 2420, Level = LogLevel.Warning, Message = "Outbox notice {Id} ({Kind}) for session {SessionId} not sent, too late after {Attempts} attempts: {Reason}")]
    public static partial void OutboxNoticeTooLate(ILogger logger, long id, OutboxKind kind, Guid sessionId, int attempts, string reason);

    [LoggerMessage(EventId = 2421, Level = LogLevel.Error, Message = "Outbox calendar row {Id} ({Kind}) for session {SessionId} given up after {Attempts} attempts, the session has ended: {Reason}")]
    public static partial void OutboxSessionEnded(ILogger logger, long id, OutboxKind kind, Guid sessionId, int attempts, string reason);

    [LoggerMessage(EventId = 2422, Level = LogLevel.Error, Message = "Outbox calendar row {Id} ({Kind}) for session {SessionId} given up after {Attempts} attempts: {Reason}")]
    public static partial void OutboxTooManyAttempts(ILogger logger, long id, OutboxKind kind, Guid sessionId, int attempts, string reason);

    [LoggerMessage(EventId = 2423, Level = LogLevel.Information, Message = "Outbox calendar row {Id} ({Kind}) for session {SessionId} found no event (its create had failed) and created it")]
    public static partial void OutboxCreatedByUpdate(ILogger logger, long id, OutboxKind kind, Guid sessionId);

    [LoggerMessage(EventId = 2424, Level = LogLevel.Information, Message = "Calendar sync of session {SessionId} retried by the coordinator: {Outcome}")]
    public static partial void SyncRetried(ILogger logger, Guid sessionId, SyncRetryOutcome outcome);

    [LoggerMessage(EventId = 2425, Level = LogLevel.Warning, Message = "Outbox calendar row {Id} ({Kind}) for session {SessionId} not attempted: Graph refused the session's sync for good ({Reason}); waiting for the coordinator's retry or an edit")]
    public static partial void OutboxNotAttemptedSyncRefused(ILogger logger, long id, OutboxKind kind, Guid sessionId, CalendarSyncReason reason);

    [LoggerMessage(EventId = 2426, Level = LogLevel.Warning, Message = "Outbox calendar row {Id} ({Kind}) for session {SessionId}: Graph answered {Status} for its event {LostEventId} (deleted from the organizer's calendar?); created a new event {EventId} with the session's current details and attendees instead")]
    public static partial void OutboxEventRecreated(ILogger logger, long id, OutboxKind kind, Guid sessionId, int status, string lostEventId, string eventId);

    [LoggerMessage(EventId = 2427, Level = LogLevel.Information, Message = "Outbox cancellation row {Id} for session {SessionId}: Graph answered {Status} for its event {LostEventId} (already deleted from the organizer's calendar): nothing left to cancel")]
    public static partial void OutboxCancelledEventGone(ILogger logger, long id, Guid sessionId, int status, string lostEventId);

    [LoggerMessage(EventId = 2428, Level = LogLevel.Information, Message = "Session {SessionId}: its calendar event was made again; the new link's notice queued for {Count} seat holders")]
    public static partial void EventRecreatedNoticesQueued(ILogger logger, Guid sessionId, int count);

    [LoggerMessage(EventId = 2429, Level = LogLevel.Information, Message = "Outbox calendar row {Id} ({Kind}) for session {SessionId}: the organizer mailbox changed from {OldMailbox} to {NewMailbox}; made the event {EventId} there, and queued the deletion of {OldEventId} in the old mailbox")]
    public static partial void OutboxEventMoved(ILogger logger, long id, OutboxKind kind, Guid sessionId, string oldMailbox, string oldEventId, string newMailbox, string eventId);

    [LoggerMessage(EventId = 2430, Level = LogLevel.Information, Message = "Outbox deletion row {Id} for session {SessionId}: Graph answered {Status} for the old event {EventId} in {Mailbox} (already gone)")]
    public static partial void OutboxMovedEventGone(ILogger logger, long id, Guid sessionId, int status, string mailbox, string eventId);

    [LoggerMessage(EventId = 2431, Level = LogLevel.Error, Message = "Outbox deletion row {Id} for session {SessionId}: Graph answered {Status}: the bot may not delete the old event {EventId} in the previous organizer mailbox {Mailbox} (the new organizer's calendar is not concerned); the old meeting is still there")]
    public static partial void OutboxOldMailboxAccessDenied(ILogger logger, long id, Guid sessionId, int status, string mailbox, string eventId);

    [LoggerMessage(EventId = 2432, Level = LogLevel.Warning, Message = "Outbox calendar row {Id} ({Kind}) for session {SessionId}: its event {EventId}, made before the bot kept its mailbox, is not in the organizer mailbox {OrganizerMailbox} but in {Mailbox} (a change of organizer mailbox queued before): handled there")]
    public static partial void OutboxEventFoundInPreviousMailbox(ILogger logger, long id, OutboxKind kind, Guid sessionId, string eventId, string mailbox, string organizerMailbox);

    [LoggerMessage(EventId = 2433, Level = LogLevel.Warning, Message = "Outbox calendar row {Id} ({Kind}) for session {SessionId}: its create in {Mailbox} (transaction {TransactionId}) was never answered and the session no longer wants an event there (organizer mailbox changed, or cancelled): the clean-up of any event it made queued")]
    public static partial void OutboxUnansweredCreateCleanUpQueued(ILogger logger, long id, OutboxKind kind, Guid sessionId, string mailbox, string transactionId);

    [LoggerMessage(EventId = 2434, Level = LogLevel.Information, Message = "Outbox clean-up row {Id} for session {SessionId}: deleted the event {EventId} an unanswered create had left in {Mailbox}")]
    public static partial void OutboxUnansweredEventDeleted(ILogger logger, long id, Guid sessionId, string mailbox, string eventId);

    [LoggerMessage(EventId = 2435, Level = LogLevel.Warning, Message = "Outbox calendar row {Id} ({Kind}) for session {SessionId}: the earlier row {GivenUpId} ({GivenUpKind}), given up while its create in {Mailbox} (transaction {TransactionId}) was unanswered, may have left an event the session no longer wants there (organizer mailbox changed, or cancelled): its clean-up queued")]
    public static partial void OutboxGivenUpCreateCleanUpQueued(ILogger logger, long id, OutboxKind kind, Guid sessionId, long givenUpId, OutboxKind givenUpKind, string mailbox, string transactionId);

    // An old meeting made before its start was kept, whose deletion failed: its start could not be read from Graph either
    // (or, for an unanswered create's clean-up whose create was not answered again, there was no event to read it from:
    // {EventId} is then that create's transaction id).
    [LoggerMessage(EventId = 2436, Level = LogLevel.Warning, Message = "Outbox clean-up row {Id} for session {SessionId}: the start of the old event {EventId} in {Mailbox} was not kept and could not be read from Graph; the coordinator's card names the session's day")]
    public static partial void OutboxOldMeetingStartUnknown(ILogger logger, Exception? exception, long id, Guid sessionId, string mailbox, string eventId);

    // A reminder's sending mark outlived any send: its process was killed between the claim and the end of the send.
    [LoggerMessage(EventId = 2439, Level = LogLevel.Warning, Message = "Reminder ({MinutesBefore} min) of registration {RegistrationId}, claimed at {ClaimedAt}: its send never ended (the process was killed); the claim is given back and the reminder goes once more while it is due (perhaps a second time)")]
    public static partial void ReminderKilledMidSendGivenBack(ILogger logger, int minutesBefore, Guid registrationId, DateTimeOffset claimedAt);
}
