using System.Collections.Frozen;

namespace HiTechTex.Bot.Language;

/// <summary>
/// A country named to be left out — "not in Italy", "except Italy", "outside Italy", "não em Itália", "fora de Itália",
/// "no en Italia", "excepto Italia", "non in Italia", "tranne l'Italia", "İtalya dışında", "İtalya hariç", "ne v Itálii",
/// "mimo Itálii", "kromě Itálie": no place to search but one to exclude (<see cref="IntentEntities.ExcludedCountries"/>).
/// The same words leave out a partner region ("not in Tuscany", "Ege dışında", "mimo Toskánsko":
/// <see cref="IntentEntities.ExcludedRegions"/>): <see cref="Find"/> reads any place mention it is given.
/// </summary>
internal static class CountryExclusion
{
    /// <summary>The most small words (prepositions, articles) between the word that excludes and the country.</summary>
    private const int MaxJoiners = 2;

    /// <summary>Words that exclude what follows them, with or without a preposition ("not Italy", "outside of Italy", "tranne l'Italia").</summary>
    private static readonly FrozenSet<string> Excluding = FrozenSet.ToFrozenSet(
    [
        "not", "except", "excluding", "outside",                               // English
        "nao", "exceto", "excepto", "fora", "salvo", "menos", "excluindo",     // Portuguese, Spanish
        "fuera", "excluyendo",                                                 // Spanish
        "non", "tranne", "eccetto", "escluso", "esclusa", "esclusi", "escluse", "fuori", "salvo", // Italian
        "mimo", "krome",                                                       // Czech
    ], StringComparer.Ordinal);

    /// <summary>
    /// "no" (Spanish "not", Portuguese "in the") and "ne" (Czech "not", Italian "of it", Turkish "what"): they exclude only
    /// before a preposition ("no en Italia", "ne v Itálii"), not before the country itself ("no Porto", "parceiros no Brasil").
    /// </summary>
    private static readonly FrozenSet<string> ExcludingBeforeAPreposition = FrozenSet.ToFrozenSet(["no", "ne"], StringComparer.Ordinal);

    /// <summary>Prepositions and articles between the word that excludes and the country ("not in the", "fora de", "fuori dall'").</summary>
    private static readonly FrozenSet<string> Joiners = FrozenSet.ToFrozenSet(
    [
        "in", "from", "to", "of", "the", "em", "na", "no", "nos", "nas", "de", "da", "do", "das", "dos", "en", "a", "al", "del",
        "la", "el", "l", "dall", "dalla", "dal", "di", "della", "v", "ve", "z", "ze",
    ], StringComparer.Ordinal);

    /// <summary>The words before "menos" that make it "at least" ("al menos", "pelo menos", "por lo menos", "ao menos").</summary>
    private static readonly FrozenSet<string> AtLeast = FrozenSet.ToFrozenSet(["al", "pelo", "lo", "ao"], StringComparer.Ordinal);

    /// <summary>Turkish words after the country ("İtalya dışında", "İtalya hariç", "İtalya'da değil").</summary>
    private static readonly FrozenSet<string> ExcludingAfter = FrozenSet.ToFrozenSet(["disinda", "haric", "harici", "degil"], StringComparer.Ordinal);

    /// <summary>The Turkish word for region after a region's name, before those words ("Ege Bölgesi dışında", "Ege bölgesinde değil").</summary>
    private static readonly FrozenSet<string> TurkishRegionWords = FrozenSet.ToFrozenSet(
        ["bolge", "bolgesi", "bolgesinde", "bolgesinden", "bolgede", "bolgeden"], StringComparer.Ordinal);

    /// <summary>
    /// Which of the country mentions are excluded (by their first token) and the words that said so (to be no search
    /// words). Punctuation between the words breaks it: "no, en Italia" answers no and then names Italy.
    /// </summary>
    public static (HashSet<int> ExcludedStarts, List<int> Words) Find(IReadOnlyList<Token> tokens, IEnumerable<PhraseMatch> countries)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var excluded = new HashSet<int>();
        var words = new List<int>();
        foreach (var match in countries)
        {
            if (Before(tokens, match.Start) is { } before)
            {
                excluded.Add(match.Start);
                words.AddRange(before);
            }
            else if (After(tokens, match.End) is { } after)
            {
                excluded.Add(match.Start);
                words.AddRange(after);
            }
        }

        return (excluded, words);
    }

    private static List<int>? Before(IReadOnlyList<Token> tokens, int start)
    {
        var joiners = 0;
        for (var j = start - 1; j >= 0 && joiners <= MaxJoiners; j--)
        {
            if (!Spaced(tokens[j].After))
            {
                return null;
            }

            var word = tokens[j].Norm;
            if (word == "menos" && j > 0 && AtLeast.Contains(tokens[j - 1].Norm))
            {
                return null;   // "al menos en Italia", "pelo menos em Itália": at least
            }

            if (Excluding.Contains(word) || (ExcludingBeforeAPreposition.Contains(word) && joiners > 0))
            {
                return [.. Enumerable.Range(j, start - j)];
            }

            if (!Joiners.Contains(word))
            {
                return null;
            }

            joiners++;
        }

        return null;
    }

    private static List<int>? After(IReadOnlyList<Token> tokens, int end)
    {
        var k = end;
        // "Ege Bölgesi dışında", "Ege Bölgesi'nde değil": the word for region belongs to the name (it was read as the
        // place, and "dışında" was a word to look for).
        if (k < tokens.Count && TurkishRegionWords.Contains(tokens[k].Norm) && Spaced(tokens[k - 1].After))
        {
            k++;
        }

        // "İtalya'da değil", or "italyada değil" with the ending split off the name (TurkishSuffix.SplitPlaceEndings).
        if (k < tokens.Count && TurkishSuffix.IsCaseEndingAfterApostrophe(tokens, k))
        {
            k++;
        }

        return k < tokens.Count && ExcludingAfter.Contains(tokens[k].Norm) && Spaced(tokens[k - 1].After)
            ? [.. Enumerable.Range(end, k - end + 1)]
            : null;
    }

    /// <summary>Only spaces between two words, an apostrophe ("dall'Italia", "l'Italia") or a hyphen ("non-Italian").</summary>
    private static bool Spaced(string between) => between.Trim() is "" or "'" or "’" or "-";
}
