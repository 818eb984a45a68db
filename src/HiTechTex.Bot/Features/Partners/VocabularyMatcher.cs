namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// Finds the phrases of a multilingual vocabulary (taxonomy synonyms, country or region names) in free text, word by
/// word on folded tokens. Phrases are bucketed by the first three letters of their first word, so index-time scans of
/// long descriptions stay cheap; typo-tolerant (query-time) scans check every phrase.
/// </summary>
internal sealed class VocabularyMatcher
{
    private readonly List<(string Key, string[] Words)> _phrases = [];
    private readonly Dictionary<string, List<int>> _byPrefix = [];
    private int[]? _longestFirst;

    public VocabularyMatcher(IEnumerable<(string Key, string Phrase)> entries)
    {
        foreach (var (key, phrase) in entries)
        {
            var words = TextFolding.Tokens(phrase);
            if (words.Length == 0)
            {
                continue;
            }

            var prefix = Prefix(words[0]);
            if (!_byPrefix.TryGetValue(prefix, out var list))
            {
                _byPrefix[prefix] = list = [];
            }

            list.Add(_phrases.Count);
            _phrases.Add((key, words));
        }

        // Longest phrases first, so "tessuto non tessuto" wins over "tessuto".
        foreach (var list in _byPrefix.Values)
        {
            list.Sort((x, y) => _phrases[y].Words.Length.CompareTo(_phrases[x].Words.Length));
        }
    }

    public static VocabularyMatcher ForTaxonomy() =>
        new(TextileTaxonomy.Terms.SelectMany(t => t.Names.Values.SelectMany(n => n).Select(n => (t.Id, n))));

    /// <param name="includeNested">
    /// Also report a phrase inside a longer one found at the same place. Off for queries, where a word belongs to one
    /// concept ("tecidos" in "não tecidos" is not also the fabric stage); on for indexing descriptions, where
    /// "finissaggi funzionali" also says the organisation does finishing.
    /// </param>
    public IReadOnlyList<VocabularyMatch> Find(IReadOnlyList<string> tokens, bool allowTypos, bool includeNested = false)
    {
        if (!allowTypos)
        {
            return Scan(tokens, allowTypos: false, includeNested);
        }

        // A word spelt exactly as one term's name is that term, not also a typo of another's on the same words: Spanish
        // "teñido" (dyeing) is finishing, not "tejido" (fabric) with a typo.
        var exact = Scan(tokens, allowTypos: false, includeNested).ToHashSet();
        return [.. Scan(tokens, allowTypos: true, includeNested)
            .Where(m => exact.Contains(m) || !exact.Any(e => e.Start == m.Start && e.Length == m.Length))];
    }

    public IReadOnlyList<VocabularyMatch> Find(string text, bool allowTypos, bool includeNested = false) => Find(TextFolding.Tokens(text), allowTypos, includeNested);

    private List<VocabularyMatch> Scan(IReadOnlyList<string> tokens, bool allowTypos, bool includeNested)
    {
        var matches = new List<VocabularyMatch>();
        var seen = new HashSet<(string, int)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            IEnumerable<int> candidates = allowTypos
                ? _longestFirst ??= [.. Enumerable.Range(0, _phrases.Count).OrderByDescending(p => _phrases[p].Words.Length)]
                : _byPrefix.GetValueOrDefault(Prefix(tokens[i])) ?? [];
            foreach (var p in candidates)
            {
                var (key, words) = _phrases[p];
                if (i + words.Length > tokens.Count || seen.Contains((key, i)))
                {
                    continue;
                }

                var all = true;
                for (var w = 0; w < words.Length && all; w++)
                {
                    all = TextFolding.SameWord(tokens[i + w], words[w], allowTypos);
                }

                // Unless includeNested: a phrase inside a longer one already found is part of it (same-length phrases
                // of several terms, like "confeção", still count for each).
                if (all && (includeNested || !matches.Any(m => m.Start <= i && i + words.Length <= m.Start + m.Length && m.Length > words.Length)))
                {
                    seen.Add((key, i));
                    matches.Add(new VocabularyMatch(key, i, words.Length));
                }
            }
        }

        return matches;
    }

    private static string Prefix(string word) => word.Length <= 3 ? word : word[..3];
}
