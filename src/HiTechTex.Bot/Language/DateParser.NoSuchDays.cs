using System.Globalization;

namespace HiTechTex.Bot.Language;

internal static partial class DateParser
{
    /// <summary>
    /// The dates written in <paramref name="tokens"/> that are on no calendar: numeric ("30/02/2027", "2027-02-30",
    /// "31.4.2027"), a day and a month name in the six languages ("31 February", "31 de fevereiro", "30 febrero",
    /// "31 febbraio", "31 Şubat", "31. února", "April 31"), 29 February in a year without it ("29 February 2027", or
    /// without a year when the next February has none). <see cref="Find"/> reads none of them, and a caller must not
    /// read their words as a month either: the user named a day, just not one that exists.
    /// </summary>
    public static IReadOnlyList<(NoSuchDate Day, PhraseMatch Span)> FindNoSuchDays(IReadOnlyList<Token> tokens, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var found = new List<(NoSuchDate, PhraseMatch)>();
        var used = new bool[tokens.Count];
        foreach (var (_, span) in Find(tokens, today))
        {
            MarkUsed(used, span.Start, span.Length);
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            if (NumericNoSuchDay(tokens[i].Norm) is { } numeric)
            {
                found.Add((numeric, new PhraseMatch(i, 1, 1)));
            }
            else if (TryReadDayMonth(tokens, i, out var day, out var month, out var year, out var length)
                && !IsUsed(used, i, length)
                && !TryParseDayMonth(tokens, i, today, out _, out _)
                && year is null or (>= 1900 and <= 2200))
            {
                // Without a year only 29 February can exist in some year: the one it would fall in is named.
                var named = year ?? (day <= DateTime.DaysInMonth(2000, month) ? NextYearOf(month, day, today) : null);
                found.Add((new NoSuchDate(day, month, named), new PhraseMatch(i, length, 1)));
                i += length - 1;
            }
        }

        return found;
    }

    private static int NextYearOf(int month, int day, DateOnly today) =>
        (month, day).CompareTo((today.Month, today.Day)) >= 0 ? today.Year : today.Year + 1;

    private static NoSuchDate? NumericNoSuchDay(string token)
    {
        var iso = IsoPattern().Match(token);
        if (iso.Success)
        {
            return NoSuchDay(Int(iso.Groups[1].Value), Int(iso.Groups[2].Value), Int(iso.Groups[3].Value));
        }

        var dayFirst = DayFirstPattern().Match(token);
        return dayFirst.Success ? NoSuchDay(Int(dayFirst.Groups[3].Value), Int(dayFirst.Groups[2].Value), Int(dayFirst.Groups[1].Value)) : null;

        static int Int(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>A day of a real month and year that the month does not have ("2027-02-30"); null for a real day or for no date at all ("2027-13-40").</summary>
    private static NoSuchDate? NoSuchDay(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day is >= 1 and <= 31 && day > DateTime.DaysInMonth(year, month)
            ? new NoSuchDate(day, month, year)
            : null;
}
