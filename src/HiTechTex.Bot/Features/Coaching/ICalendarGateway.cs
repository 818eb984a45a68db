namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The organizer's calendar (Microsoft Graph, spec §8), as the outbox needs it. A create goes to the session's organizer
/// mailbox; the calls on its event to the mailbox that holds it (<see cref="CoachingSession.EventMailbox"/>).
/// </summary>
internal interface ICalendarGateway
{
    /// <summary>
    /// Creates the session's online meeting; retried creates with the same <paramref name="transactionId"/> give the
    /// same event (<see cref="GraphCalendarGateway.TransactionIdOf(CoachingSession)"/> for the session's first event).
    /// </summary>
    Task<CalendarEventResult> CreateEventAsync(CoachingSession session, IReadOnlyList<CalendarAttendee> attendees, string transactionId, CancellationToken cancellationToken);

    /// <summary>Replaces the attendee list (the full desired list).</summary>
    Task UpdateAttendeesAsync(CoachingSession session, IReadOnlyList<CalendarAttendee> attendees, CancellationToken cancellationToken);

    /// <summary>Sends the session's subject, times and location (never the body: it holds the meeting blob).</summary>
    Task UpdateEventAsync(CoachingSession session, CancellationToken cancellationToken);

    Task CancelEventAsync(CoachingSession session, string comment, CancellationToken cancellationToken);

    /// <summary>DELETEs an event the session no longer uses from <paramref name="mailbox"/>'s calendar.</summary>
    Task DeleteEventAsync(string mailbox, string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Sends again, to <paramref name="mailbox"/>, a create of the session's event whose answer never came, with its
    /// <paramref name="transactionId"/> but without attendees or online meeting: Graph answers with the event that create
    /// made, if it made one (else it makes a bare one, which nobody is invited to). Returns its id, to delete it.
    /// </summary>
    Task<string> RecreateUnansweredAsync(string mailbox, CoachingSession session, string transactionId, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="mailbox"/>'s calendar holds the event (a GET of its id): false when Graph answers
    /// 404/410 (not there, or no such mailbox) or 401/403 (the bot may not look there).
    /// </summary>
    Task<bool> HoldsEventAsync(string mailbox, string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// When the event starts in <paramref name="mailbox"/>'s calendar (a GET of its id and start, in UTC): for an old
    /// meeting made before its start was kept (<see cref="CoachingOutboxMessage.EventStartsAt"/>). Null when Graph answers
    /// no start; a failed call throws as the other calls do.
    /// </summary>
    Task<DateTimeOffset?> EventStartAsync(string mailbox, string eventId, CancellationToken cancellationToken);

    Task<IReadOnlyList<BusyPeriod>> GetScheduleAsync(string organizerMailbox, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);
}
