using System.Globalization;

namespace HiTechTex.Bot.Cards;

/// <summary>
/// Values to put in card data so that templates can show times in the user's locale and time zone with
/// <c>${convertFromUTC(startsAt, timeZone, dateFormat)}</c>. Teams gives the user's IANA zone and locale in the
/// activity (<c>clientInfo</c> entity: <c>timezone</c>, <c>locale</c>).
/// </summary>
public static class CardValues
{
    /// <summary>
    /// The one timestamp form <c>convertFromUTC</c> accepts (JavaScript's toISOString: <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>);
    /// any other form, even a valid ISO 8601 one, is left unresolved by the official engine.
    /// </summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The locale's numeric short date pattern (e.g. <c>dd.MM.yyyy</c> for de-DE). The official engine only knows
    /// English month and day names, so numeric patterns are how a card shows a date the user's way.
    /// </summary>
    public static string DatePattern(string? locale) => Culture(locale).DateTimeFormat.ShortDatePattern;

    /// <summary>The locale's numeric short date and time pattern (e.g. <c>dd.MM.yyyy HH:mm</c>).</summary>
    public static string DateTimePattern(string? locale)
    {
        var format = Culture(locale).DateTimeFormat;
        return $"{format.ShortDatePattern} {format.ShortTimePattern}";
    }

    private static CultureInfo Culture(string? locale)
    {
        try
        {
            return string.IsNullOrWhiteSpace(locale) ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(locale, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
