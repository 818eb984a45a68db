namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Filters of the upcoming-sessions list; null means any.</summary>
/// <param name="Topic">A topic of the catalog (case-insensitive).</param>
/// <param name="Language">A language code (EN, PT, …).</param>
/// <param name="Month">A month (its first day), on each session's own calendar (its time zone).</param>
internal sealed record SessionFilter(string? Topic = null, string? Language = null, DateOnly? Month = null)
{
    public static SessionFilter Any { get; } = new();

    /// <summary>How far from today a month filter may be: further is no month of the catalogue, only of a forged card.</summary>
    public const int MonthFilterYears = 10;

    /// <summary>
    /// The first day of <paramref name="month"/>'s month when it is within <see cref="MonthFilterYears"/> years of
    /// <paramref name="today"/>, else null (any month). A card's month filter is data the client sends: "9999-12" or
    /// "0001-01" is no month a session can be in, and computing its bounds would leave the calendar.
    /// </summary>
    public static DateOnly? PlausibleMonth(DateOnly month, DateOnly today) =>
        Math.Abs(month.Year - today.Year) <= MonthFilterYears ? new DateOnly(month.Year, month.Month, 1) : null;
}
