namespace HiTechTex.Bot.Features.Coaching;

/// <summary>The result of <see cref="BookingService.CancelAsync"/> (a registration) and <see cref="CatalogService.CancelAsync"/> (a whole session).</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Session">The session, when it exists.</param>
/// <param name="Promoted">The person moved from the waitlist to confirmed, if any.</param>
internal sealed record CancellationResult(CancellationOutcome Outcome, CoachingSession? Session, CoachingRegistration? Promoted = null);
