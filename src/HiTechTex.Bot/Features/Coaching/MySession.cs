namespace HiTechTex.Bot.Features.Coaching;

/// <summary>A session the user is registered or waitlisted for.</summary>
internal sealed record MySession(CoachingSession Session, RegistrationStatus Status, int? WaitlistPosition);
