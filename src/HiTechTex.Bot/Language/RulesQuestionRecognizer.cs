using HiTechTex.Bot.Language.Vocabulary;

namespace HiTechTex.Bot.Language;

/// <summary>
/// A question about the exchange rules, in EN, PT, ES, IT, TR and CS: an exchange (or an application) with "how many"
/// and what one may do ("how many exchanges can I do?", "quantos intercâmbios posso fazer?", "kolik výměn můžu
/// absolvovat?", "how many exchanges per year?"), or with how long ("how long does an exchange last?"); as a question
/// also two exchanges, twice, lasting, money, who may take part, a deadline or the rules ("can I go on two exchanges?",
/// "can we apply twice?", "how much money do I get for an exchange?", "who can apply for an exchange?"). It is answered
/// with the rules — not the coordinator's progress figures ("how many exchanges so far?"), nor an application form.
/// </summary>
internal static class RulesQuestionRecognizer
{
    private static readonly Phrase[] Subject = [.. RoleCommandWords.Exchange.Concat(RoleCommandWords.Application).Select(p => new Phrase(p))];
    private static readonly Phrase[] Quantity = [.. RulesQuestionWords.Quantity.Select(p => new Phrase(p))];
    private static readonly Phrase[] Allowed = [.. RulesQuestionWords.Allowed.Select(p => new Phrase(p, allowTypos: false))];
    // "how long until my application is decided?": one's own list, not the rules. Exact words: with a typo the Turkish
    // "başvurum" (my application) would also be "başvuru"/"başvurusu" (an application), in every Turkish rules question.
    private static readonly Phrase[] Own = [.. Languages.All
        .SelectMany(l => l.Intents.Where(i => i.Key is Intent.MyApplications or Intent.MySessions).SelectMany(i => i.Value))
        .Select(p => new Phrase(p, allowTypos: false))];

    private static readonly Phrase[] Duration = [.. RulesQuestionWords.Duration.Select(p => new Phrase(p))];
    private static readonly Phrase[] MoreThanOne = [.. RulesQuestionWords.MoreThanOne.Select(p => new Phrase(p))];
    private static readonly Phrase[] Limit = [.. RulesQuestionWords.Limit.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] Extreme = [.. RulesQuestionWords.Extreme.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] Measure = [.. RulesQuestionWords.Measure.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] Twice = [.. RulesQuestionWords.Twice.Select(p => new Phrase(p, allowTypos: false))];
    // "two exchanges", "dos intercambios", "dvě výměny": a number put before the exchange's (or the application's) noun.
    private static readonly Phrase[] Numbered = [.. RulesQuestionWords.Numbers
        .SelectMany(n => RoleCommandWords.Exchange.Concat(RoleCommandWords.Application).Select(noun => $"{n} {noun}"))
        .Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] Apply = [.. RulesQuestionWords.Apply.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] Lasting = [.. RulesQuestionWords.Lasting.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] NotLasting = [.. RulesQuestionWords.NotLasting.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] Funding = [.. RulesQuestionWords.Funding.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] Receive = [.. RulesQuestionWords.Receive.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] LumpSum = [.. RulesQuestionWords.LumpSum.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] Eligibility = [.. RulesQuestionWords.Eligibility.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] Deadline = [.. RulesQuestionWords.Deadline.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] When = [.. RulesQuestionWords.When.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] Possible = [.. RulesQuestionWords.Possible.Select(p => new Phrase(p, allowTypos: false))];
    private static readonly Phrase[] Host = [.. RulesQuestionWords.Host.Select(p => new Phrase(p, allowTypos: false))];
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
        var subject = Has(tokens, Subject);
        var applying = Has(tokens, Apply);
        if (!subject && !applying)
        {
            // "how much is the lump sum?": the programme's money named, in a question.
            // "how much money do I get?", "kolik peněz dostanu?": money the asker would get, in a question.
            return (Has(tokens, LumpSum) || (Has(tokens, Funding) && Has(tokens, Receive))) && IsQuestion(bounded, tokens);
        }

        // Money, in a question, also about one's own exchange ("how much money do I get for my exchange?"): the rules
        // say how the lump sum is set, and that the amount paid is the coordinator's to confirm.
        if (IsQuestion(bounded, tokens) && Has(tokens, Funding))
        {
            return true;
        }

        if (Has(tokens, Own))
        {
            return false;
        }

        // When one may apply ("when can I apply?", "quando posso candidatar-me?", "ne zaman başvurabilirim"): asked, not
        // an application — the rules say the bot knows no deadline and whom to ask.
        if (applying && IsWhen(bounded, tokens))
        {
            return true;
        }

        // Applying without the exchange's noun, only twice: "can we apply twice?", "who can apply?".
        if (!subject)
        {
            return IsQuestion(bounded, tokens) && (Has(tokens, Twice) || IsEligibility(tokens) || Has(tokens, Deadline));
        }

        if ((Has(tokens, Quantity) && Has(tokens, Allowed)) || Has(tokens, Duration))
        {
            return true;
        }

        // Other words, only in a question ("can I apply for an exchange?" stays the application): "can we do more than
        // one exchange?", "is there a limit on the number of exchanges?", "what's the maximum length of an exchange?"
        // (a maximum without digits: "an exchange of at most 2 weeks?" names a stay, it does not ask about the rule).
        // And: "can I go on two exchanges?" / "¿puedo hacer dos intercambios?" (a number before the noun, with what one
        // may do), "can we apply twice?", "can an exchange last two months?" (not "exchanges last month"), "who can
        // apply for an exchange?", "is there a deadline to apply for an exchange?", "what are the rules for exchanges?".
        return IsQuestion(bounded, tokens)
            && (Has(tokens, MoreThanOne) || Has(tokens, Limit)
                || (Has(tokens, Extreme) && Has(tokens, Measure) && !tokens.Any(t => t.Norm.Any(char.IsDigit)))
                || (Has(tokens, Numbered) && (Has(tokens, Allowed) || Has(tokens, Possible)))
                || Has(tokens, Twice)
                || (Has(tokens, Lasting) && !Has(tokens, NotLasting))
                || IsEligibility(tokens)
                || Has(tokens, Deadline));
    }

    /// <summary>
    /// A "when can …" opening the message ("ne zaman başvurabilirim"), or near its start in a question ("değişime ne zaman
    /// başvurabiliriz?", "so when can we apply?"). Later in a question it follows a request the user made ("I want to apply
    /// for an exchange in Italy, when can I go?"): that stays the request.
    /// </summary>
    private static bool IsWhen(string bounded, IReadOnlyList<Token> tokens) =>
        When.Any(w => w.FindIn(tokens).Any(m => m.Start == 0))
        || (When.Any(w => w.FindIn(tokens).Any(m => m.Start <= WhenNearStart)) && IsQuestion(bounded, tokens));

    /// <summary>How many words may come before the "when" of a question about when to apply.</summary>
    private const int WhenNearStart = 2;

    /// <summary>Who may take part ("who can apply…?", "requisitos"), not who can host (a partner search).</summary>
    private static bool IsEligibility(IReadOnlyList<Token> tokens) => Has(tokens, Eligibility) && !Has(tokens, Host);

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
