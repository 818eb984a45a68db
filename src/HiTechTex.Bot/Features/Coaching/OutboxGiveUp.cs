namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Why the outbox stopped trying a row that was not refused (see <see cref="OutboxFailure.GiveUp"/>).</summary>
internal enum OutboxGiveUp
{
    /// <summary>Not given up: the row failed, or is retried.</summary>
    None = 0,

    /// <summary>A notice not delivered by the session's start, or within <c>Coaching:OutboxNoticeMaxAge</c>: it would arrive too late.</summary>
    NoticeTooLate = 1,

    /// <summary>A calendar call still failing when the session had ended.</summary>
    SessionEnded = 2,

    /// <summary>A calendar call failing <c>Coaching:OutboxMaxAttempts</c> times.</summary>
    TooManyAttempts = 3,

    /// <summary>
    /// A calendar row not attempted: Graph had refused the session's sync for good, and the same request would be
    /// refused again; the coordinator's "Retry calendar sync" (or an edit) sends the session's current state.
    /// </summary>
    SyncRefused = 4,
}
