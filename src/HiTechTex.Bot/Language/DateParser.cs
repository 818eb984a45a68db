using System.Globalization;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Language.Vocabulary;

namespace HiTechTex.Bot.Language;

/// <summary>
/// Finds dates in tokens: ISO (2026-12-03), numeric day-first (3/12/2026, 3.12.2026), a day and a month name in any of
/// the six languages (3 December 2026, 3 de dezembro, 3. prosince, December 3, December 3rd, 1º de março), today/tomorrow words and a time from
/// today ("in a week", "dentro de dos semanas", "za týden": <see cref="StartOffset"/>).
/// A date without a year is the next such day from today.
/// </summary>
internal static partial class DateParser
{
    private static readonly Dictionary<string, int> MonthsByName = BuildMonths();
    private static readonly Dictionary<string, HashSet<string>> ShortMonthsAfter = BuildShortMonthsAfter();
    private static readonly HashSet<string> CzechShortMonths = BuildCzechShortMonths();
    private static readonly string[] Connectors = ["de", "del", "of", "the"];

    // Between the two days of a range: "5 to 10", "between 5 and 10", "dal 5 al 10", "del 5 al 10", "de 5 a 10", "de 5 até 10",
    // "5 e 10", "5 y 10", "od 5. do 10.", "5. až 10.".
    private static readonly HashSet<string> RangeWords = new(["to", "till", "until", "and", "al", "a", "ate", "hasta", "e", "y", "do", "az"], StringComparer.Ordinal);

    // English ordinal endings of a day ("1st", "22nd", "3rd", "10th").
    private static readonly string[] OrdinalEndings = ["st", "nd", "rd", "th"];

    private static readonly Phrase[] TodayPhrases = Build(v => v.Today);
    private static readonly Phrase[] TomorrowPhrases = Build(v => v.Tomorrow);
    private static readonly Phrase[] DayAfterTomorrowPhrases = Build(v => v.DayAfterTomorrow);

    // Exact words only: with typos allowed "todas" would read as "today".
    /// <summary>Dates found in <paramref name="tokens"/>, with the token indexes they used.</summary>
    public static IReadOnlyList<(DateOnly Date, PhraseMatch Span)> Find(IReadOnlyList<Token> tokens, DateOnly today)
    {
        var found = new List<(DateOnly, PhraseMatch)>();
        var used = new bool[tokens.Count];

        foreach (var (phrases, offset) in new[] { (DayAfterTomorrowPhrases, 2), (TomorrowPhrases, 1), (TodayPhrases, 0) })
        {
            foreach (var phrase in phrases)
            {
                foreach (var match in phrase.FindIn(tokens))
                {
                    if (!IsUsed(used, match.Start, match.Length))
                    {
                        MarkUsed(used, match.Start, match.Length);
                        found.Add((today.AddDays(offset), match));
                    }
                }
            }
        }

        // "in a week", "dentro de una semana", "za týden": a day from today (not a stay's length).
        foreach (var (date, match) in StartOffset.Find(tokens, today))
        {
            if (!IsUsed(used, match.Start, match.Length))
            {
                MarkUsed(used, match.Start, match.Length);
                found.Add((date, match));
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            if (TryParseNumeric(tokens[i].Norm, out var numeric))
            {
                used[i] = true;
                found.Add((numeric, new PhraseMatch(i, 1, 1)));
            }
            else if (TryParseDayMonth(tokens, i, today, out var date, out var length) && !IsUsed(used, i, length))
            {
                MarkUsed(used, i, length);
                found.Add((date, new PhraseMatch(i, length, 1)));
            }
        }

        AddRangeDays(tokens, found, used);
        return [.. found.OrderBy(f => f.Item2.Start)];
    }

    /// <summary>
    /// The other day of a range that writes its month once: "from 5 to 10 March", "5-10 March", "dal 5 al 10 marzo", "del 5
    /// al 10 de marzo", "de 5 a 10 de março", "od 5. do 10. března", "5-10 Mart" — the first day is in the month (and
    /// year) written after the last; "March 5-10", "March 5 to 10" — the last day is in the month written before the first.
    /// Without it the first day was no date and the last one was read as the range's start.
    /// </summary>
    private static void AddRangeDays(IReadOnlyList<Token> tokens, List<(DateOnly, PhraseMatch)> found, bool[] used)
    {
        foreach (var (date, span) in found.ToList())
        {
            if (TryDay(tokens[span.Start].Norm, out var lastDay) && RangeDayBefore(tokens, span.Start, used) is { } first
                && TryDay(tokens[first].Norm, out var firstDay) && firstDay < lastDay)
            {
                MarkUsed(used, first, span.Start - first);
                found.Add((new DateOnly(date.Year, date.Month, firstDay), new PhraseMatch(first, span.Start - first, 1)));
            }
            else if (span.Length == 2 && MonthsByName.ContainsKey(tokens[span.Start].Norm) && TryDay(tokens[span.Start + 1].Norm, out var startDay)
                && RangeDayAfter(tokens, span.Start + 1, used) is { } last && TryDay(tokens[last].Norm, out var endDay) && endDay > startDay
                && !(last + 1 < tokens.Count && MonthsByName.ContainsKey(tokens[last + 1].Norm))
                && TryCreate(date.Year, date.Month, endDay, out var end))
            {
                var start = span.Start + span.Length;
                MarkUsed(used, start, last - start + 1);
                found.Add((end, new PhraseMatch(start, last - start + 1, 1)));
            }
        }
    }

    /// <summary>The day written before the day at <paramref name="day"/> as a range's first ("5-10", "5 to 10", "dal 5 al 10"), or null.</summary>
    private static int? RangeDayBefore(IReadOnlyList<Token> tokens, int day, bool[] used)
    {
        var before = day - 1;
        if (before >= 0 && !used[before] && IsRangeDash(tokens[before].After) && TryDay(tokens[before].Norm, out _))
        {
            return before;
        }

        return before >= 1 && !used[before] && !used[before - 1] && RangeWords.Contains(tokens[before].Norm) && TryDay(tokens[before - 1].Norm, out _)
            ? before - 1
            : null;
    }

    /// <summary>The day written after the day at <paramref name="day"/> as a range's last ("March 5-10", "March 5 to 10"), or null.</summary>
    private static int? RangeDayAfter(IReadOnlyList<Token> tokens, int day, bool[] used)
    {
        var after = day + 1;
        if (after < tokens.Count && !used[after] && IsRangeDash(tokens[day].After) && TryDay(tokens[after].Norm, out _))
        {
            return after;
        }

        return after + 1 < tokens.Count && !used[after] && !used[after + 1] && RangeWords.Contains(tokens[after].Norm) && TryDay(tokens[after + 1].Norm, out _)
            ? after + 1
            : null;
    }

    /// <summary>A hyphen or dash between two days ("5-10", "5 – 10", "5.-10.").</summary>
    private static bool IsRangeDash(string between) => between.Replace(".", "", StringComparison.Ordinal).Trim() is "-" or "–" or "—";

    /// <summary>Parses one date written as text (what a language model may return), e.g. "2026-12-03" or "3 dezembro".</summary>
    public static DateOnly? ParseSingle(string text, DateOnly today)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        var dates = Find(TextNormalizer.Tokenize(text), today);
        return dates.Count > 0 ? dates[0].Date : null;
    }

    private static bool TryParseNumeric(string token, out DateOnly date)
    {
        date = default;
        var iso = IsoPattern().Match(token);
        if (iso.Success)
        {
            return TryCreate(int.Parse(iso.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(iso.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups[3].Value, CultureInfo.InvariantCulture), out date);
        }

        // Europe writes the day first: 3/12/2026 is 3 December.
        var dayFirst = DayFirstPattern().Match(token);
        return dayFirst.Success && TryCreate(int.Parse(dayFirst.Groups[3].Value, CultureInfo.InvariantCulture),
            int.Parse(dayFirst.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(dayFirst.Groups[1].Value, CultureInfo.InvariantCulture), out date);
    }

    private static bool TryParseDayMonth(IReadOnlyList<Token> tokens, int start, DateOnly today, out DateOnly date, out int length)
    {
        date = default;
        length = 0;
        if (!TryReadDayMonth(tokens, start, out var day, out var month, out var year, out var read))
        {
            return false;
        }

        if (year is { } explicitYear)
        {
            if (!TryCreate(explicitYear, month, day, out date))
            {
                return false;
            }
        }
        else if (!TryCreate(today.Year, month, day, out date) || date < today)
        {
            if (!TryCreate(today.Year + 1, month, day, out date))
            {
                return false;
            }
        }

        length = read;
        return true;
    }

    /// <summary>
    /// A day and a month name, the day first ("3 December", "3 de dezembro", "3. prosince") or after a full month name
    /// ("December 3"), with a year after them when one is written — whether or not that day is on the calendar.
    /// </summary>
    private static bool TryReadDayMonth(IReadOnlyList<Token> tokens, int start, out int day, out int month, out int? year, out int length)
    {
        length = 0;
        year = null;
        month = 0;
        var i = start;
        var dayFirst = TryDay(tokens[i].Norm, out day);
        if (dayFirst)
        {
            i = SkipConnectors(tokens, i + 1);
            if (i >= tokens.Count || !MonthsByName.TryGetValue(tokens[i].Norm, out month))
            {
                return false;
            }
        }
        else if (MonthsByName.TryGetValue(tokens[i].Norm, out month) && tokens[i].Norm.Length > 3)
        {
            // "December 3": only full month names lead, so "mar" or "may" in a sentence is not a date.
            i = SkipConnectors(tokens, i + 1);
            if (i >= tokens.Count || !TryDay(tokens[i].Norm, out day))
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        var end = i + 1;
        var yearIndex = SkipConnectors(tokens, end);
        if (yearIndex < tokens.Count && tokens[yearIndex].Norm.Length == 4 && int.TryParse(tokens[yearIndex].Norm, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            year = y;
            end = yearIndex + 1;
        }

        // A Czech short month is a word too ("pro" is "for", "lis" a press): "2 pro začátečníky" is no date. It is a
        // month only written as one — the day with its dot ("2. pro", the cards' "čt 3. pro 2026"), the month with
        // its dot ("2 pro."), or a year after it ("2 pro 2026").
        if (dayFirst && CzechShortMonths.Contains(tokens[i].Norm)
            && !(tokens[start].After.StartsWith('.') || tokens[i].After.StartsWith('.') || year is not null))
        {
            return false;
        }

        length = end - start;
        return true;
    }

    /// <summary>
    /// A day of the month: "3", "31", or written as an ordinal — English "1st", "2nd", "3rd", "10th" ("December 3rd",
    /// "the 3rd of December"), Portuguese, Spanish and Italian "1º" ("1º de março").
    /// </summary>
    private static bool TryDay(string token, out int day)
    {
        var digits = token.Length;
        if (digits > 2 && OrdinalEndings.Any(e => token.EndsWith(e, StringComparison.Ordinal)))
        {
            digits -= 2;
        }
        else if (digits > 1 && token[^1] == 'º')
        {
            digits--;
        }

        return int.TryParse(token.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out day) && digits <= 2 && day is >= 1 and <= 31;
    }

    private static int SkipConnectors(IReadOnlyList<Token> tokens, int i)
    {
        while (i < tokens.Count && Connectors.Contains(tokens[i].Norm))
        {
            i++;
        }

        return i;
    }

    private static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// The first day of a month named without a day ("sessions in March", "sessões em março"): the next such month from
    /// today, this one included; null when none is named. A full name counts anywhere. A short one ("may", "mar", "set",
    /// "pro") is also a word of some language, so it counts only where the context makes it a month: after a month
    /// preposition of a language it is that language's month in ("in may", "sessões em mai", "sesiones en ago", "a mag",
    /// "v pro"), or when it is the whole filter — every other word one of <paramref name="commandWords"/> ("sessions
    /// may", "oturumlar may"). "May I see the sessions?" and "a set of sessions" name no month.
    /// A year after the month ("May 2028", "maio de 2028", "květen 2028") is that year's month; a month-year already
    /// past ("May 2025") is no month — never silently the next May.
    /// </summary>
    /// <param name="tokens">The words of the message.</param>
    /// <param name="today">Today, for the year.</param>
    /// <param name="commandWords">The normalised words of the command that asked (none: the whole-filter rule is off).</param>
    public static DateOnly? FindMonth(IReadOnlyList<Token> tokens, DateOnly today, IReadOnlySet<string>? commandWords = null) =>
        FindMonth(tokens, today, out _, commandWords);

    /// <summary><see cref="FindMonth(IReadOnlyList{Token}, DateOnly, IReadOnlySet{string}?)"/>, with the index of the month's token (−1 when none).</summary>
    public static DateOnly? FindMonth(IReadOnlyList<Token> tokens, DateOnly today, out int index, IReadOnlySet<string>? commandWords = null)
    {
        var mention = FindMonthMention(tokens, today, commandWords);
        index = mention?.Span.Start ?? -1;
        return mention?.Month;
    }

    /// <summary>
    /// The month named without a day, with the tokens it used (the month and a year after it) — also when its year is
    /// past, then with no <see cref="MonthMention.Month"/>: the words are a month-year, not words to search for.
    /// </summary>
    public static MonthMention? FindMonthMention(IReadOnlyList<Token> tokens, DateOnly today, IReadOnlySet<string>? commandWords = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            var norm = tokens[i].Norm;
            if (norm.Length <= 3 && MonthsByName.TryGetValue(norm, out var suffixed) && HasSuffixAfterApostrophe(tokens, i))
            {
                // Turkish "may'da", "ara'dan": a short month with its case ending after an apostrophe is a month (a
                // suffix is no word of any language), and the ending goes with it.
                var next = new DateOnly(suffixed >= today.Month ? today.Year : today.Year + 1, suffixed, 1);
                return new MonthMention(next, new PhraseMatch(i, 2, 1), next);
            }

            if (MonthOf(norm) is { } month
                || (MonthsByName.TryGetValue(norm, out month) && (IsAfterMonthPreposition(tokens, i) || IsWholeFilter(tokens, i, commandWords))))
            {
                if (YearAfter(tokens, i) is { } year)
                {
                    var first = new DateOnly(year.Year, month, 1);
                    var span = new PhraseMatch(i, year.Index - i + 1, 1);
                    return new MonthMention(first >= new DateOnly(today.Year, today.Month, 1) ? first : null, span, first);
                }

                var next = new DateOnly(month >= today.Month ? today.Year : today.Year + 1, month, 1);
                return new MonthMention(next, new PhraseMatch(i, 1, 1), next);
            }
        }

        return null;
    }

    /// <summary>
    /// A past period named without a month: "last month" (its first day, in the six languages: "mês passado", "mes
    /// pasado", "mese scorso", "geçen ay", "minulý měsíc"), or a year already over — "last year" ("ano passado", "año
    /// pasado", "anno scorso", "geçen yıl", "loni") or a four-digit year before this one after a preposition ("in 2025",
    /// "em 2025", "v roce 2025", "2025'te", "2025 yılında") or as the whole filter ("sessions 2025"). A year inside a
    /// name ("Horizon 2020") is none.
    /// </summary>
    public static (DateOnly? LastMonth, int? Year)? FindPastPeriod(IReadOnlyList<Token> tokens, DateOnly today, IReadOnlySet<string>? commandWords = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (HasPhrase(tokens, LastMonthPhrases))
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            return (first, null);
        }

        if (HasPhrase(tokens, LastYearPhrases))
        {
            return (null, today.Year - 1);
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Norm.Length == 4 && int.TryParse(tokens[i].Norm, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && year >= 1900 && year < today.Year
                && ((i > 0 && YearPrepositions.Contains(tokens[i - 1].Norm))
                    || (i + 1 < tokens.Count && (YearWordsAfter.Contains(tokens[i + 1].Norm) || (tokens[i + 1].Before is "'" or "’" && LocativeSuffixes.Contains(tokens[i + 1].Norm))))
                    || IsWholeFilter(tokens, i, commandWords)))
            {
                return (null, year);
            }
        }

        return null;
    }

    private static bool HasPhrase(IReadOnlyList<Token> tokens, string[][] phrases) => FindPhrase(tokens, phrases) is not null;

    /// <summary>The first of <paramref name="phrases"/> (each a run of normalized words) found in the tokens: where it starts and which phrase; null if none.</summary>
    internal static (int Start, string[] Phrase)? FindPhrase(IReadOnlyList<Token> tokens, string[][] phrases)
    {
        foreach (var phrase in phrases)
        {
            for (var i = 0; i + phrase.Length <= tokens.Count; i++)
            {
                var all = true;
                for (var k = 0; k < phrase.Length && all; k++)
                {
                    all = tokens[i + k].Norm == phrase[k];
                }

                if (all)
                {
                    return (i, phrase);
                }
            }
        }

        return null;
    }

    private static readonly string[][] LastMonthPhrases =
    [
        ["last", "month"], ["previous", "month"],
        ["mes", "passado"], ["mes", "anterior"],
        ["mes", "pasado"],
        ["mese", "scorso"], ["mese", "passato"], ["scorso", "mese"],
        ["gecen", "ay"], ["gecen", "ayki"], ["onceki", "ay"],
        ["minuly", "mesic"], ["minulem", "mesici"], ["minuleho", "mesice"], ["predchozi", "mesic"], ["predchozim", "mesici"],
    ];

    private static readonly string[][] LastYearPhrases =
    [
        ["last", "year"], ["previous", "year"],
        ["ano", "passado"], ["ano", "anterior"],
        ["ano", "pasado"],
        ["anno", "scorso"], ["anno", "passato"], ["scorso", "anno"],
        ["gecen", "yil"], ["gecen", "yilki"], ["onceki", "yil"],
        ["minuly", "rok"], ["minulem", "roce"], ["minuleho", "roku"], ["loni"], ["predchozi", "rok"],
    ];

    // "in 2025", "em 2025", "en 2025", "nel 2025", "v roce 2025", "of 2025", "de 2025", "del 2025", "during 2025".
    private static readonly HashSet<string> YearPrepositions = new(StringComparer.Ordinal)
    {
        "in", "during", "of", "for", "from", "em", "no", "de", "do", "durante", "en", "del", "el", "nel", "nell", "di", "per",
        "v", "ve", "roce", "roku", "rok", "behem", "year", "ano", "anno", "yil", "yilinda",
    };

    // Turkish puts the noun after the year: "2025 yılında", "2025 yılı".
    private static readonly HashSet<string> YearWordsAfter = new(StringComparer.Ordinal) { "yilinda", "yili", "yilindaki" };

    /// <summary>A four-digit year right after the month token ("May 2028", "maio de 2028", "May of 2028").</summary>
    private static (int Year, int Index)? YearAfter(IReadOnlyList<Token> tokens, int month)
    {
        var i = SkipConnectors(tokens, month + 1);
        return i < tokens.Count && tokens[i].Norm.Length == 4
            && int.TryParse(tokens[i].Norm, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200
            ? (year, i)
            : null;
    }

    private static bool HasSuffixAfterApostrophe(IReadOnlyList<Token> tokens, int i) =>
        i + 1 < tokens.Count && tokens[i + 1].Before is "'" or "’" or "‘" && LocativeSuffixes.Contains(tokens[i + 1].Norm);

    private static bool IsAfterMonthPreposition(IReadOnlyList<Token> tokens, int i) =>
        i > 0
        && ShortMonthsAfter.TryGetValue(tokens[i - 1].Norm, out var shortMonths)
        && shortMonths.Contains(tokens[i].Norm)
        // Italian "a" is English's article too: "a set of sessions" is a set, "a set" alone (a settembre) a month.
        && !(tokens[i - 1].Norm == "a" && i + 1 < tokens.Count && tokens[i + 1].Norm is "of" or "di");

    private static bool IsWholeFilter(IReadOnlyList<Token> tokens, int i, IReadOnlySet<string>? commandWords)
    {
        if (commandWords is null)
        {
            return false;
        }

        for (var j = 0; j < tokens.Count; j++)
        {
            // "sessions may 2028": the year belongs to the month.
            if (j != i && !commandWords.Contains(tokens[j].Norm) && !(j == i + 1 && tokens[j].Norm.Length == 4 && tokens[j].Norm.All(char.IsAsciiDigit)))
            {
                return false;
            }
        }

        return true;
    }

    // Turkish writes "in April" as one word: "nisanda", "martta", "eylülde" (and "from": "nisandan").
    private static readonly string[] LocativeSuffixes = ["da", "de", "ta", "te", "dan", "den", "tan", "ten"];

    /// <summary>The month a full month name (more than three letters) names, with or without a Turkish locative suffix.</summary>
    private static int? MonthOf(string norm)
    {
        if (norm.Length > 3 && MonthsByName.TryGetValue(norm, out var month))
        {
            return month;
        }

        foreach (var suffix in LocativeSuffixes)
        {
            if (norm.Length > suffix.Length + 3 && norm.EndsWith(suffix, StringComparison.Ordinal)
                && MonthsByName.TryGetValue(norm[..^suffix.Length], out var inflected))
            {
                return inflected;
            }
        }

        return null;
    }

    private static bool IsUsed(bool[] used, int start, int length) => used.AsSpan(start, length).Contains(true);

    private static void MarkUsed(bool[] used, int start, int length) => used.AsSpan(start, length).Fill(true);

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var vocabulary in Languages.All)
        {
            for (var m = 0; m < 12; m++)
            {
                foreach (var name in vocabulary.Months[m].Split('|'))
                {
                    months.TryAdd(TextNormalizer.Normalize(name), m + 1);
                }
            }
        }

        return months;
    }

    /// <summary>The Czech short month names (three letters) that are no other language's month ("pro", "lis", "led"…).</summary>
    private static HashSet<string> BuildCzechShortMonths()
    {
        static IEnumerable<string> Forms(LanguageVocabulary v) => v.Months.SelectMany(m => m.Split('|')).Select(TextNormalizer.Normalize);
        var others = Languages.All.Where(v => v.Code != "cs").SelectMany(Forms).ToHashSet(StringComparer.Ordinal);
        return [.. Languages.All.Where(v => v.Code == "cs").SelectMany(Forms).Where(n => n.Length <= 3 && !others.Contains(n))];
    }

    /// <summary>For each month preposition, the short month names of the languages it belongs to ("em" → "mai", "set"…).</summary>
    private static Dictionary<string, HashSet<string>> BuildShortMonthsAfter()
    {
        var after = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var vocabulary in Languages.All)
        {
            var shortNames = vocabulary.Months.SelectMany(m => m.Split('|')).Select(TextNormalizer.Normalize).Where(n => n.Length <= 3);
            foreach (var preposition in vocabulary.MonthPrepositions ?? [])
            {
                if (!after.TryGetValue(preposition, out var names))
                {
                    after[preposition] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                names.UnionWith(shortNames);
            }
        }

        return after;
    }

    private static Phrase[] Build(Func<LanguageVocabulary, string[]> select) =>
        [.. Languages.All.SelectMany(select).Distinct().Select(p => new Phrase(p, allowTypos: false))];

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(\d{1,2})[./]\s?(\d{1,2})[./]\s?(\d{4})$")]
    private static partial Regex DayFirstPattern();
}
