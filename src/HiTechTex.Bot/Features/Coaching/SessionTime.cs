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

    /// <summary>The ids of the host's zones that are not links (GetSystemTimeZones lists "America/New_York", not "US/Eastern").</summary>
    /// <remarks>Keyed ignoring case: on Linux a zone is a file, so "europe/lisbon" is found only through this list.</remarks>
    private static readonly Lazy<Dictionary<string, string>> CanonicalZones =
        new(() => TimeZoneInfo.GetSystemTimeZones().DistinctBy(z => z.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(z => z.Id, z => z.Id, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// The id a session's zone is stored and shown with: the IANA id as the time-zone database spells it
    /// ("europe/lisbon" → "Europe/Lisbon"), a Windows id converted ("GMT Standard Time" → "Europe/London"), a link
    /// replaced by the zone it names when .NET knows it and the rules are the same ("US/Eastern" → "America/New_York");
    /// null for a zone this host does not know.
    /// </summary>
    public static string? CanonicalZone(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (typed.Length is > 0 and <= 64 && CanonicalZones.Value.TryGetValue(typed, out var listed))
        {
            return listed;
        }

        if (typed.Length is 0 or > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(typed, out var zone))
        {
            return null;
        }

        var id = zone.Id;
        if (!zone.HasIanaId && TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana))
        {
            return iana;
        }

        if (CanonicalZones.Value.TryGetValue(id, out var canonical))
        {
            return canonical;
        }

        // A link: through its Windows zone to that zone's IANA id, kept only when it is the same clock (Europe/Lisbon's
        // Windows zone maps back to Europe/London, which is not).
        return TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out var windows)
            && TimeZoneInfo.TryConvertWindowsIdToIanaId(windows, out var target)
            && CanonicalZones.Value.ContainsKey(target)
            && TimeZoneInfo.TryFindSystemTimeZoneById(target, out var targetZone)
            && targetZone.HasSameRules(zone)
                ? target
                : id;
    }

    /// <summary>
    /// A time zone Teams sent (<c>activity.localTimezone</c>) when it is one this host knows, as its canonical IANA id
    /// (<see cref="CanonicalZone"/>: a Windows id is kept and shown as the IANA zone it names), else null.
    /// </summary>
    public static string? KnownZone(string? timeZone) =>
        timeZone is { Length: > 0 and <= 64 } ? CanonicalZone(timeZone) : null;

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
