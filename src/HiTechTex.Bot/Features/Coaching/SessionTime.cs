using System.Globalization;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Session times in the session's own time zone, in numeric patterns that read the same in every language.</summary>
internal static class SessionTime
{
    public const string DatePattern = "dd.MM.yyyy";

    public static TimeZoneInfo ZoneOf(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTime Local(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, ZoneOf(timeZone)).DateTime;

    /// <summary>"03.12.2026 09:00–11:00 (Europe/Lisbon)"; an end on another day gets its date too.</summary>
    public static string Describe(CoachingSession session)
    {
        var start = Local(session.StartsAt, session.TimeZone);
        var end = Local(session.EndsAt, session.TimeZone);
        var endText = end.Date == start.Date
            ? end.ToString("HH:mm", CultureInfo.InvariantCulture)
            : end.ToString(DatePattern + " HH:mm", CultureInfo.InvariantCulture);
        return $"{start.ToString(DatePattern + " HH:mm", CultureInfo.InvariantCulture)}–{endText} ({session.TimeZone})";
    }

    public static string Date(DateTimeOffset instant, string timeZone) =>
        Local(instant, timeZone).ToString(DatePattern + " HH:mm", CultureInfo.InvariantCulture);
}
