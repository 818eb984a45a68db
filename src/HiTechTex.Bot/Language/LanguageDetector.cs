using System.Collections.Frozen;
using System.Globalization;
using HiTechTex.Bot.Language.Vocabulary;

namespace HiTechTex.Bot.Language;

/// <summary>
/// Which of the six languages a message is in: each word votes for the languages it belongs to — a stop word or
/// month name shared by k languages gives each 1/k ("de", "a", "o" say little), a language's own function words more
/// (<see cref="LanguageVocabulary.Detection"/>: "quiero", "el", "voglio", "chci"), its endings ("-ción", "-zione",
/// "-iyor") and letters ("ñ", "ã", "ı", "ř") too — and the words of intents and journeys count double, split the same
/// way between the languages that share them ("coaching", "cancelar", "viajar"). Ties, and a message of one or two
/// words with little evidence ("Porto", "cancelar", "de Porto"), are the locale's language: the text does not say
/// another. Everything is looked up in tables built once; a message costs no allocation per word.
/// </summary>
internal static class LanguageDetector
{
    /// <summary>Up to this many words, a message is "short": it overrides the locale only with strong evidence.</summary>
    internal const int ShortMessageTokens = 2;

    /// <summary>The evidence a short message needs to be another language than the locale's: one intent word of its own.</summary>
    internal const double ShortMessageEvidence = 2;

    /// <summary>How far ahead of every other language a short message's language must be.</summary>
    internal const double ShortMessageMargin = 1;

    private const double IntentWeight = 2;

    /// <summary>What a Turkish case ending after an apostrophe ("'de", "'dan", "'deki") says for Turkish: as much as an intent word.</summary>
    private const double ApostropheEndingWeight = 2;

    private static readonly IReadOnlyList<LanguageVocabulary> All = Languages.All;

    private static readonly int TurkishIndex = All.Select(v => v.Code).ToList().IndexOf("tr");

    /// <summary>Word (normalized) → weight per language (<see cref="Languages.All"/> order).</summary>
    private static readonly FrozenDictionary<string, double[]> Words = BuildWords();

    /// <summary>Per language, its endings (normalized) and their weights.</summary>
    private static readonly (string Ending, double Weight)[][] Endings =
        [.. All.Select(v => (v.DetectionEndings ?? []).Select(Weighted).Select(e => (TextNormalizer.Normalize(e.Text), e.Weight)).ToArray())];

    /// <summary>Letter as typed → weight per language.</summary>
    private static readonly FrozenDictionary<char, double[]> Letters = BuildLetters();

    public static int Count => All.Count;

    /// <summary>
    /// The index in <see cref="Languages.All"/> of the message's language, or -1 when nothing says one and there is no
    /// locale. <paramref name="intentMatches"/> are the intent / journey phrases found, with their language's index.
    /// </summary>
    public static int Detect(IReadOnlyList<Token> tokens, IReadOnlyList<(PhraseMatch Match, int Language)> intentMatches, int localeLanguage)
    {
        Span<double> votes = stackalloc double[All.Count];
        Span<double> letters = stackalloc double[All.Count];
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];

            // "İZMİR'de", "Türkiye'deki", "Bursa'dan", "izmirde": a case ending after an apostrophe (or on a place's name)
            // is Turkish, even beside words other languages share ("tekstil", "de").
            if (TurkishIndex >= 0 && TurkishSuffix.IsTurkishEvidence(tokens, t))
            {
                votes[TurkishIndex] += ApostropheEndingWeight;
            }

            if (Words.TryGetValue(token.Norm, out var weights))
            {
                for (var l = 0; l < votes.Length; l++)
                {
                    votes[l] += weights[l];
                }
            }

            for (var l = 0; l < votes.Length; l++)
            {
                // The longest ending of the language that the word has (a word of at least two letters more).
                var best = 0d;
                foreach (var (ending, weight) in Endings[l])
                {
                    if (token.Norm.Length >= ending.Length + 2 && token.Norm.EndsWith(ending, StringComparison.Ordinal) && weight > best)
                    {
                        best = weight;
                    }
                }

                votes[l] += best;
            }

            // A letter counts once per word: "ğ" in "değişim" says Turkish, not twice as much. The letters as typed: the
            // dotted capital İ of "TEKSTİL FİRMASI" is an "i" once lower-cased.
            letters.Clear();
            foreach (var typed in token.Typed.Length > 0 ? token.Typed : token.Raw)
            {
                if (typed > '\u007f' && Letters.TryGetValue(LetterKey(typed), out var byLetter))
                {
                    for (var l = 0; l < letters.Length; l++)
                    {
                        letters[l] = Math.Max(letters[l], byLetter[l]);
                    }
                }
            }

            for (var l = 0; l < votes.Length; l++)
            {
                votes[l] += letters[l];
            }
        }

        // Intent words are strong evidence ("procuro" is Portuguese) — unless several languages have the same word at
        // the same place ("coaching", "cancelar", "partner"): then each has its share. A typo of another language's word
        // ("ajuda" read as a typo of "ayuda") is no share of an exact word.
        for (var i = 0; i < intentMatches.Count; i++)
        {
            var (match, language) = intentMatches[i];
            var sharing = 0;
            var best = true;
            for (var j = 0; j < intentMatches.Count && best; j++)
            {
                var other = intentMatches[j].Match;
                if (other.Start == match.Start && other.Length == match.Length)
                {
                    best = other.Weight <= match.Weight;
                    sharing |= other.Weight == match.Weight ? 1 << intentMatches[j].Language : 0;
                }
            }

            if (best)
            {
                votes[language] += IntentWeight * match.Weight / int.PopCount(sharing);
            }
        }

        var top = -1;
        for (var l = 0; l < votes.Length; l++)
        {
            // Ties go to the locale's language, else to the first in Languages.All.
            if (top < 0 || votes[l] > votes[top] || (votes[l] == votes[top] && l == localeLanguage))
            {
                top = l;
            }
        }

        if (votes[top] <= 0)
        {
            return localeLanguage;
        }

        // "Porto", "cancelar", "de Porto", "partner": one or two words several languages write alike are no reason to
        // leave the locale's (or profile's) language — only a word of one language is ("ajuda", "yardım").
        if (localeLanguage >= 0 && tokens.Count <= ShortMessageTokens)
        {
            var second = 0d;
            for (var l = 0; l < votes.Length; l++)
            {
                second = l == top ? second : Math.Max(second, votes[l]);
            }

            if (votes[top] < ShortMessageEvidence || votes[top] - second < ShortMessageMargin)
            {
                return localeLanguage;
            }
        }

        return top;
    }

    private static FrozenDictionary<string, double[]> BuildWords()
    {
        // Who claims each word: as a stop word or month name (shared evenly), or with a weight of its own.
        var claimed = new Dictionary<string, (HashSet<int> Plain, Dictionary<int, double> Weighted)>(StringComparer.Ordinal);
        (HashSet<int> Plain, Dictionary<int, double> Weighted) Claim(string word)
        {
            if (!claimed.TryGetValue(word, out var entry))
            {
                claimed[word] = entry = ([], []);
            }

            return entry;
        }

        for (var l = 0; l < All.Count; l++)
        {
            var vocabulary = All[l];
            var months = vocabulary.Months.SelectMany(m => m.Split('|')).Where(m => m.Length >= 4);
            foreach (var word in vocabulary.StopWords.Concat(months).Select(TextNormalizer.Normalize))
            {
                Claim(word).Plain.Add(l);
            }

            foreach (var (text, weight) in (vocabulary.Detection ?? []).Select(Weighted))
            {
                Claim(TextNormalizer.Normalize(text)).Weighted[l] = weight;
            }
        }

        return claimed.ToFrozenDictionary(
            kv => kv.Key,
            kv =>
            {
                var sharing = kv.Value.Plain.Union(kv.Value.Weighted.Keys).Count();
                var weights = new double[All.Count];
                for (var l = 0; l < All.Count; l++)
                {
                    weights[l] = kv.Value.Weighted.TryGetValue(l, out var own) ? own : kv.Value.Plain.Contains(l) ? 1d / sharing : 0;
                }

                return weights;
            },
            StringComparer.Ordinal);
    }

    private static FrozenDictionary<char, double[]> BuildLetters()
    {
        var letters = new Dictionary<char, double[]>();
        for (var l = 0; l < All.Count; l++)
        {
            foreach (var (text, weight) in (All[l].DetectionLetters ?? []).Select(Weighted))
            {
                var letter = LetterKey(text[0]);
                if (!letters.TryGetValue(letter, out var weights))
                {
                    letters[letter] = weights = new double[All.Count];
                }

                weights[l] = weight;
            }
        }

        return letters.ToFrozenDictionary();
    }

    /// <summary>
    /// A letter in lower case — but the dotted capital İ, a letter of Turkish alone, stays itself: lower-cased it is the
    /// "i" of every language (and a capital Ş or Ğ is the ş or ğ Turkish has in lower case too).
    /// </summary>
    private static char LetterKey(char letter) => letter == 'İ' ? letter : char.ToLowerInvariant(letter);

    /// <summary>"quiero=2" → ("quiero", 2); no weight is 1.</summary>
    private static (string Text, double Weight) Weighted(string entry)
    {
        var equals = entry.LastIndexOf('=');
        return equals > 0
            ? (entry[..equals], double.Parse(entry[(equals + 1)..], CultureInfo.InvariantCulture))
            : (entry, 1d);
    }
}
