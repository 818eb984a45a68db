namespace HiTechTex.Bot.Features.Coaching;

/// <summary>What cancelling a registration did.</summary>
internal enum CancellationOutcome
{
    Cancelled,
    NotRegistered,
    NotFound,

    /// <summary>The session has already ended: nothing to cancel any more.</summary>
    SessionOver,
}
