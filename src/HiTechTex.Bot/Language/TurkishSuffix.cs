using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language.Vocabulary;

namespace HiTechTex.Bot.Language;

/// <summary>
/// Turkish writes a case ending after an apostrophe on a proper name: "İzmir'de" (in İzmir), "Türkiye'deki" (which is in
/// Turkey), "Bursa'dan" (from Bursa), "İstanbul'un" (of Istanbul), "CITEVE'yi". The tokenizer splits at the apostrophe,
/// so the ending is a word of its own — which says nothing to search for, whatever language the message was detected as.
/// Typed without the apostrophe on a place's name ("izmirde", "denizliden", "türkiyede"), the ending is split off the
/// same way (<see cref="SplitPlaceEndings"/>).
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

    // The most words of a place's name typed in lower case at the message's start ("çorlu organize sanayi bölgesi'ndeki
    // paydaşlar"): with no capitals to tell a name's words, only so few that they can be nothing else.
    private const int MaxLowerCaseNameWords = 4;

    // The textile sector's names, normalized: before a lower-case name that opens the message ("tekstil çorlu'daki
    // paydaşlar"), as a restrictor ("sadece çorlu organize sanayi bölgesi'ndeki paydaşlar"), no word of the name.
    private static readonly HashSet<string> SectorNames = new(StringComparer.Ordinal)
    {
        "tekstil", "konfeksiyon", "giyim", "deri", "moda", "dokuma", "orme", "iplik", "kumas", "boya", "boyama",
    };

    // The textile sector's names of two words, normalized, as SectorNames: "hazır giyim" (ready-to-wear), "ev tekstili"
    // (home textiles), "teknik tekstil" (technical textiles) — "hazır", "ev" or "teknik" alone is no sector.
    private static readonly HashSet<(string, string)> TwoWordSectorNames = [("hazir", "giyim"), ("ev", "tekstili"), ("teknik", "tekstil")];

    // The greetings small talk answers ("merhaba", "selam", "iyi günler", "hello"…), normalized into words, longest first:
    // one that opens the message ("merhaba çorlu'daki paydaşlar") is no word of the place's name after it.
    private static readonly string[][] Greetings = [.. ConversationTexts.All.SelectMany(t => t.GreetingPhrases)
        .Select(g => TextNormalizer.Tokenize(g).Select(t => t.Norm).ToArray()).Where(g => g.Length > 0).OrderByDescending(g => g.Length)];

    // Of whom or what (genitive), in the forms vowel harmony and a vowel before give it: "Çorlu'nun", "İzmir'in", "Uşak'ın".
    private static readonly HashSet<string> GenitiveEndings = new(StringComparer.Ordinal) { "in", "un", "nin", "nun" };

    // The endings split off a place's name written without an apostrophe: where (locative, "the one in"), from where
    // (ablative) and where to (dative after a vowel: "italyaya", "denizliye"). Of two letters or more, so that "italiane"
    // or "spagnole" is never "italian" + "e".
    private static readonly string[] GluedEndings =
    [
        "dakiler", "dekiler", "dakileri", "dekileri", "daki", "deki", "taki", "teki",
        "dan", "den", "tan", "ten", "da", "de", "ta", "te", "ya", "ye",
    ];

    // Every one-word name of a country, partner region or city of the gazetteer, normalized ("izmir", "turkiye",
    // "ispanya", "denizli", "ege"): the only stems an ending is split off — "model", "vende" or "gelde" are words.
    private static readonly HashSet<string> PlaceNames = BuildPlaceNames();

    /// <summary>
    /// Whether the word at <paramref name="index"/> is a case ending on a name: written after an apostrophe ("'de" in
    /// "İzmir'de"), or split off a place's name (<see cref="SplitPlaceEndings"/>: "de" of "izmirde").
    /// </summary>
    public static bool IsCaseEndingAfterApostrophe(IReadOnlyList<Token> tokens, int index)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return index > 0 && (tokens[index].SplitEnding || tokens[index].Before is "'" or "’") && CaseEndings.Contains(tokens[index].Norm);
    }

    /// <summary>
    /// The words with a Turkish case ending written on a known place's name split off it, as if after an apostrophe:
    /// "denizliden havlu üreticisi" reads as "Denizli'den havlu üreticisi", "izmirde" as "İzmir'de", "türkiyede" as
    /// "Türkiye'de". A word is split only where what is left is a place the gazetteer names ("izmir", "denizli",
    /// "ispanya", "ege"): an ordinary word that ends the same way ("model", "gelde", "vende") stays whole.
    /// </summary>
    public static IReadOnlyList<Token> SplitPlaceEndings(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        List<Token>? split = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var ending = PlaceEndingOn(token);
            if (ending is null && split is null)
            {
                continue;
            }

            split ??= [.. tokens.Take(i)];
            if (ending is null)
            {
                split.Add(token);
                continue;
            }

            var stem = token.Raw.Length - ending.Length;
            var stemTyped = token.Typed.Length == token.Raw.Length ? token.Typed[..stem] : token.Raw[..stem];
            split.Add(new Token(token.Raw[..stem], token.Norm[..^ending.Length]) { Before = token.Before, Typed = stemTyped });
            split.Add(new Token(token.Raw[stem..], ending)
            {
                After = token.After,
                SplitEnding = true,
                Typed = token.Typed.Length == token.Raw.Length ? token.Typed[stem..] : token.Raw[stem..],
            });
        }

        return split ?? tokens;
    }

    /// <summary>The ending (normalized) written on a known place's name, or null: "den" for "denizliden".</summary>
    private static string? PlaceEndingOn(Token token)
    {
        var norm = token.Norm;
        foreach (var ending in GluedEndings)
        {
            // The typed word splits at the same place (an ending is plain letters: "ı" and "i" are one letter each).
            if (norm.Length > ending.Length && norm.EndsWith(ending, StringComparison.Ordinal) && token.Raw.Length == norm.Length
                && PlaceNames.Contains(norm[..^ending.Length]))
            {
                return ending;
            }
        }

        return null;
    }

    private static HashSet<string> BuildPlaceNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Gazetteer.Countries.Concat(Gazetteer.Regions).Concat(Gazetteer.Cities))
        {
            foreach (var name in entry.Names)
            {
                // "izmir*" is the name "izmir"; "north portugal=2" is two words, no stem of one word.
                var body = name.Split('=')[0].TrimEnd('*', '~');
                if (!body.Contains(' ', StringComparison.Ordinal))
                {
                    names.Add(TextNormalizer.Normalize(body));
                }
            }
        }

        return names;
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
            if (IsPlaceEnding(tokens, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the word at <paramref name="index"/> is a word of a place's name that a locative or ablative ending
    /// follows, known to the gazetteer or not: "çorlu" in "Çorlu'daki paydaşlar", each capitalised word right before
    /// it ("Çorlu Organize Sanayi Bölgesi'ndeki"), and each word of a short name typed in lower case that opens the
    /// message ("çorlu organize sanayi bölgesi'ndeki paydaşlar"). Such a name is searched as it is written.
    /// </summary>
    public static bool IsInAPlacesName(IReadOnlyList<Token> tokens, int index)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (NameThatOpens(tokens) is { } name && index < name.Start)
        {
            // "Tekstil Çorlu'daki paydaşlar", "Merhaba Çorlu'daki paydaşlar": the capital of the message's first word
            // makes neither the sector's name nor a greeting a word of the name.
            return false;
        }

        for (var i = index + 1; i < tokens.Count; i++)
        {
            if (IsPlaceEnding(tokens, i))
            {
                return true;
            }

            // Only a capital goes on with the name: "Organize" in "Çorlu Organize Sanayi Bölgesi'nde", not "tekstil" in
            // "tekstil İzmir'de" — unless the name opens the message.
            if (!Capitalised(tokens[index]) || !Capitalised(tokens[i]))
            {
                return InANameThatOpens(tokens, index);
            }
        }

        return false;

        static bool Capitalised(Token token) => token.Typed.Length > 0 && char.IsUpper(token.Typed[0]);
    }

    /// <summary>
    /// Whether the word at <paramref name="index"/> is before the message's first place ending, within its first
    /// <see cref="MaxLowerCaseNameWords"/> words after the restrictors and the sector's names that may open the message
    /// (<see cref="SectorNames"/>), with people at organisations right after the ending: "organize" in "çorlu organize
    /// sanayi bölgesi'ndeki paydaşlar", "sadece çorlu organize sanayi bölgesi'ndeki paydaşlar". Nothing else stands before
    /// such a name and the people follow it, so its words are the place's ("paydaşlar çok önemli çorlu'da" is no name of
    /// four words).
    /// </summary>
    private static bool InANameThatOpens(IReadOnlyList<Token> tokens, int index) =>
        NameThatOpens(tokens) is { } name && index >= name.Start && index < name.Ending;

    /// <summary>
    /// Whether the word at <paramref name="index"/> names the textile sector before a place's name typed in lower case
    /// that opens the message: "tekstil" in "tekstil çorlu'daki paydaşlar" (the textile stakeholders in Çorlu) is what the
    /// people are of — a word to look for, as "textile" in "players of the textile sector in Italy" — not the place's.
    /// </summary>
    public static bool NamesTheSectorBeforeAName(IReadOnlyList<Token> tokens, int index)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return NameThatOpens(tokens) is { } name && index < name.Start
            && (SectorNameWords(tokens, index) > 0 || (index > 0 && SectorNameWords(tokens, index - 1) == 2));
    }

    /// <summary>
    /// Whether the word at <paramref name="index"/> is of a greeting that opens a message naming a place with a Turkish
    /// ending (<see cref="NamesAPlace"/>): "selam" of "selam, çorlu'daki firmalar", "iyi günler" — nothing to look for.
    /// </summary>
    public static bool GreetsBeforeAPlace(IReadOnlyList<Token> tokens, int index)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return index < GreetingWords(tokens) && NamesAPlace(tokens);
    }

    /// <summary>The words of the sector's name at <paramref name="index"/>: 2 for "hazır giyim", 1 for "tekstil", else 0.</summary>
    private static int SectorNameWords(IReadOnlyList<Token> tokens, int index) =>
        index + 1 < tokens.Count && TwoWordSectorNames.Contains((tokens[index].Norm, tokens[index + 1].Norm)) ? 2
        : SectorNames.Contains(tokens[index].Norm) ? 1 : 0;

    /// <summary>The words of the greeting that opens the message ("merhaba", "iyi günler"), or 0.</summary>
    private static int GreetingWords(IReadOnlyList<Token> tokens) =>
        Greetings.FirstOrDefault(g => g.Length <= tokens.Count && g.Select((w, i) => tokens[i].Norm == w).All(same => same))?.Length ?? 0;

    /// <summary>
    /// The lower-case name that opens the message (after any greeting, then any restrictor or sector's name) — its first
    /// word and its ending's index — when its ending comes within <see cref="MaxLowerCaseNameWords"/> words with people
    /// right after it.
    /// </summary>
    private static (int Start, int Ending)? NameThatOpens(IReadOnlyList<Token> tokens)
    {
        var start = GreetingWords(tokens);
        while (start < tokens.Count && (SearchRestrictors.IsRestrictor(tokens[start].Norm) ? 1 : SectorNameWords(tokens, start)) is > 0 and var words)
        {
            start += words;
        }

        for (var i = start + 1; i <= start + MaxLowerCaseNameWords && i < tokens.Count; i++)
        {
            if (IsPlaceEnding(tokens, i))
            {
                return SearchRestrictors.NamesPeopleFrom(tokens, i + 1) ? (start, i) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// A locative or ablative ending after an apostrophe ("'daki", "'dan") — or a genitive one before people at
    /// organisations ("Çorlu'nun paydaşları", the stakeholders of Çorlu, are those in Çorlu: "Çorlu'daki paydaşlar").
    /// </summary>
    private static bool IsPlaceEnding(IReadOnlyList<Token> tokens, int i) =>
        IsCaseEndingAfterApostrophe(tokens, i)
        && (PlaceEndings.Contains(tokens[i].Norm)
            || (GenitiveEndings.Contains(tokens[i].Norm) && SearchRestrictors.NamesPeopleFrom(tokens, i + 1)));
}
