namespace HiTechTex.Bot.Features.Coaching;

/// <summary>What cancelling a registration did.</summary>
internal enum CancellationOutcome
{
    Cancelled,
    NotRegistered,

    /// <summary>The registration, or the session, was cancelled already (a second "Yes", an older card): nothing changed,
    /// nobody is told again.</summary>
    AlreadyCancelled,
    NotFound,

    /// <summary>The session has already ended: nothing to cancel any more.</summary>
    SessionOver,
}
