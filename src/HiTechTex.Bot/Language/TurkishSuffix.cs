namespace HiTechTex.Bot.Language;

/// <summary>
/// Turkish writes a case ending after an apostrophe on a proper name: "İzmir'de" (in İzmir), "Türkiye'deki" (which is in
/// Turkey), "Bursa'dan" (from Bursa), "İstanbul'un" (of Istanbul), "CITEVE'yi". The tokenizer splits at the apostrophe,
/// so the ending is a word of its own — which says nothing to search for, whatever language the message was detected as.
/// </summary>
internal static class TurkishSuffix
{
    // Normalized (no accents, "ı" is "i"): locative, ablative, dative, genitive, accusative, "with", "-ish", "-li", the
    // plural and "the one in" (-ki), in the forms vowel harmony and a voiceless consonant give them.
    private static readonly HashSet<string> CaseEndings = new(StringComparer.Ordinal)
    {
        "da", "de", "ta", "te", "daki", "deki", "taki", "teki", "dakiler", "dekiler", "dakileri", "dekileri",
        "nda", "nde", "ndaki", "ndeki", "dan", "den", "tan", "ten", "ndan", "nden",
        "a", "e", "ya", "ye", "na", "ne",
        "in", "un", "nin", "nun", "i", "u", "yi", "yu", "ni", "nu",
        "la", "le", "yla", "yle", "ca", "ce", "li", "lu", "lar", "ler", "lari", "leri",
        "dir", "tir", "dur", "tur", "ki",
    };

    // Where something is or comes from: "İzmir'de", "Çorlu'daki", "Bursa'dan", "Denizli'den" — a place named, even one the
    // gazetteer does not know; after a possessive with its "n" ("Ege Bölgesi'nde", "Ege Bölgesi'nden") too.
    private static readonly HashSet<string> PlaceEndings = new(StringComparer.Ordinal)
    {
        "da", "de", "ta", "te", "daki", "deki", "taki", "teki", "dakiler", "dekiler", "dakileri", "dekileri",
        "dan", "den", "tan", "ten", "nda", "nde", "ndaki", "ndeki", "ndan", "nden",
    };

    /// <summary>Whether the word at <paramref name="index"/> is a case ending written after an apostrophe ("'de" in "İzmir'de").</summary>
    public static bool IsCaseEndingAfterApostrophe(IReadOnlyList<Token> tokens, int index)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return index > 0 && tokens[index].Before is "'" or "’" && CaseEndings.Contains(tokens[index].Norm);
    }

    /// <summary>
    /// Whether the word at <paramref name="index"/> is a case ending of two letters or more after an apostrophe: Turkish
    /// ("'de", "'deki", "'dan", "'nin"), where Italian "c'è" or "l'azienda" has a word after it, or a single letter.
    /// </summary>
    public static bool IsTurkishEvidence(IReadOnlyList<Token> tokens, int index) =>
        tokens[index].Norm.Length >= 2 && IsCaseEndingAfterApostrophe(tokens, index);

    /// <summary>Whether the message names where something is with a locative or ablative ending ("İzmir'de", "Çorlu'daki firmalar", "Denizli'den").</summary>
    public static bool NamesAPlace(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var i = 1; i < tokens.Count; i++)
        {
            if (PlaceEndings.Contains(tokens[i].Norm) && IsCaseEndingAfterApostrophe(tokens, i))
            {
                return true;
            }
        }

        return false;
    }
}
