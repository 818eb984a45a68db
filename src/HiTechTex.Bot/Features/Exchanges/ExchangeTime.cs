using System.Globalization;
using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// Moments on exchange cards (the history) as their reader reads them: in the reader's own time zone when the bot
/// knows it (Teams' <c>localTimezone</c> in the turn, else the zone last seen from them), without naming it; else in
/// <c>Exchanges:TimeZone</c>, named — "Thu 3 Dec 2026 09:00 (Europe/Lisbon)". Day and month names of the reader's
/// language, the pattern of the coaching cards (never a numeric date that reads differently in the US).
/// </summary>
internal static class ExchangeTime
{
    private const string Pattern = "ddd d MMM yyyy HH:mm";

    // Czech writes the day as an ordinal: "čt 3. pro 2026".
    private const string CzechPattern = "ddd d. MMM yyyy HH:mm";

    // A day without its time: "1 Mar 2027", "1 mar. 2027", Czech "1. bře 2027".
    private const string DayPattern = "d MMM yyyy";
    private const string CzechDayPattern = "d. MMM yyyy";

    /// <summary>
    /// A day as the reader reads it without doubt — the month by its name in their language ("1 Mar 2027", "1. bře
    /// 2027"), never "01/03/2027", which a US reader takes for 3 January. For an exchange's period and its dates in
    /// messages; files (the CSV export) use ISO yyyy-MM-dd.
    /// </summary>
    public static string Day(DateOnly day, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return day.ToString(culture.TwoLetterISOLanguageName == "cs" ? CzechDayPattern : DayPattern, culture);
    }

    /// <summary>The culture whose day and month names a language uses (the coaching cards' choice: "qui. 3 dez. 2026").</summary>
    public static CultureInfo CultureOf(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    /// <inheritdoc cref="TimeZoneIds.Known"/>
    public static string? KnownZone(string? timeZone) => TimeZoneIds.Known(timeZone);

    /// <param name="at">The moment.</param>
    /// <param name="readerZone">The reader's own zone, if known (<see cref="KnownZone"/> is applied).</param>
    /// <param name="defaultZone"><c>Exchanges:TimeZone</c>, used and named when the reader's zone is not known.</param>
    /// <param name="culture">The reader's language's culture.</param>
    public static string Moment(DateTimeOffset at, string? readerZone, string defaultZone, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var pattern = culture.TwoLetterISOLanguageName == "cs" ? CzechPattern : Pattern;
        if (KnownZone(readerZone) is { } own)
        {
            return TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(own)).ToString(pattern, culture);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(defaultZone);
        return $"{TimeZoneInfo.ConvertTime(at, zone).ToString(pattern, culture)} ({defaultZone})";
    }
}
