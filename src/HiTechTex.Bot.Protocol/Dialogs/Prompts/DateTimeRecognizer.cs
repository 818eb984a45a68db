using System.Globalization;
using System.Text.RegularExpressions;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// Reads a date, optionally with a time, from a message: ISO (<c>2026-12-03</c>, <c>2026-12-03T10:00</c>), numeric
/// dates in the culture's order (<c>03/12/2026</c> is 3 December except in month-first cultures such as en-US),
/// yesterday / today / tomorrow / the day after tomorrow (and before yesterday) and weekday names ("next monday", "próxima segunda") in EN, PT, ES,
/// IT, TR and CS, and times such as <c>10:00</c>, <c>10h30</c>, <c>3pm</c>, "at 10" / "às 10" / "alle 10".
/// Relative words are resolved against <c>today</c> in the user's zone.
/// </summary>
internal static partial class DateTimeRecognizer
{
    // Yesterday too: "ayer" at "when does it start?" is a day in the past the asker can say so about, not a text
    // that is no date ("I did not understand that date").
    private static readonly Dictionary<string, int> RelativeDays = Build(
        (-2, ["the day before yesterday", "day before yesterday", "anteontem", "antes de ontem", "anteayer", "l altro ieri", "altro ieri", "ieri l altro", "evvelsi gun", "predevcirem"]),
        (-1, ["yesterday", "ontem", "ayer", "ieri", "dun", "vcera"]),
        (0, ["today", "hoje", "hoy", "oggi", "bugun", "dnes", "dneska"]),
        (1, ["tomorrow", "amanha", "manana", "domani", "yarin", "zitra"]),
        (2, ["day after tomorrow", "the day after tomorrow", "depois de amanha", "pasado manana", "dopodomani", "obur gun", "ertesi gun", "pozitri"]));

    private static readonly Dictionary<string, DayOfWeek> Weekdays = BuildWeekdays(
        (DayOfWeek.Monday, ["monday", "segunda", "segunda feira", "lunes", "lunedi", "pazartesi", "pondeli"]),
        (DayOfWeek.Tuesday, ["tuesday", "terca", "terca feira", "martes", "martedi", "sali", "utery"]),
        (DayOfWeek.Wednesday, ["wednesday", "quarta", "quarta feira", "miercoles", "mercoledi", "carsamba", "streda", "stredu"]),
        (DayOfWeek.Thursday, ["thursday", "quinta", "quinta feira", "jueves", "giovedi", "persembe", "ctvrtek"]),
        (DayOfWeek.Friday, ["friday", "sexta", "sexta feira", "viernes", "venerdi", "cuma", "patek"]),
        (DayOfWeek.Saturday, ["saturday", "sabado", "sabato", "cumartesi", "sobota", "sobotu"]),
        (DayOfWeek.Sunday, ["sunday", "domingo", "domenica", "pazar", "nedele", "nedeli"]));

    /// <summary>The local date and optional time in <paramref name="text"/>, relative to <paramref name="today"/>.</summary>
    public static bool TryRecognize(string? text, CultureInfo culture, DateOnly today, TimeOnly now, out DateOnly date, out TimeOnly? time) =>
        TryRecognize(text, culture, today, now, out date, out time, out _);

    /// <summary>
    /// As above; <paramref name="dateGiven"/> says whether the text named the date (false when only a time was given,
    /// the date then being the time's next occurrence).
    /// </summary>
    public static bool TryRecognize(string? text, CultureInfo culture, DateOnly today, TimeOnly now, out DateOnly date, out TimeOnly? time, out bool dateGiven)
    {
        date = default;
        time = null;
        dateGiven = false;
        var folded = TextNormalizer.Fold(text);
        if (folded.Length == 0)
        {
            return false;
        }

        var rest = folded;
        DateOnly? found = null;

        var iso = IsoDate().Match(rest);
        if (iso.Success && TryDate(Int(iso, "y"), Int(iso, "m"), Int(iso, "d"), out var isoDate))
        {
            found = isoDate;
            rest = rest.Remove(iso.Index, iso.Length).Insert(iso.Index, " ");
        }

        if (found is null && NumericDate().Match(rest) is { Success: true } numeric)
        {
            var first = Int(numeric, "a");
            var second = Int(numeric, "b");
            var year = Int(numeric, "y");
            year = year < 100 ? 2000 + year : year;
            var (day, month) = IsMonthFirst(culture) ? (second, first) : (first, second);
            if (TryDate(year, month, day, out var numericDate))
            {
                found = numericDate;
                rest = rest.Remove(numeric.Index, numeric.Length).Insert(numeric.Index, " ");
            }
        }

        var words = $" {TextNormalizer.Normalize(rest)} ";
        if (found is null)
        {
            found = FindRelative(words, today);
        }

        time = FindTime(rest);
        dateGiven = found is not null;
        if (found is null && time is null)
        {
            return false;
        }

        // A time alone means its next occurrence: "10:00" typed at 15:00 is tomorrow.
        date = found ?? (time < now ? today.AddDays(1) : today);
        return true;
    }

    private static DateOnly? FindRelative(string words, DateOnly today)
    {
        // Longest phrases first, so "depois de amanhã" wins over "amanhã".
        foreach (var (phrase, offset) in RelativeDays.OrderByDescending(p => p.Key.Length))
        {
            if (words.Contains($" {phrase} ", StringComparison.Ordinal))
            {
                return today.AddDays(offset);
            }
        }

        foreach (var (phrase, weekday) in Weekdays.OrderByDescending(p => p.Key.Length))
        {
            if (words.Contains($" {phrase} ", StringComparison.Ordinal))
            {
                // "monday" / "next monday": the next one after today.
                var days = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
                return today.AddDays(days == 0 ? 7 : days);
            }
        }

        return null;
    }

    private static TimeOnly? FindTime(string text)
    {
        foreach (var regex in (Regex[])[ClockTime(), HourMeridiem(), HourH(), AtHour()])
        {
            var match = regex.Match(text);
            if (!match.Success)
            {
                continue;
            }

            var hour = Int(match, "h");
            var minute = match.Groups["min"].Success ? Int(match, "min") : 0;
            var meridiem = match.Groups["ampm"].Value.Replace(".", "", StringComparison.Ordinal);
            if (meridiem.Length > 0)
            {
                if (hour is < 1 or > 12)
                {
                    continue;
                }

                hour = (hour % 12) + (meridiem == "pm" ? 12 : 0);
            }

            if (hour is >= 0 and < 24 && minute is >= 0 and < 60)
            {
                return new TimeOnly(hour, minute);
            }
        }

        return null;
    }

    private static bool IsMonthFirst(CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.ShortDatePattern;
        var month = pattern.IndexOf('M', StringComparison.Ordinal);
        var day = pattern.IndexOf('d', StringComparison.Ordinal);
        return month >= 0 && day >= 0 && month < day;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static Dictionary<string, int> Build(params (int Offset, string[] Phrases)[] groups) =>
        groups.SelectMany(g => g.Phrases.Select(p => (Phrase: TextNormalizer.Normalize(p), g.Offset)))
            .ToDictionary(p => p.Phrase, p => p.Offset, StringComparer.Ordinal);

    private static Dictionary<string, DayOfWeek> BuildWeekdays(params (DayOfWeek Day, string[] Phrases)[] groups) =>
        groups.SelectMany(g => g.Phrases.Select(p => (Phrase: TextNormalizer.Normalize(p), g.Day)))
            .ToDictionary(p => p.Phrase, p => p.Day, StringComparer.Ordinal);

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?=$|[^\d])")]
    private static partial Regex IsoDate();

    // Czech and Slovak write "1. 3. 2027" (a space after each dot); a space is read only after a dot, so "1 3 2027" or
    // "10/ 3" stay no date.
    [GeneratedRegex(@"\b(?<a>\d{1,2})(?:[/\-]|\.\s?)(?<b>\d{1,2})(?:[/\-]|\.\s?)(?<y>\d{4}|\d{2})\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<![\d:])(?<h>\d{1,2})[:.](?<min>\d{2})(?![\d])\s*(?<ampm>am|pm|a\.m\.|p\.m\.)?")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"(?<!\d)(?<h>\d{1,2})\s*(?<ampm>am|pm|a\.m\.|p\.m\.)")]
    private static partial Regex HourMeridiem();

    [GeneratedRegex(@"(?<!\d)(?<h>\d{1,2})h(?<min>\d{2})?\b")]
    private static partial Regex HourH();

    [GeneratedRegex(@"\b(?:at|as|a las|alle|ore|saat|v|ve|um|o)\s+(?<h>\d{1,2})\b")]
    private static partial Regex AtHour();
}
