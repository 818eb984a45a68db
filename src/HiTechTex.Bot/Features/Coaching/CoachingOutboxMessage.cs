namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// A side effect (Graph call, proactive message) committed in the same transaction as the change that causes it,
/// and carried out later by <see cref="CoachingOutboxProcessor"/> with retries. The Graph rows of one session are
/// processed in order, so the event exists before its attendees are patched.
/// </summary>
internal sealed class CoachingOutboxMessage
{
    public const string GraphLane = "graph";

    public const string NotifyLane = "notify";

    public long Id { get; set; }

    public Guid SessionId { get; set; }

    /// <summary>For notifications: the registration concerned.</summary>
    public Guid? RegistrationId { get; set; }

    public OutboxKind Kind { get; set; }

    /// <summary>
    /// For <see cref="OutboxKind.DeleteEvent"/> and <see cref="OutboxKind.DeleteUnansweredEvent"/>: the mailbox whose
    /// calendar holds the event to delete. For a row that creates an event: the mailbox of its create still unanswered
    /// (a timeout…), kept with its transaction id in <see cref="EventId"/> until a create of the row is answered.
    /// </summary>
    public string? Mailbox { get; set; }

    /// <summary>
    /// For <see cref="OutboxKind.DeleteEvent"/>: the event to delete (no longer the session's). For
    /// <see cref="OutboxKind.DeleteUnansweredEvent"/>, and a row whose create is unanswered: that create's transaction id.
    /// </summary>
    public string? EventId { get; set; }

    /// <summary>
    /// When the meeting <see cref="Mailbox"/> and <see cref="EventId"/> stand for starts, as it was sent to the calendar
    /// (the time its attendees had): the old meeting a clean-up deletes, or the one an unanswered create may have made.
    /// Null for rows queued before it was kept; the coordinator's card then names the session's current day.
    /// </summary>
    public DateTimeOffset? EventStartsAt { get; set; }

    public string Lane { get; set; } = GraphLane;

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>A lease: another instance leaves the row alone until then.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
