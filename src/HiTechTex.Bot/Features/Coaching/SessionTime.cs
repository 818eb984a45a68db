using HiTechTex.Bot.Features.Conversation;
using System.Globalization;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// Session times as people read them: in the reader's own time zone when Teams told us it (and it differs from the
/// session's), always with the session's own zone too, and dates in a pattern that cannot be misread in any language
/// ("Thu 3 Dec 2026", "qui. 3 dez. 2026", "čt 3 pro 2026" — never 04.12.2026, which an American reads as April 12).
/// </summary>
internal static class SessionTime
{
    private const string DayPattern = "ddd d MMM yyyy";

    // Czech writes the day as an ordinal: "pá 4. pro 2026" ("pá 4 pro 2026" reads as a typo).
    private static string DayPatternOf(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "cs" ? "ddd d. MMM yyyy" : DayPattern;
    private const string TimePattern = "HH:mm";

    public static TimeZoneInfo ZoneOf(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTime Local(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, ZoneOf(timeZone)).DateTime;

    /// <summary>The culture whose day and month names a language's texts use (en, pt, es, it, tr, cs).</summary>
    public static CultureInfo CultureOf(CoachingTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        try
        {
            return CultureInfo.GetCultureInfo(texts.Language, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    /// <inheritdoc cref="TimeZoneIds.Canonical"/>
    public static string? CanonicalZone(string typed) => TimeZoneIds.Canonical(typed);

    /// <inheritdoc cref="TimeZoneIds.Known"/>
    public static string? KnownZone(string? timeZone) => TimeZoneIds.Known(timeZone);

    /// <summary>
    /// "Thu 3 Dec 2026 09:00–11:00 (Europe/Lisbon)"; for a reader in another zone
    /// "Thu 3 Dec 2026 04:00–06:00 (America/New_York) · Thu 3 Dec 2026 09:00–11:00 (Europe/Lisbon)". An end on another
    /// day gets its date too.
    /// </summary>
    public static string Describe(CoachingSession session, CultureInfo culture, string? readerZone)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Range(session.StartsAt, session.EndsAt, session.TimeZone, culture, readerZone);
    }

    /// <summary>One moment (a start, a deadline) the same way: "Thu 3 Dec 2026 09:00 (Europe/Lisbon)".</summary>
    public static string Date(DateTimeOffset instant, string timeZone, CultureInfo culture, string? readerZone = null) =>
        Range(instant, null, timeZone, culture, readerZone);

    /// <summary>From <paramref name="start"/> to <paramref name="end"/> (none: a moment), planned in <paramref name="sessionZoneId"/>.</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset? end, string sessionZoneId, CultureInfo culture, string? readerZone)
    {
        var sessionZone = ZoneOf(sessionZoneId);
        var inSessionZone = $"{Span(start, end, sessionZone, culture)} ({sessionZoneId})";
        if (KnownZone(readerZone) is not { } readerZoneId
            || TimeZoneInfo.FindSystemTimeZoneById(readerZoneId) is not { } reader
            || (reader.GetUtcOffset(start) == sessionZone.GetUtcOffset(start) && (end is not { } e || reader.GetUtcOffset(e) == sessionZone.GetUtcOffset(e))))
        {
            return inSessionZone;
        }

        return $"{Span(start, end, reader, culture)} ({readerZoneId}) · {inSessionZone}";
    }

    /// <summary>The day of <paramref name="instant"/> in <paramref name="zoneId"/>: "Thu 3 Dec 2026", "čt 3. pro 2026".</summary>
    public static string Day(DateTimeOffset instant, string zoneId, CultureInfo culture) =>
        TimeZoneInfo.ConvertTime(instant, ZoneOf(zoneId)).DateTime.ToString(DayPatternOf(culture), culture);

    /// <summary>"Thu 10 Dec 2026 09:00–10:00" in <paramref name="zoneId"/>, without naming the zone (the caller names it).</summary>
    public static string Times(DateTimeOffset start, DateTimeOffset? end, string zoneId, CultureInfo culture) =>
        Span(start, end, ZoneOf(zoneId), culture);

    private static string Span(DateTimeOffset start, DateTimeOffset? end, TimeZoneInfo zone, CultureInfo culture)
    {
        var from = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var text = from.ToString(DayPatternOf(culture) + " " + TimePattern, culture);
        if (end is not { } endsAt)
        {
            return text;
        }

        var to = TimeZoneInfo.ConvertTime(endsAt, zone).DateTime;
        return to.Date == from.Date
            ? $"{text}–{to.ToString(TimePattern, culture)}"
            : $"{text} – {to.ToString(DayPatternOf(culture) + " " + TimePattern, culture)}";
    }
}
