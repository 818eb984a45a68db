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
                    data.Add(language.GetProperty("languageTag").GetString()!, english, translated);
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
                .Select(m => (t.Property, Command: m.Groups[1].Value)))
            .Distinct()
            .ToList();

        Assert.True(quoted.Count >= 30, $"only {quoted.Count} quoted commands found");
        Assert.All(quoted, q => Assert.True(
            InterruptionRecognizer.Recognize(q.Command) != InterruptionKind.None
                || main.CommandOf(q.Command) is not null
                || recognizer.Recognize(q.Command, null).Intent != HiTechTex.Bot.Language.Intent.None,
            $"{q.Property} quotes '{q.Command}', which the bot does not understand"));
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
