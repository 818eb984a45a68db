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

    /// <summary>
    /// The "Yes" answered a question about an earlier registration (cancelled since, then registered again): the current
    /// one is not the one the question named, so it stays.
    /// </summary>
    NotTheRegistrationAsked,
}
