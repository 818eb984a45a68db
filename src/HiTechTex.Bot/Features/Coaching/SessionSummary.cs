namespace HiTechTex.Bot.Features.Coaching;

/// <summary>A session with its current numbers.</summary>
internal sealed record SessionSummary(CoachingSession Session, int Confirmed, int Waitlisted)
{
    public int SeatsLeft => Math.Max(0, Session.Capacity - Confirmed);
}
