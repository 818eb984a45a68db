namespace HiTechTex.Bot.Features.Coaching;

/// <summary>The life of a session in the catalog.</summary>
internal enum SessionStatus
{
    Scheduled = 0,
    Cancelled = 1,
}
