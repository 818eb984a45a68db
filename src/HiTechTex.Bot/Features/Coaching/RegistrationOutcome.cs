namespace HiTechTex.Bot.Features.Coaching;

/// <summary>What a registration attempt did.</summary>
internal enum RegistrationOutcome
{
    Confirmed,
    Waitlisted,
    AlreadyConfirmed,
    AlreadyWaitlisted,
    NotOpenYet,
    Closed,
    SessionCancelled,
    NotFound,
}
