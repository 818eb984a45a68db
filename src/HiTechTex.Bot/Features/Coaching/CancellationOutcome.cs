namespace HiTechTex.Bot.Features.Coaching;

/// <summary>What cancelling a registration did.</summary>
internal enum CancellationOutcome
{
    Cancelled,
    NotRegistered,

    /// <summary>The registration was cancelled already (a second "Yes", an older card): nothing changed.</summary>
    AlreadyCancelled,
    NotFound,

    /// <summary>The session has already ended: nothing to cancel any more.</summary>
    SessionOver,
}
