namespace HiTechTex.Bot.Language;

/// <summary>
/// A vocabulary phrase compiled for matching. Syntax: words separated by spaces, already in any case/accents;
/// a word ending in <c>*</c> is a stem (matches any word starting with it, for inflected languages);
/// a trailing <c>=N</c> sets the weight (default: the number of words).
/// Words of 5+ letters also match with one typo (Damerau-Levenshtein ≤ 1) — a stem of five letters not with a letter
/// replaced ("ortam", "ortası" are no "ortak*"). A word ending in <c>~</c> also matches
/// written one letter short even as a 4-letter word ("italy~": "Itly") — only for names none of whose 4-letter forms is
/// a word of the six languages ("spain" is not one: "span", "spin", "pain").
/// </summary>
internal sealed class Phrase
{
    private const int MinFuzzyLength = 5;
    private const int MinStemDeletionLength = 7;
    private const int MinStemSubstitutionLength = 6;
    private const double TypoPenalty = 0.25;

    private readonly (string Word, bool Stem, bool ShortByOne)[] words;

    private readonly bool allowTypos;

    private readonly int minTypoLength;

    private readonly int minSubstitutionLength;

    private readonly IReadOnlySet<string>? notTypos;

    /// <param name="minTypoLength">
    /// The shortest word that also matches with a typo: 5 by default; longer for phrases whose false match costs more
    /// than a missed typo (the cancel words: "about" must not read as "abort", nor "pasta" as "basta").
    /// </param>
    /// <param name="minSubstitutionLength">
    /// The shortest word whose typo may be one letter replaced by another (a letter missing, one too many and two
    /// swapped count from <paramref name="minTypoLength"/>): longer for names that ordinary words resemble that way (the
    /// countries: "check" is no "checo", "stain" no "spain", "italic" no "italia").
    /// </param>
    /// <param name="notTypos">
    /// Words (normalized) that are never a typo of this phrase, being words of their own: "truco" (Spanish "trick") is no
    /// "turco" with two letters swapped. They still match exactly.
    /// </param>
    public Phrase(string text, string? value = null, bool allowTypos = true, int minTypoLength = MinFuzzyLength, int minSubstitutionLength = MinFuzzyLength,
        IReadOnlySet<string>? notTypos = null)
    {
        this.notTypos = notTypos;
        this.allowTypos = allowTypos;
        this.minTypoLength = Math.Max(MinFuzzyLength, minTypoLength);
        this.minSubstitutionLength = minSubstitutionLength;
        var body = text;
        var weight = -1d;
        var equals = text.LastIndexOf('=');
        if (equals > 0)
        {
            weight = double.Parse(text[(equals + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            body = text[..equals];
        }

        words = [.. body.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.EndsWith('*') ? (TextNormalizer.Normalize(w[..^1]), true, false)
                : w.EndsWith('~') ? (TextNormalizer.Normalize(w[..^1]), false, true)
                : (TextNormalizer.Normalize(w), false, false))];
        Weight = weight > 0 ? weight : words.Length;
        Text = text;
        Value = value ?? text;
    }

    public string Text { get; }

    /// <summary>What a match means (an ISO code, a canonical name…).</summary>
    public string Value { get; }

    public double Weight { get; }

    public int Length => words.Length;

    /// <summary>Every place the phrase occurs in <paramref name="tokens"/>.</summary>
    public IEnumerable<PhraseMatch> FindIn(IReadOnlyList<Token> tokens)
    {
        for (var start = 0; start + words.Length <= tokens.Count; start++)
        {
            var typos = 0;
            var matched = true;
            for (var k = 0; k < words.Length && matched; k++)
            {
                switch (MatchWord(tokens[start + k].Norm, words[k].Word, words[k].Stem, words[k].ShortByOne))
                {
                    case WordMatch.Exact:
                        break;
                    case WordMatch.Typo:
                        typos++;
                        break;
                    default:
                        matched = false;
                        break;
                }
            }

            if (matched)
            {
                yield return new PhraseMatch(start, words.Length, Weight * (1 - (TypoPenalty * typos / words.Length)));
            }
        }
    }

    private WordMatch MatchWord(string token, string word, bool stem, bool shortByOne)
    {
        if (stem ? token.StartsWith(word, StringComparison.Ordinal) : token == word)
        {
            return WordMatch.Exact;
        }

        if (notTypos is not null && notTypos.Contains(token))
        {
            return WordMatch.None;
        }

        // "Itly": one letter missing from a name that allows it, the token of four letters or more.
        if (allowTypos && shortByOne && token.Length == word.Length - 1 && token.Length >= MinFuzzyLength - 1
            && DamerauLevenshtein.IsWithin(token, word, 1))
        {
            return WordMatch.Typo;
        }

        // Both words 5+ letters: "para" (for) must not read as "parar" (stop).
        if (!allowTypos || word.Length < minTypoLength || token.Length < MinFuzzyLength)
        {
            return WordMatch.None;
        }

        if (!stem)
        {
            return DamerauLevenshtein.IsWithin(token, word, 1) && (word.Length >= minSubstitutionLength || !IsSubstitution(token, word))
                ? WordMatch.Typo
                : WordMatch.None;
        }

        // A stem with a typo: the token's prefix of the stem's length (substitution, transposition) or one longer
        // (insertion) is one edit from the stem. One shorter (a deletion) only for long stems: "orta" (middle) must not
        // read as "ortak*" (partner), but "aplications" is "application*".
        // Nor one letter replaced in a short stem: "ortam" (environment), "ortası" (its middle) are no "ortak*".
        var shortest = word.Length >= MinStemDeletionLength ? word.Length - 1 : word.Length;
        for (var length = shortest; length <= Math.Min(token.Length, word.Length + 1); length++)
        {
            if (DamerauLevenshtein.IsWithin(token.AsSpan(0, length), word, 1)
                && !(word.Length < MinStemSubstitutionLength && IsSubstitution(token[..length], word)))
            {
                return WordMatch.Typo;
            }
        }

        return WordMatch.None;
    }

    /// <summary>Two words of one length, one edit apart, that differ by one letter replaced (not two letters swapped).</summary>
    private static bool IsSubstitution(string token, string word)
    {
        if (token.Length != word.Length)
        {
            return false;
        }

        var first = token.AsSpan().CommonPrefixLength(word);
        return first < token.Length && !(first + 1 < token.Length && token[first] == word[first + 1] && token[first + 1] == word[first]);
    }

    private enum WordMatch
    {
        None,
        Exact,
        Typo,
    }
}
