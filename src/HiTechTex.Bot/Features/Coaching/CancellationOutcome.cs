namespace HiTechTex.Bot.Features.Coaching;

/// <summary>What cancelling a registration did.</summary>
internal enum CancellationOutcome
{
    Cancelled,
    NotRegistered,
    NotFound,
}
