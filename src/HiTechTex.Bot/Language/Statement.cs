namespace HiTechTex.Bot.Language;

/// <summary>
/// A message that says what something is — "the textile companies in Italy are struggling", "as empresas têxteis em
/// Portugal são simpáticas", "las empresas textiles en España son simpáticas", "le aziende tessili in Italia sono
/// simpatiche", "Türkiye'deki tekstil firmaları çok nazik", "textilní firmy v Česku jsou milé" — rather than what to look
/// for: a verb of being (in Turkish, which has none as a word, a "very" or "not" of the predicate) after the place or
/// after the noun for the organisations, people or sector, with a word after it. A partner search made only of what is
/// named ("textile companies in Italy", "nonwovens in Turkey") is then no request; one asked with a verb or a partner's
/// word is not read here.
/// </summary>
internal static class Statement
{
    // Per language, the words of being as typed (accents kept) and, where nothing else is spelt so, without the accents:
    // Portuguese and Italian "é"/"è" are no "e" (and), "está" is no "esta" (this); Turkish "son" (last) is no Spanish "son".
    private static readonly Dictionary<string, HashSet<string>> BeingWords = new(StringComparer.Ordinal)
    {
        ["en"] = new(StringComparer.Ordinal) { "are", "is", "was", "were", "aren", "isn", "wasn", "weren", "seem", "seems" },
        ["pt"] = new(StringComparer.Ordinal) { "são", "sao", "é", "está", "estão", "estao", "eram", "foram", "parecem", "parece" },
        ["es"] = new(StringComparer.Ordinal) { "son", "es", "está", "están", "estan", "eran", "fueron", "parecen", "parece" },
        ["it"] = new(StringComparer.Ordinal) { "sono", "è", "stanno", "erano", "furono", "sembrano", "sembra" },
        // The predicate's "very", "quite", "really", "not": "çok nazik", "oldukça iyi", "iyi değil".
        ["tr"] = new(StringComparer.Ordinal) { "cok", "oldukca", "gercekten", "pek", "degil", "degiller" },
        ["cs"] = new(StringComparer.Ordinal) { "jsou", "je", "byly", "byli", "bylo", "nejsou", "není", "neni", "zdají", "zdaji" },
    };

    // A relative or a question before the verb of being makes it no statement of the message's own: "companies in Portugal
    // that are certified", "empresas que são certificadas", "aziende in Italia che sono certificate", "firmy v Česku, které
    // jsou certifikované", "which textile companies in Italy are certified" (normalized). Turkish asks with "mi"/"mı".
    private static readonly HashSet<string> Relatives = new(StringComparer.Ordinal)
    {
        "that", "which", "who", "whose", "what", "where",
        "que", "quais", "qual", "quem", "onde", "cujo", "cujas", "cujos", "cuja",
        "cuales", "cual", "quien", "quienes", "donde", "cuyo", "cuyas", "cuyos", "cuya",
        "che", "quali", "quale", "chi", "dove", "cui",
        "hangi", "nerede", "kim", "mi", "mu",
        "ktere", "kteri", "ktera", "ktery", "jez", "co", "jake", "jaka", "jaky", "kde", "kdo",
    };

    /// <summary>
    /// Whether <paramref name="tokens"/> say what something is in <paramref name="language"/>: a word of being that is in
    /// no place's name and comes after a place (<paramref name="places"/>; in Turkish, whose "very"
    /// may stand before the noun it counts — "İtalya'da çok tekstil firması" — not) or after a noun for organisations,
    /// people or a sector (<paramref name="nouns"/>), with a word after it (in Turkish, a "not" may end the message after
    /// its predicate: "iyi değil"); with no question mark typed and no relative or question word before it.
    /// </summary>
    public static bool SaysWhatItIs(IReadOnlyList<Token> tokens, string? language, bool[] places, bool[] nouns)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (language is null || !BeingWords.TryGetValue(language, out var being) || tokens.Any(t => t.After.Contains('?', StringComparison.Ordinal)))
        {
            return false;
        }

        var subject = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (Relatives.Contains(token.Norm))
            {
                return false;
            }

            // Turkish puts its "not" after the predicate, last: "iyi değil".
            if (subject >= 0 && !places[i] && (being.Contains(token.Raw) || being.Contains(token.Norm))
                && (i + 1 < tokens.Count || (language == "tr" && subject < i - 1)))
            {
                return true;
            }

            subject = nouns[i] || (places[i] && language != "tr") ? i : subject;
        }

        return false;
    }
}
