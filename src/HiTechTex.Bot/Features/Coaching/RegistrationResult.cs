namespace HiTechTex.Bot.Features.Coaching;

/// <summary>The result of <see cref="BookingService.RegisterAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Session">The session, when it exists.</param>
/// <param name="WaitlistPosition">1-based place on the waitlist, when waitlisted.</param>
internal sealed record RegistrationResult(RegistrationOutcome Outcome, CoachingSession? Session, int? WaitlistPosition = null);
