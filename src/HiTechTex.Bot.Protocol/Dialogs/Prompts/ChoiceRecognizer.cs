using System.Globalization;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// Matches an answer against choices: exactly (value or synonym, case- and accent-insensitive), by number
/// ("2" = the second choice), by a choice mentioned inside a sentence, by a prefix of a word of the choice, and
/// fuzzily (small typos). Two different choices with the same best score are ambiguous: no match. A choice named to be
/// refused ("not Italian", "não italiano", "İtalyanca değil") is no answer for it, and a value or synonym of one or two
/// letters (a language code: "it", "en") counts only as the whole answer — "is it in English?" names no Italian.
/// </summary>
internal static class ChoiceRecognizer
{
    // A negation right before a mention ("not Italian", "no, not Spanish", "non italiano", "ne italsky") or, in Turkish,
    // right after it ("İtalyanca değil") refuses that choice. Normalised (no accents) forms of the six languages.
    private static readonly HashSet<string> NegationsBefore = new(StringComparer.Ordinal) { "not", "nao", "non", "ne", "nem", "ni", "nor", "never", "without", "sem", "sin", "senza", "bez" };
    private static readonly HashSet<string> NegationsAfter = new(StringComparer.Ordinal) { "degil", "haric", "olmasin", "istemiyorum" };

    /// <summary>The longest value or synonym that counts only as the whole answer (codes such as "it", "en").</summary>
    private const int WholeAnswerOnlyLength = 2;

    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        var input = TextNormalizer.Normalize(text);
        if (input.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        if (int.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= choices.Count
            && !choices.Any(c => TextNormalizer.Normalize(c.Value) == input))
        {
            return new FoundChoice(choices[number - 1].Value, number - 1, 1, input);
        }

        FoundChoice? best = null;
        var ambiguous = false;
        for (var index = 0; index < choices.Count; index++)
        {
            var choice = choices[index];
            foreach (var synonym in (string[])[choice.Value, .. choice.Synonyms ?? []])
            {
                var candidate = TextNormalizer.Normalize(synonym);
                var score = Score(input, candidate);
                if (score <= 0)
                {
                    continue;
                }

                if (best is null || score > best.Score)
                {
                    best = new FoundChoice(choice.Value, index, score, synonym);
                    ambiguous = false;
                }
                else if (score == best.Score && best.Index != index)
                {
                    ambiguous = true;
                }
            }
        }

        return ambiguous ? null : best;
    }

    private static double Score(string input, string candidate)
    {
        if (candidate.Length == 0)
        {
            return 0;
        }

        if (input == candidate)
        {
            return 1;
        }

        if (candidate.Length <= WholeAnswerOnlyLength)
        {
            return 0;
        }

        // "I'd like the blue one" mentions "blue" — but "not blue" refuses it.
        if (Mentions(input, candidate, out var negated))
        {
            return negated ? 0 : 0.9;
        }

        var inputWords = input.Split(' ');
        if (inputWords.Any(NegationsBefore.Contains) || inputWords.Any(NegationsAfter.Contains))
        {
            // "not italin": a refusal is no answer, even with a typo or a prefix.
            return 0;
        }

        var candidateWords = candidate.Split(' ');

        // "smart" for "Smart textiles": every word typed is (the start of) a word of the choice. One score for
        // all such matches, so that a word shared by two choices is ambiguous rather than won by the shorter.
        if (inputWords.All(w => w.Length >= 3 && candidateWords.Any(c => c.StartsWith(w, StringComparison.Ordinal))))
        {
            return 0.8;
        }

        // Typos: "bleu" for "blue", "portugual" for "portugal".
        var distance = Levenshtein(input, candidate);
        var allowed = candidate.Length switch { < 4 => 0, < 8 => 1, _ => 2 };
        return distance <= allowed ? 0.6 - (0.1 * distance) : 0;
    }

    /// <summary>Whether <paramref name="candidate"/>'s words stand in <paramref name="input"/>, and whether each such mention is refused.</summary>
    private static bool Mentions(string input, string candidate, out bool negated)
    {
        var inputWords = input.Split(' ');
        var candidateWords = candidate.Split(' ');
        var found = false;
        negated = false;
        for (var i = 0; i + candidateWords.Length <= inputWords.Length; i++)
        {
            if (!inputWords.AsSpan(i, candidateWords.Length).SequenceEqual(candidateWords))
            {
                continue;
            }

            var after = i + candidateWords.Length;
            var refused = (i > 0 && NegationsBefore.Contains(inputWords[i - 1]))
                || (after < inputWords.Length && NegationsAfter.Contains(inputWords[after]));
            if (!refused)
            {
                negated = false;
                return true;
            }

            found = true;
            negated = true;
        }

        return found;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
