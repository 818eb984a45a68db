namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// Finds the directory organisations a person means by their own organisation's name ("CITEVE", "Tecnotessile",
/// "AEI Tèxtils", "NTT"): by whole words, word prefixes of four letters or more, the whole name or one of its parts
/// ("NTT — Next Technology Tecnotessile S.R.L."), the id, or the initials — case- and accent-insensitive. Never by a
/// substring inside a word: "Ana" is no part of "Anadolu Tekstil" or "Toscana", so a short common string does not
/// offer a long list of unrelated organisations.
/// </summary>
internal static class OrganisationNameMatcher
{
    /// <summary>The shortest typed word that may stand for the start of a longer one ("Tecno" for "Tecnotessile").</summary>
    public const int MinPrefixLength = 4;

    /// <summary>How closely an organisation matched; lower is closer.</summary>
    public enum Closeness
    {
        /// <summary>The whole name, one of its parts, the id or the initials.</summary>
        Exact = 0,

        /// <summary>Every typed word is a whole word of the name.</summary>
        Words = 1,

        /// <summary>Every typed word is a word of the name or the start of one.</summary>
        Prefixes = 2,
    }

    /// <summary>
    /// The organisations matching <paramref name="typed"/>, closest first (then the real partners before demo entries,
    /// then by name); at most <paramref name="limit"/>. Empty when the answer holds no word that can name one.
    /// </summary>
    public static IReadOnlyList<(Organisation Organisation, Closeness Closeness)> Find(IEnumerable<Organisation> organisations, string? typed, int limit)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        var words = Significant(Tokens(typed ?? ""));
        if (words.Count == 0 || limit <= 0)
        {
            return [];
        }

        var joined = string.Join(' ', words);
        var all = string.Join(' ', Tokens(typed ?? ""));
        var initials = AsInitials(joined, typed ?? "");
        var found = new List<(Organisation Organisation, Closeness Closeness)>();
        foreach (var organisation in organisations)
        {
            if (Match(organisation, words, joined, all, initials) is { } closeness)
            {
                found.Add((organisation, closeness));
            }
        }

        return [.. found
            .OrderBy(f => f.Closeness)
            .ThenBy(f => f.Organisation.IsDemo)
            .ThenBy(f => f.Organisation.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Organisation.Id, StringComparer.Ordinal)
            .Take(limit)];
    }

    /// <summary>
    /// The typed word to compare with names' initials, or null: one word of two letters or more — of two only when typed in
    /// capitals, since two lower-case letters are mostly a word ("to", "je", "se", "da") that happens to be someone's initials.
    /// </summary>
    private static string? AsInitials(string joined, string typed) =>
        joined.Length < 2 || joined.Contains(' ', StringComparison.Ordinal) ? null
        : joined.Length > 2 || !typed.Any(char.IsLower) ? joined
        : null;

    private static Closeness? Match(Organisation organisation, List<string> words, string joined, string all, string? initials)
    {
        var nameTokens = Tokens(organisation.Name);
        if (IsExact(organisation, nameTokens, joined, all, initials))
        {
            return Closeness.Exact;
        }

        if (words.All(w => nameTokens.Contains(w, StringComparer.Ordinal)))
        {
            return Closeness.Words;
        }

        return words.All(w => nameTokens.Any(t => t == w || (w.Length >= MinPrefixLength && t.StartsWith(w, StringComparison.Ordinal))))
            ? Closeness.Prefixes
            : null;
    }

    private static bool IsExact(Organisation organisation, List<string> nameTokens, string joined, string all, string? initials)
    {
        if (string.Join(' ', nameTokens) == all || string.Equals(organisation.Id, all.Replace(' ', '-'), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var part in Parts(organisation.Name))
        {
            var tokens = Tokens(part);
            var significant = Significant(tokens);
            if (string.Join(' ', tokens) == all || (significant.Count > 0 && string.Join(' ', significant) == joined))
            {
                return true;
            }

            // The initials, of every word or of the significant ones: "ATCV" for "Asociación Textil de la Comunidad Valenciana".
            if (initials is not null && significant.Count >= 2 && (Initials(significant) == initials || Initials(tokens) == initials))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parts of a name its writers separate: "NTT — Next Technology Tecnotessile S.R.L.", "Cluster / CITEVE", "X (Y)".</summary>
    private static string[] Parts(string name) =>
        [name, .. name.Split(['—', '–', '/', '(', ')', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length > 0)];

    private static string Initials(List<string> tokens) => string.Concat(tokens.Select(t => t[0]));

    /// <summary>
    /// The words that can name an organisation: not one letter, not a legal form ("S.A.", "Lda", "s.r.o.") and not a
    /// linking word ("de", "of", "und") — "S.A." alone names none.
    /// </summary>
    private static List<string> Significant(IEnumerable<string> tokens) =>
        [.. tokens.Where(t => t.Length > 1 && !LegalForms.Contains(t) && !LinkingWords.Contains(t))];

    /// <summary>Folded words: "CİTEVE", "citeve" and "Citevé" are all "citeve" (Turkish dotted capital İ too).</summary>
    internal static List<string> Tokens(string text) =>
        [.. TextFolding.Tokens(text.Replace('İ', 'i'))];

    /// <summary>
    /// Legal forms written as one word, folded ("S.A." is "sa" once its dots are gone, "Lda", "GmbH", "s.r.o." as "sro"):
    /// no word that names an organisation here, and the end of a typed organisation name (<c>OrganisationAnswer</c>).
    /// </summary>
    internal static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "sa", "sl", "slu", "lda", "srl", "spa", "sas", "snc", "as", "sti", "ltd", "ltda", "tic", "san", "sro", "gmbh", "ag", "bv", "nv", "inc", "llc", "plc", "co",
        "limited", "sarl", "sapa",
    };

    private static readonly HashSet<string> LinkingWords = new(StringComparer.Ordinal)
    {
        "de", "da", "do", "das", "dos", "del", "la", "las", "los", "el", "di", "della", "delle", "dei", "degli", "of", "the", "and", "for", "und", "der", "die",
        "e", "y", "i", "ve", "a", "en", "em", "in", "na", "no", "d", "l",
    };
}
