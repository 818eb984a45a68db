namespace HiTechTex.Bot.Language;

/// <summary>
/// A day said as a time from today, in the six languages: "in a week", "in two weeks", "in 10 days", "a week from now";
/// "daqui a uma semana", "dentro de duas semanas"; "dentro de una semana", "en dos semanas", "de aquí a un mes"; "tra una
/// settimana", "fra due settimane"; "bir hafta sonra", "10 gün sonra"; "za týden", "za dva týdny", "za měsíc". It is a
/// date (when something starts), not a stay's length: "dentro de una semana" was read as a stay of 7 days.
/// </summary>
internal static class StartOffset
{
    /// <summary>The furthest day read this way.</summary>
    private const int MaxDays = 366;

    private const int MaxMonths = 12;

    /// <summary>Words before the count (normalised, one or more tokens): "in", "dentro de", "daqui a", "tra", "za".</summary>
    private static readonly string[][] Before =
    [
        ["in"], ["dentro", "de"], ["de", "aqui", "a"], ["daqui", "a"], ["en"], ["tra"], ["fra"], ["za"],
    ];

    /// <summary>Words after the unit: "a week from now", "bir hafta sonra".</summary>
    private static readonly string[][] After = [["from", "now"], ["from", "today"], ["sonra"]];

    /// <summary>
    /// After a unit, words that make "in a week", "en una semana" an amount of something, no time from today: "interested
    /// in 3 days of training", "en una semana de marzo" (a week of March), "tra 3 giorni di formazione".
    /// </summary>
    private static readonly HashSet<string> NotAfter = ["de", "del", "of", "di", "da", "do", "dei", "della"];

    /// <summary>Every day said as a time from <paramref name="today"/>, with the tokens it used.</summary>
    public static IEnumerable<(DateOnly Date, PhraseMatch Span)> Find(IReadOnlyList<Token> tokens, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var u = 0; u < tokens.Count; u++)
        {
            if (StayLength.UnitDays(tokens[u].Norm) is not { } unitDays)
            {
                continue;
            }

            // The count before the unit ("two weeks"), or none for a Czech unit ("za týden").
            int count;
            int first;
            if (u > 0 && StayLength.Count(tokens[u - 1].Norm) is { } counted)
            {
                (count, first) = (counted, u - 1);
            }
            else if (StayLength.IsCountless(tokens[u].Norm))
            {
                (count, first) = (1, u);
            }
            else
            {
                continue;
            }

            var (start, end) = (-1, -1);
            foreach (var words in Before)
            {
                if (first >= words.Length && Matches(tokens, first - words.Length, words)
                    && (u + 1 == tokens.Count || !NotAfter.Contains(tokens[u + 1].Norm)))
                {
                    (start, end) = (first - words.Length, u);
                    break;
                }
            }

            foreach (var words in After)
            {
                if (start < 0 && Matches(tokens, u + 1, words))
                {
                    (start, end) = (first, u + words.Length);
                }
            }

            // "za týden" is Czech only: "na týden" is a stay, a bare "týden" nothing.
            if (start < 0 || (first == u && tokens[start].Norm != "za"))
            {
                continue;
            }

            DateOnly date;
            if (unitDays == 0)
            {
                if (count is < 1 or > MaxMonths)
                {
                    continue;
                }

                date = today.AddMonths(count);
            }
            else
            {
                var days = count * unitDays;
                if (days is < 1 or > MaxDays)
                {
                    continue;
                }

                date = today.AddDays(days);
            }

            yield return (date, new PhraseMatch(start, end - start + 1, 1));
        }
    }

    private static bool Matches(IReadOnlyList<Token> tokens, int start, string[] words)
    {
        if (start < 0 || start + words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (tokens[start + k].Norm != words[k])
            {
                return false;
            }
        }

        return true;
    }
}
