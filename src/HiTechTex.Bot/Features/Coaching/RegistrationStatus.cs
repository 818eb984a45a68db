namespace HiTechTex.Bot.Features.Coaching;

/// <summary>The state of one person's registration for one session.</summary>
internal enum RegistrationStatus
{
    Confirmed = 0,
    Waitlisted = 1,
    Cancelled = 2,
}
