namespace HiTechTex.Bot.Features.Coaching;

/// <summary>The work an outbox row stands for.</summary>
internal enum OutboxKind
{
    /// <summary>POST the session's event (online meeting) on the organizer's calendar.</summary>
    CreateEvent = 0,

    /// <summary>PATCH the event's attendees with the full list of confirmed participants.</summary>
    UpdateAttendees = 1,

    /// <summary>PATCH the event's subject, times and location after an edit.</summary>
    UpdateEvent = 2,

    /// <summary>POST <c>/cancel</c> on the event.</summary>
    CancelEvent = 3,

    /// <summary>Tell a person proactively that they moved from the waitlist to confirmed.</summary>
    NotifyPromoted = 4,

    /// <summary>Tell a registered person that the session was cancelled.</summary>
    NotifySessionCancelled = 5,

    /// <summary>Tell a registered person that the session moved to another date or time.</summary>
    NotifySessionMoved = 6,

    /// <summary>
    /// Tell a seat holder that the session's event, deleted from the organizer's calendar, was made again: its new
    /// Teams link (the old one no longer works).
    /// </summary>
    NotifyEventRecreated = 7,

    /// <summary>
    /// DELETE an event the session no longer uses — left in the previous organizer's calendar when the coordinator
    /// changed the mailbox and the event was made in the new one (<see cref="CoachingOutboxMessage.Mailbox"/>,
    /// <see cref="CoachingOutboxMessage.EventId"/>). Once it is gone, seat holders are told the new link.
    /// </summary>
    DeleteEvent = 8,

    /// <summary>
    /// Delete the event a create whose answer never came (a timeout, a network error) may have made in
    /// <see cref="CoachingOutboxMessage.Mailbox"/> under the transaction id <see cref="CoachingOutboxMessage.EventId"/>,
    /// queued when the session no longer wants it there (the organizer mailbox changed before the retry, or the session
    /// was cancelled): the same create is sent again without attendees — Graph gives back the event it made, if it made
    /// one — and the event it answers is DELETEd (never the session's own).
    /// </summary>
    DeleteUnansweredEvent = 9,
}
