namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// A coaching or training session of the catalog. Times are stored in UTC; <see cref="TimeZone"/> (IANA) is the zone
/// the session is planned in, used for display, the calendar file and the Graph event.
/// </summary>
internal sealed class CoachingSession
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string Topic { get; set; } = "";

    public string Trainer { get; set; } = "";

    /// <summary>Two-letter language code of the session (EN, PT, ES, IT, TR, CS).</summary>
    public string Language { get; set; } = "EN";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>IANA time zone id, e.g. <c>Europe/Lisbon</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    public int Capacity { get; set; }

    public SessionMode Mode { get; set; }

    /// <summary>The venue of an on-site session (or a note for an online one).</summary>
    public string? Location { get; set; }

    public DateTimeOffset RegistrationOpensAt { get; set; }

    public DateTimeOffset RegistrationClosesAt { get; set; }

    /// <summary>The mailbox (UPN or object id) whose calendar holds the Teams meeting.</summary>
    public string OrganizerMailbox { get; set; } = "";

    public SessionStatus Status { get; set; }

    /// <summary>Incremented under the session's row lock for every registration: the arrival order.</summary>
    public long NextSequence { get; set; }

    public string? GraphEventId { get; set; }

    /// <summary>
    /// The mailbox whose calendar holds <see cref="GraphEventId"/>, as it was when the event was made: after the
    /// coordinator changes <see cref="OrganizerMailbox"/> the event is still there until the outbox moves it. Null for
    /// events made before it was kept (they are in <see cref="OrganizerMailbox"/>).
    /// </summary>
    public string? GraphEventMailbox { get; set; }

    /// <summary>
    /// When <see cref="GraphEventId"/> starts in the calendar, as last sent to Graph (made or patched): the time its
    /// attendees have, kept so that a clean-up of that event after a change of organizer mailbox names the old
    /// meeting's day, not the session's new one. Null for events made before it was kept.
    /// </summary>
    public DateTimeOffset? GraphEventStartsAt { get; set; }

    public string? JoinUrl { get; set; }

    public CalendarSyncState SyncState { get; set; }

    /// <summary>Why the last calendar sync attempt failed (pending retry or failed for good); null when fine.</summary>
    public string? SyncError { get; set; }

    /// <summary>
    /// For a <see cref="SyncError"/> about an old meeting not removed (<see cref="CalendarSyncReason.OldMeetingNotRemoved"/>,
    /// <see cref="CalendarSyncReason.OldMeetingNotRemovedRetrying"/>): when that meeting starts, so the card names its
    /// day. Null when not known (the session's own day is named then).
    /// </summary>
    public DateTimeOffset? SyncErrorMeetingStartsAt { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>Incremented by every edit: the calendar file's SEQUENCE, so an import replaces the older one.</summary>
    public int Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The mailbox whose calendar holds the session's event (see <see cref="GraphEventMailbox"/>).</summary>
    public string EventMailbox => GraphEventMailbox ?? OrganizerMailbox;

    /// <summary>
    /// The session has an event, but in another mailbox than its organizer's (the coordinator changed the mailbox):
    /// the event is to be made in the organizer's calendar and the old one deleted.
    /// </summary>
    public bool EventInAnotherMailbox => GraphEventId is not null && !string.Equals(EventMailbox, OrganizerMailbox, StringComparison.OrdinalIgnoreCase);
}
