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

    /// <summary>Whether <paramref name="text"/> asks about the exchange rules.</summary>
    public static bool IsRulesQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var tokens = TextNormalizer.Tokenize(IntentText.Bounded(text));
        return Has(tokens, Subject) && !Has(tokens, Own) && ((Has(tokens, Quantity) && Has(tokens, Allowed)) || Has(tokens, Duration));
    }

    private static bool Has(IReadOnlyList<Token> tokens, Phrase[] phrases) => phrases.Any(p => p.FindIn(tokens).Any());
}
