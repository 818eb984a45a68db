using System.Globalization;

namespace HiTechTex.Bot.Language;

/// <summary>
/// How long a stay is said to last, in calendar days, in the six languages: "for a week", "for two weeks", "for 5 days",
/// "a fortnight"; "por/durante uma semana", "de duas semanas"; "durante/por una semana", "de dos semanas"; "per una
/// settimana", "di due settimane"; "bir hafta", "iki haftalığına", "5 gün"; "na týden", "na dva týdny", "na 5 dní".
/// A count and a unit after a preposition of duration ("for", "por", "durante", "de", "per", "di", "na"); Turkish puts
/// none ("bir hafta") — there "bir hafta sonra" (in a week) and "bir hafta önce" (a week ago) are no stay. "in a week",
/// "next week", "za týden" name no length. A month is counted in months, not days (its length depends on the
/// start): "for a month", "por un mes", "por um mês", "per un mese", "bir ay", "na měsíc". Spanish, Portuguese and
/// Italian also say a number of weeks or months with no preposition ("en marzo una semana"), unless the word before or
/// after makes it a point in time ("en una semana", "hace una semana", "una settimana fa").
/// </summary>
internal static class StayLength
{
    /// <summary>The longest stay read (a month at most is allowed; a longer one is still read, and the form says why it is not eligible).</summary>
    public const int MaxDays = 62;

    private static readonly HashSet<string> Prepositions = ["for", "por", "durante", "de", "per", "di", "na"];

    /// <summary>Verbs of spending time, which say a length as a preposition does: "spend two weeks", "passar uma semana", "strávit týden".</summary>
    private static readonly HashSet<string> StayVerbs = ["spend", "spending", "spent", "passar", "pasar", "passare", "trascorrere", "stravit", "stravil", "stravila"];

    /// <summary>The longest stay read in months (one is allowed; two are still read, and the form says why not).</summary>
    public const int MaxMonths = 2;

    /// <summary>Unit words (normalised) → days (0: a month), and whether the unit is Turkish (no preposition).</summary>
    private static readonly Dictionary<string, (int Days, bool Turkish)> Units = new(StringComparer.Ordinal)
    {
        ["month"] = (0, false), ["months"] = (0, false), ["mes"] = (0, false), ["meses"] = (0, false), ["mese"] = (0, false), ["mesi"] = (0, false),
        ["mesic"] = (0, false), ["mesice"] = (0, false), ["ay"] = (0, true), ["aylik"] = (0, true), ["ayligina"] = (0, true),
        ["week"] = (7, false), ["weeks"] = (7, false), ["day"] = (1, false), ["days"] = (1, false),
        ["fortnight"] = (14, false), ["fortnights"] = (14, false),
        ["semana"] = (7, false), ["semanas"] = (7, false), ["dia"] = (1, false), ["dias"] = (1, false),
        ["settimana"] = (7, false), ["settimane"] = (7, false), ["giorno"] = (1, false), ["giorni"] = (1, false),
        ["tyden"] = (7, false), ["tydny"] = (7, false), ["tydnu"] = (7, false), ["den"] = (1, false), ["dny"] = (1, false), ["dni"] = (1, false), ["dnu"] = (1, false), ["mesicu"] = (0, false),
        ["hafta"] = (7, true), ["haftalik"] = (7, true), ["haftaligina"] = (7, true),
        ["gun"] = (1, true), ["gunluk"] = (1, true), ["gunlugune"] = (1, true),
    };

    /// <summary>Czech names one of a unit without a count: "na týden", "na den".</summary>
    private static readonly HashSet<string> CountlessUnits = ["tyden", "den", "mesic"];

    /// <summary>Spanish, Portuguese and Italian weeks and months, also said without a preposition ("en marzo una semana").</summary>
    private static readonly HashSet<string> BareUnits = ["semana", "semanas", "settimana", "settimane", "mes", "meses", "mese", "mesi"];

    /// <summary>Before a bare unit: a point in time, no length ("en una semana", "dentro de", "hace", "fra", "em").</summary>
    private static readonly HashSet<string> BareNotALengthBefore = ["en", "em", "in", "fra", "tra", "entro", "dentro", "hace", "ha", "daqui", "dopo", "despues", "depois", "proxima", "proximo", "prossima", "prossimo", "la", "a", "cada", "ogni", "todas", "por", "durante", "de", "per", "di", "na"];

    /// <summary>After a bare unit: a point in time ("una settimana fa", "uma semana atrás", "una semana después").</summary>
    private static readonly HashSet<string> BareNotALengthAfter = ["fa", "atras", "despues", "depois", "dopo", "antes", "prima", "que", "passada", "pasada", "scorsa", "prossima", "proxima", "siguiente", "seguinte"];

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        // English
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["ten"] = 10,
        // Portuguese, Spanish, Italian
        ["um"] = 1, ["uma"] = 1, ["un"] = 1, ["una"] = 1, ["uno"] = 1, ["dois"] = 2, ["duas"] = 2, ["dos"] = 2, ["due"] = 2,
        ["tres"] = 3, ["tre"] = 3, ["quatro"] = 4, ["cuatro"] = 4, ["quattro"] = 4, ["cinco"] = 5, ["cinque"] = 5,
        ["seis"] = 6, ["sei"] = 6, ["sete"] = 7, ["siete"] = 7, ["sette"] = 7, ["dez"] = 10, ["diez"] = 10, ["dieci"] = 10,
        // Turkish
        ["bir"] = 1, ["iki"] = 2, ["uc"] = 3, ["dort"] = 4, ["bes"] = 5, ["alti"] = 6, ["yedi"] = 7, ["on"] = 10,
        // Czech
        ["jeden"] = 1, ["jednu"] = 1, ["dva"] = 2, ["dve"] = 2, ["tri"] = 3, ["ctyri"] = 4, ["pet"] = 5, ["sest"] = 6, ["sedm"] = 7, ["deset"] = 10,
    };

    private static readonly HashSet<string> TurkishNotALength = ["sonra", "once", "icinde", "sonraki"];

    /// <summary>
    /// The first stay length named — in calendar days, or in months (then Days is 0) — with the tokens it used; null
    /// when none (or 0, or more than <see cref="MaxDays"/> or <see cref="MaxMonths"/>).
    /// </summary>
    /// <param name="taken">
    /// Tokens already read as something else — a start date "in a week", "dentro de una semana", "za týden"
    /// (<see cref="DateParser"/>): a unit among them is no stay.
    /// </param>
    public static (int Days, int Months, PhraseMatch Span)? Find(IReadOnlyList<Token> tokens, IReadOnlyList<bool>? taken = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var u = 0; u < tokens.Count; u++)
        {
            if (!Units.TryGetValue(tokens[u].Norm, out var unit) || (taken is not null && taken[u]))
            {
                continue;
            }

            int count;
            int first;
            if (u > 0 && Count(tokens[u - 1].Norm) is { } counted)
            {
                count = counted;
                first = u - 1;
            }
            else if (u > 0 && CountlessUnits.Contains(tokens[u].Norm) && tokens[u - 1].Norm is "na" or "stravit" or "stravil" or "stravila")
            {
                count = 1;
                first = u;
            }
            else
            {
                continue;
            }

            var months = unit.Days == 0 ? count : 0;
            var days = count * unit.Days;
            if (unit.Days == 0 ? months > MaxMonths : days is < 1 or > MaxDays)
            {
                continue;
            }

            if (unit.Turkish)
            {
                if (u + 1 < tokens.Count && TurkishNotALength.Contains(tokens[u + 1].Norm))
                {
                    continue;
                }

                var last = u + 1 < tokens.Count && tokens[u + 1].Norm is "boyunca" or "suresince" or "sureyle" ? u + 1 : u;
                return (days, months, new PhraseMatch(first, last - first + 1, 1));
            }

            if (first > 0 && (Prepositions.Contains(tokens[first - 1].Norm) || StayVerbs.Contains(tokens[first - 1].Norm)))
            {
                return (days, months, new PhraseMatch(first - 1, u - first + 2, 1));
            }

            // "quiero ir a Italia en marzo una semana": a count of weeks or months with no preposition.
            if (BareUnits.Contains(tokens[u].Norm) && first < u
                && (first == 0 || !BareNotALengthBefore.Contains(tokens[first - 1].Norm))
                && (u + 1 == tokens.Count || !BareNotALengthAfter.Contains(tokens[u + 1].Norm)))
            {
                return (days, months, new PhraseMatch(first, u - first + 1, 1));
            }
        }

        return null;
    }

    /// <summary>A unit of time (normalised): its days, 0 for a month; null when the word is none.</summary>
    internal static int? UnitDays(string norm) => Units.TryGetValue(norm, out var unit) ? unit.Days : null;

    /// <summary>Whether a Czech unit may stand without a count ("na týden", "za týden").</summary>
    internal static bool IsCountless(string norm) => CountlessUnits.Contains(norm);

    /// <summary>A count written as a word of the six languages or as one or two digits; null when none.</summary>
    internal static int? Count(string norm) =>
        Numbers.TryGetValue(norm, out var number) ? number
        : norm.Length is >= 1 and <= 2 && norm.All(char.IsAsciiDigit) ? int.Parse(norm, NumberStyles.None, CultureInfo.InvariantCulture)
        : null;
}
