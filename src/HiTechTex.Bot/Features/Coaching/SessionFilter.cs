namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Filters of the upcoming-sessions list; null means any.</summary>
/// <param name="Topic">A topic of the catalog (case-insensitive).</param>
/// <param name="Language">A language code (EN, PT, …).</param>
/// <param name="Month">A month (its first day), on each session's own calendar (its time zone).</param>
internal sealed record SessionFilter(string? Topic = null, string? Language = null, DateOnly? Month = null)
{
    public static SessionFilter Any { get; } = new();
}
