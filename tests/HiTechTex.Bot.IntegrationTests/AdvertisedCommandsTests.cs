using System.Text.Json;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.Dialogs;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests;

/// <summary>
/// Every command the app tells its users to type is one the running bot understands, in all six languages: the command
/// menus of the Teams app package (manifest/*.json — Teams sends the title a user picks as the message text,
/// untranslated, so each must be the same command in that language as its English title, or a Portuguese user's "as
/// minhas candidaturas" from the menu would get "I didn't understand"), the help card's commands, and every command the
/// bot's texts quote. (The information pages' commands: InformationPagesTests.)
/// </summary>
public sealed class AdvertisedCommandsTests(DevelopmentHostFixture host) : IClassFixture<DevelopmentHostFixture>
{
    /// <summary>Each English title with the bot's command words for it in a language.</summary>
    private static readonly Dictionary<string, Func<string, IEnumerable<string>>> Vocabulary = new(StringComparer.Ordinal)
    {
        ["apply for exchange"] = l => ExchangeTexts.Resolve(l).ApplyCommands,
        ["apply step by step"] = l => ExchangeTexts.Resolve(l).StepByStepCommands,
        ["my applications"] = l => ExchangeTexts.Resolve(l).MyApplicationsCommands,
        ["pending approvals"] = l => ExchangeTexts.Resolve(l).PendingApprovalsCommands,
        ["exchange progress"] = l => ExchangeTexts.Resolve(l).ProgressCommands,
        ["sessions"] = l => CoachingTexts.Resolve(l).ListCommands,
        ["my sessions"] = l => CoachingTexts.Resolve(l).MineCommands,
        ["my profile"] = l => ConversationTexts.For(l).ProfileCommands,
        ["help"] = l => [ConversationTexts.For(l).HelpWord],
    };

    public static TheoryData<string, string, string> MenuCommands()
    {
        var root = Path.Combine(Playground.RepositoryPaths.RepositoryRoot, "manifest");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "manifest.json")));
        var data = new TheoryData<string, string, string>();
        // The personal and team lists repeat commands: each (language, title, translation) once.
        var seen = new HashSet<(string, string, string)>();
        var lists = manifest.RootElement.GetProperty("bots")[0].GetProperty("commandLists");
        foreach (var language in manifest.RootElement.GetProperty("localizationInfo").GetProperty("additionalLanguages").EnumerateArray())
        {
            using var strings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, language.GetProperty("file").GetString()!)));
            for (var list = 0; list < lists.GetArrayLength(); list++)
            {
                var commands = lists[list].GetProperty("commands");
                for (var command = 0; command < commands.GetArrayLength(); command++)
                {
                    var english = commands[command].GetProperty("title").GetString()!;
                    var translated = strings.RootElement.GetProperty($"bots[0].commandLists[{list}].commands[{command}].title").GetString()!;
                    var tag = language.GetProperty("languageTag").GetString()!;
                    if (seen.Add((tag, english, translated)))
                    {
                        data.Add(tag, english, translated);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MenuCommands))]
    public void ATranslatedMenuCommand_StartsWhatItsEnglishTitleStarts(string language, string english, string translated)
    {
        using var scope = host.Factory.Services.CreateScope();
        var main = scope.ServiceProvider.GetRequiredService<MainDialog>();

        var englishRoute = Route(main, english);
        var translatedRoute = Route(main, translated);

        Assert.NotNull(englishRoute);
        Assert.True(englishRoute == translatedRoute, $"{language} '{translated}' starts '{translatedRoute ?? "nothing"}', '{english}' starts '{englishRoute}'");
    }

    [Theory]
    [MemberData(nameof(MenuCommands))]
    public void ATranslatedMenuCommand_IsTheSameCommandInItsLanguage(string language, string english, string translated)
    {
        // Within a journey the words decide (the session catalogue or one's own sessions, my applications or the
        // approvals waiting): the translation must be among the words of the same command in its language.
        if (english == "find partners")
        {
            using var scope = host.Factory.Services.CreateScope();
            var commands = scope.ServiceProvider.GetServices<IJourney>().OfType<FindPartnersJourney>().Single().Commands;
            Assert.Contains(commands, c => TypedCommand.Matches(c, english));
            Assert.Contains(commands, c => TypedCommand.Matches(c, translated));
            return;
        }

        Assert.True(Vocabulary.TryGetValue(english, out var words), $"no vocabulary for the menu command '{english}'");
        Assert.Contains(words("en"), c => TypedCommand.Matches(c, english));
        Assert.Contains(words(language), c => TypedCommand.Matches(c, translated));
    }

    public static TheoryData<string> Languages() => [.. ConversationTexts.All.Select(t => t.Language)];

    /// <summary>
    /// The help card says "type these": each of its bold commands, in each language, is a command the bot knows or a
    /// request its local recognizer understands — and the two lists of one's own records are exact commands.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryCommandOfTheHelpCard_IsUnderstoodInItsLanguage(string language)
    {
        using var scope = host.Factory.Services.CreateScope();
        var main = scope.ServiceProvider.GetRequiredService<MainDialog>();
        var recognizer = scope.ServiceProvider.GetRequiredService<HiTechTex.Bot.Language.LocalIntentRecognizer>();
        var texts = ConversationTexts.For(language);
        var card = scope.ServiceProvider.GetRequiredService<ConversationCards>().Help(texts).Content!.Value;

        var commands = Strings(card)
            .SelectMany(text => System.Text.RegularExpressions.Regex.Matches(text, @"\*\*(?<c>[^*]+)\*\*").Select(m => m.Groups["c"].Value))
            .ToList();

        Assert.Equal(7, commands.Count);
        Assert.All(commands, c => Assert.True(
            Route(main, c) is not null || recognizer.Recognize(c, language).Intent != HiTechTex.Bot.Language.Intent.None,
            $"{language}: the help card's '{c}' is not understood"));
        Assert.Equal("exchange.tracking", Route(main, texts.MyApplicationsWord));
        Assert.Equal("coaching", Route(main, texts.MySessionsWord));
    }

    /// <summary>
    /// Every text the bot says that quotes something to type — "type \"my sessions\"", "\"cancelar\" interrompe…",
    /// "Say \"my applications\"" — quotes a command the bot understands, in every language.
    /// </summary>
    /// <summary>Choice labels of the bot's questions, which their retry texts quote (understood by the choice prompt).</summary>
    private static readonly string[] ChoiceLabels = [nameof(ConversationTexts.NoneOfTheseOrganisations)];

    /// <summary>Texts said inside a question, whose quoted words that question (not the main conversation) understands.</summary>
    private static readonly Dictionary<string, Func<string, bool>> QuestionWords = new(StringComparer.Ordinal)
    {
        [nameof(ExchangeTexts.EditStepByStepIntro)] = ExchangeTexts.IsKeep,
    };

    [Fact]
    public void EveryQuotedCommandInTheBotsTexts_IsUnderstood()
    {
        using var scope = host.Factory.Services.CreateScope();
        var main = scope.ServiceProvider.GetRequiredService<MainDialog>();
        var recognizer = scope.ServiceProvider.GetRequiredService<HiTechTex.Bot.Language.LocalIntentRecognizer>();
        var texts = ConversationTexts.All.Cast<object>().Concat(ExchangeTexts.All).Concat(CoachingTexts.All);

        var quoted = texts
            .SelectMany(t => t.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (Owner: t, Property: p.Name, Text: (string?)p.GetValue(t))))
            .SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t.Text ?? "", "[\"„“«]([^\"„“”«»{}]{1,40})[\"“”»]")
                .Select(m => (t.Property, Command: m.Groups[1].Value))
                // A question's retry may quote the question's own choice ("…or \"None of these\" to type it again"):
                // the choice prompt understands it, it is no command of the main conversation.
                .Where(q => !ChoiceLabels.Any(label => t.Owner.GetType().GetProperty(label)?.GetValue(t.Owner) as string == q.Command)))
            .Distinct()
            .ToList();

        Assert.True(quoted.Count >= 30, $"only {quoted.Count} quoted commands found");
        Assert.All(quoted, q => Assert.True(
            InterruptionRecognizer.Recognize(q.Command) != InterruptionKind.None
                || main.CommandOf(q.Command) is not null
                || recognizer.Recognize(q.Command, null).Intent != HiTechTex.Bot.Language.Intent.None
                // "To get started, say \"hello\"": a greeting, answered with the hello and the menu.
                || SmallTalk.Recognize(q.Command) == SmallTalkKind.Greeting
                // The step-by-step edit's "type \"keep\"": its questions understand the keep words (not the main conversation).
                || (QuestionWords.TryGetValue(q.Property, out var understood) && understood(q.Command)),
            $"{q.Property} quotes '{q.Command}', which the bot does not understand"));
    }

    /// <summary>
    /// Every button of every card template does something: each <c>data.action</c> of an <c>Action.Submit</c> is a
    /// journey's card action or one of the main dialog's own (the menu, help), and each <c>verb</c> of an
    /// <c>Action.Execute</c> has a handler — a button nobody handles would answer "I didn't understand" to a click.
    /// </summary>
    [Fact]
    public void EveryButtonOfEveryCardTemplate_IsHandled()
    {
        using var scope = host.Factory.Services.CreateScope();
        var journeys = scope.ServiceProvider.GetServices<IJourney>().ToList();
        var handlers = scope.ServiceProvider.GetServices<ICardActionHandler>().ToList();
        // approval.json is the documented example of Action.Execute with a fallback (cards/README.md), never sent by the bot.
        var cards = Directory.EnumerateFiles(Path.Combine(Playground.RepositoryPaths.RepositoryRoot, "cards"), "*.json")
            .Where(f => Path.GetFileName(f) != "approval.json")
            .ToList();
        var actions = new List<(string Card, string Action)>();
        var verbs = new List<(string Card, string Verb)>();
        foreach (var file in cards)
        {
            using var card = JsonDocument.Parse(File.ReadAllText(file));
            Collect(card.RootElement, Path.GetFileName(file), actions, verbs);
        }

        Assert.True(actions.Count >= 30 && verbs.Count >= 10, $"{actions.Count} actions and {verbs.Count} verbs found");
        Assert.All(actions, a => Assert.True(
            a.Action is "welcome" or "help" || journeys.Any(j => j.CardActions.Contains(a.Action)),
            $"{a.Card}: no journey handles the button action '{a.Action}'"));
        Assert.All(verbs, v => Assert.True(handlers.Any(h => h.CanHandle(v.Verb)), $"{v.Card}: no handler for the verb '{v.Verb}'"));
    }

    private static void Collect(JsonElement element, string card, List<(string, string)> actions, List<(string, string)> verbs)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type == "Action.Submit" && element.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String && !action.GetString()!.Contains("${", StringComparison.Ordinal))
            {
                actions.Add((card, action.GetString()!));
            }

            if (type == "Action.Execute" && element.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String && !verb.GetString()!.Contains("${", StringComparison.Ordinal))
            {
                verbs.Add((card, verb.GetString()!));
            }

            foreach (var property in element.EnumerateObject())
            {
                Collect(property.Value, card, actions, verbs);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, card, actions, verbs);
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>What a whole typed message starts: help (an interruption anywhere) or the journey whose command it is.</summary>
    private static string? Route(MainDialog main, string text) =>
        InterruptionRecognizer.Recognize(text) == InterruptionKind.Help ? "help" : main.CommandOf(text)?.Dialog.Id;
}
