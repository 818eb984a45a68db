namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Where a session happens.</summary>
internal enum SessionMode
{
    Online = 0,
    OnSite = 1,
}
