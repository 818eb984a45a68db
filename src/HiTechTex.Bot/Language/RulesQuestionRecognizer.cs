using HiTechTex.Bot.Language.Vocabulary;

namespace HiTechTex.Bot.Language;

/// <summary>
/// A question about the exchange rules, in EN, PT, ES, IT, TR and CS: an exchange (or an application) with "how many"
/// and what one may do ("how many exchanges can I do?", "quantos intercâmbios posso fazer?", "kolik výměn můžu
/// absolvovat?", "how many exchanges per year?"), or with how long ("how long does an exchange last?"). It is answered
/// with the rules — not the coordinator's progress figures ("how many exchanges so far?"), nor an application form.
/// </summary>
internal static class RulesQuestionRecognizer
{
    private static readonly Phrase[] Subject = [.. RoleCommandWords.Exchange.Concat(RoleCommandWords.Application).Select(p => new Phrase(p))];
    private static readonly Phrase[] Quantity = [.. RulesQuestionWords.Quantity.Select(p => new Phrase(p))];
    private static readonly Phrase[] Allowed = [.. RulesQuestionWords.Allowed.Select(p => new Phrase(p, allowTypos: false))];
    // "how long until my application is decided?": one's own list, not the rules.
    private static readonly Phrase[] Own = [.. Languages.All
        .SelectMany(l => l.Intents.Where(i => i.Key is Intent.MyApplications or Intent.MySessions).SelectMany(i => i.Value))
        .Select(p => new Phrase(p))];

    private static readonly Phrase[] Duration = [.. RulesQuestionWords.Duration.Select(p => new Phrase(p))];
    private static readonly Phrase[] MoreThanOne = [.. RulesQuestionWords.MoreThanOne.Select(p => new Phrase(p))];
    private static readonly Phrase[] Limit = [.. RulesQuestionWords.Limit.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] Extreme = [.. RulesQuestionWords.Extreme.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] Measure = [.. RulesQuestionWords.Measure.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] TurkishQuestion = [.. RulesQuestionWords.TurkishQuestion.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly HashSet<string> Openers = [.. RulesQuestionWords.QuestionOpeners.Select(TextNormalizer.Normalize)];
    private static readonly HashSet<string> TurkishParticles = [.. RulesQuestionWords.TurkishParticles];

    /// <summary>Whether <paramref name="text"/> asks about the exchange rules.</summary>
    public static bool IsRulesQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var bounded = IntentText.Bounded(text);
        return IsRulesQuestion(bounded, TextNormalizer.Tokenize(bounded));
    }

    /// <summary><see cref="IsRulesQuestion(string?)"/> of a text already bounded and tokenized (a caller that has the tokens).</summary>
    internal static bool IsRulesQuestion(string bounded, IReadOnlyList<Token> tokens)
    {
        if (!Has(tokens, Subject) || Has(tokens, Own))
        {
            return false;
        }

        if ((Has(tokens, Quantity) && Has(tokens, Allowed)) || Has(tokens, Duration))
        {
            return true;
        }

        // Other words, only in a question ("can I apply for an exchange?" stays the application): "can we do more than
        // one exchange?", "is there a limit on the number of exchanges?", "what's the maximum length of an exchange?"
        // (a maximum without digits: "an exchange of at most 2 weeks?" names a stay, it does not ask about the rule).
        return IsQuestion(bounded, tokens)
            && (Has(tokens, MoreThanOne) || Has(tokens, Limit)
                || (Has(tokens, Extreme) && Has(tokens, Measure) && !tokens.Any(t => t.Norm.Any(char.IsDigit))));
    }

    /// <summary>
    /// A rules question typed while another question waits (the step-by-step application's host, dates, objectives…):
    /// only in a question's form, so that an answer that merely mentions how long an exchange takes stays an answer.
    /// </summary>
    public static bool IsAskedRulesQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var bounded = IntentText.Bounded(text);
        var tokens = TextNormalizer.Tokenize(bounded);
        return IsRulesQuestion(bounded, tokens) && IsQuestion(bounded, tokens);
    }

    /// <summary>A "?" ("¿"), a question's first word in the six languages, or a Turkish question word or particle.</summary>
    private static bool IsQuestion(string text, IReadOnlyList<Token> tokens) =>
        text.Contains('?', StringComparison.Ordinal) || text.Contains('¿', StringComparison.Ordinal)
        || (tokens.Count > 0 && (Openers.Contains(tokens[0].Norm) || TurkishParticles.Contains(tokens[^1].Norm)))
        || Has(tokens, TurkishQuestion);

    private static bool Has(IReadOnlyList<Token> tokens, Phrase[] phrases) => phrases.Any(p => p.FindIn(tokens).Any());
}
