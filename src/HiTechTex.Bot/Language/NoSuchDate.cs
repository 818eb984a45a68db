namespace HiTechTex.Bot.Language;

/// <summary>
/// A date written that is on no calendar — "30/02/2027", "31 de fevereiro", "31. dubna", "29 Şubat 2027": its day, its
/// month and the year written (or, for 29 February without one, the year it would fall in; else null). It is never read
/// as another day (1 March, or the month's first Monday).
/// </summary>
/// <param name="Day">The day written (1–31).</param>
/// <param name="Month">The month written (1–12).</param>
/// <param name="Year">The year written, or the year 29 February would fall in; null when no year makes the day exist.</param>
/// <param name="DatesBefore">How many of the message's real dates (<see cref="IntentEntities.Dates"/>) are written before it.</param>
public sealed record NoSuchDate(int Day, int Month, int? Year, int DatesBefore = 0)
{
    /// <summary>
    /// The day as the user wrote it, the month by its name in <paramref name="language"/> (<paramref name="culture"/>'s
    /// genitive month names): "31 February", "31 de fevereiro de 2027", "31 febbraio", "31. února" — the year when one
    /// was written, or when 29 February lacks it. The one wording of the exchanges' and the coaching sessions' replies.
    /// </summary>
    public string Describe(string language, System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var month = culture.DateTimeFormat.MonthGenitiveNames[Month - 1];
        var year = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var day = Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return language switch
        {
            "pt" or "es" => year is null ? $"{day} de {month}" : $"{day} de {month} de {year}",
            "cs" => year is null ? $"{day}. {month}" : $"{day}. {month} {year}",
            _ => year is null ? $"{day} {month}" : $"{day} {month} {year}",
        };
    }
}
