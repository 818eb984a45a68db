using HiTechTex.Bot.Language.Vocabulary;

namespace HiTechTex.Bot.Language;

/// <summary>
/// Recognizes the role commands asked for in one's own words, in EN, PT, ES, IT, TR and CS ("candidaturas pendentes",
/// "how many exchanges so far?", "export exchanges to excel"), typo-tolerant like the intents (<see cref="Phrase"/>):
/// a command is named when the text has a word of every group of one of its rules (<see cref="RoleCommandWords"/>).
/// It says nothing of who may use the command — roles come from the configuration, checked by the caller.
/// </summary>
internal static class RoleCommandRecognizer
{
    private static readonly Phrase[] Pending = Compile(RoleCommandWords.Pending);
    private static readonly Phrase[] Approve = Compile(RoleCommandWords.Approve);
    private static readonly Phrase[] Application = Compile(RoleCommandWords.Application);
    private static readonly Phrase[] Exchange = Compile(RoleCommandWords.Exchange);
    private static readonly Phrase[] Progress = Compile(RoleCommandWords.Progress);
    private static readonly Phrase[] Stuck = Compile(RoleCommandWords.Stuck);
    private static readonly Phrase[] Export = Compile(RoleCommandWords.Export);
    private static readonly Phrase[] Members = Compile(RoleCommandWords.Members);
    private static readonly Phrase[] Manage = Compile(RoleCommandWords.Manage);
    private static readonly Phrase[] Create = Compile(RoleCommandWords.Create);
    private static readonly Phrase[] Session = Compile(RoleCommandWords.Session);
    private static readonly Phrase[] Import = Compile(RoleCommandWords.Import);
    private static readonly Phrase[] Book = Compile(RoleCommandWords.Book);
    private static readonly Phrase[] Form = Compile(RoleCommandWords.Form);
    private static readonly Phrase[] Calendar = Compile(RoleCommandWords.Calendar);

    // "is my application still pending?", "export my sessions": one's own list, never a role's command. Turkish says
    // "my" with a suffix, one letter from the plain word: "başvurularım" (my applications) is one edit from
    // "başvuruları" (the applications, "takılan başvuruları göster"), so its possessive forms count only as written.
    private static readonly Phrase[] Own = [.. Languages.All
        .SelectMany(l => l.Intents.Where(i => i.Key is Intent.MyApplications or Intent.MySessions)
            .SelectMany(i => i.Value.Select(p => new Phrase(p, allowTypos: !PossessiveBySuffix(l)))))];

    // In this order when a text names several: "export the pending applications" exports.
    private static readonly (RoleCommand Command, Phrase[][][] Rules)[] Commands =
    [
        (RoleCommand.ExportExchanges, [[Export, Exchange], [Export, Application]]),
        (RoleCommand.ImportSessions, [[Import, Session]]),
        (RoleCommand.StuckApplications, [[Stuck, Application], [Stuck, Exchange]]),
        (RoleCommand.ExchangeProgress, [[Progress, Exchange]]),
        (RoleCommand.PendingApprovals, [[Pending, Application], [Pending, Approve], [Approve, Application], [Approve, Exchange], [Pending, Exchange]]),
        (RoleCommand.ManageMembers, [[Manage, Members]]),
        (RoleCommand.NewSession, [[Create, Session]]),
    ];

    /// <summary>The role command <paramref name="text"/> asks for, or <see cref="RoleCommand.None"/>.</summary>
    public static RoleCommand Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RoleCommand.None;
        }

        var bounded = IntentText.Bounded(text);
        var tokens = TextNormalizer.Tokenize(bounded);
        // "quantos intercâmbios posso fazer?" asks about the rules, not for the coordinator's figures.
        if (tokens.Count == 0 || Has(tokens, Own) || RulesQuestionRecognizer.IsRulesQuestion(bounded, tokens))
        {
            return RoleCommand.None;
        }

        foreach (var (command, rules) in Commands)
        {
            if (rules.Any(groups => groups.All(group => Has(tokens, group)))
                && !(command == RoleCommand.NewSession && (Has(tokens, Book) || Has(tokens, Calendar)))
                && !(command == RoleCommand.ExportExchanges && Has(tokens, Form)))
            {
                return command;
            }
        }

        return RoleCommand.None;
    }

    /// <summary>Whether the language says "my" with a suffix on the noun (Turkish), a typo away from the plain noun.</summary>
    private static bool PossessiveBySuffix(LanguageVocabulary language) => language.Code == "tr";

    private static bool Has(IReadOnlyList<Token> tokens, Phrase[] phrases) => phrases.Any(p => p.FindIn(tokens).Any());

    private static Phrase[] Compile(string[] phrases) => [.. phrases.Select(p => new Phrase(p))];
}
