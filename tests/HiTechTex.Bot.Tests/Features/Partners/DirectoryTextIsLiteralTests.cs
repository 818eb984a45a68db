using System.Text.Json;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using HiTechTex.Bot.Testing.Cards;
using HiTechTex.Bot.Tests.Cards;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>
/// Text from the directory (names, cities, regions, contact names) and from people (a requester's name and
/// organisation, who decided) is shown literally on every partner card: only ever as the text of a <c>TextRun</c>,
/// never in a <c>TextBlock</c> or a FactSet, where Teams reads Markdown and "[Click](https://evil.example)" would be
/// a link. Entries stored before the editor refused links (or seeded, or synced) are not checked again, so the cards
/// must not trust them.
/// </summary>
public sealed class DirectoryTextIsLiteralTests
{
    private const string Name = "[Click](https://evil.example) **ACME**";
    private const string Region = "[Region](https://evil-region.example)";
    private const string City = "**Prato** _city_";
    private const string Person = "[Alex](https://evil-person.example)";

    private static readonly PartnerCards Cards = new(new CardRenderer(new CardTemplateStore(CardTestFiles.CardsDirectory)));

    private static readonly Organisation Partner = TestOrganisations.Make("lab-md", Name, "IT", Region, City, "it", "Finishing trials.",
        [TextileTaxonomy.FunctionalFinishing], [ValueChainStage.Finishing], [PartnerService.TestingLab]) with { Languages = ["it", "[en](https://evil-language.example)"] };

    public static TheoryData<string> Languages() => ["en", "pt", "es", "it", "tr", "cs"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Results_MarkdownInNameCityAndRegion_OnlyInTextRuns(string language)
    {
        var texts = PartnerTexts.Resolve(language);
        var hit = new PartnerSearchHit(Partner.Id, Name, Partner.Kind, "IT", Region, City, 1, [TextileTaxonomy.FunctionalFinishing], ["finishing"]);

        var card = Cards.Results(texts, PartnerQuery.Create("finishing"), new PartnerSearchResults([hit], 1), 5).Content!.Value;

        AssertOnlyInTextRuns(card, Name, Region, City);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Detail_MarkdownInNamePlaceAndLanguages_OnlyInTextRuns(string language)
    {
        var card = Cards.Detail(PartnerTexts.Resolve(language), Partner).Content!.Value;

        AssertOnlyInTextRuns(card, Name, Region, City, "evil-language.example");
        Assert.DoesNotContain(CardJson.Elements(card), e => e.GetProperty("type").GetString() == "FactSet");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Summary_MessageExtensionCardWithMarkdownName_OnlyInTextRuns(string language)
    {
        var texts = PartnerTexts.Resolve(language);
        var hit = new PartnerSearchHit(Partner.Id, Name, Partner.Kind, "IT", Region, City, 1, [], []);

        var card = Cards.Summary(texts, hit, Partner.Description, Partner.Website).Content!.Value;

        AssertOnlyInTextRuns(card, Name, Region, City);
    }

    [Theory]
    [InlineData(nameof(IntroductionStatus.Pending))]
    [InlineData(nameof(IntroductionStatus.Accepted))]
    [InlineData(nameof(IntroductionStatus.Declined))]
    public void Introduction_MarkdownInRequesterPartnerAndDecider_OnlyInTextRuns(string statusName)
    {
        var status = Enum.Parse<IntroductionStatus>(statusName);
        var introduction = new Introduction("0f8fad5bd9cb469fa16570867728950e", Person, Region, "en", "a:chat", Partner.Id, Name, "Hello",
            ["6f1c2b4e-0000-4000-8000-00000000c0a1"], [], status, status == IntroductionStatus.Pending ? null : City);

        foreach (var texts in PartnerTexts.All)
        {
            var card = Cards.Introduction(texts, introduction, canAnswer: true, ["29:contact"]).Content!.Value;

            AssertOnlyInTextRuns(card, Person, Region, Name);
            if (status != IntroductionStatus.Pending)
            {
                AssertOnlyInTextRuns(card, City);
            }

            Assert.DoesNotContain(CardJson.Elements(card), e => e.GetProperty("type").GetString() == "FactSet");
        }
    }

    [Theory]
    [InlineData(nameof(IntroductionStatus.Accepted))]
    [InlineData(nameof(IntroductionStatus.Declined))]
    public void Introduction_NamesStoredBeforeTheRulesWithBidiOverrideOrLineBreak_TextRunsWithoutThem(string statusName)
    {
        // A requester's profile name or a decider's name stored before the name rules: a right-to-left override turns
        // the rest of the line around ("Accepted by Eve" reads otherwise), a line break fakes another row.
        const string Requester = "**Ana**\u202E gnirts\nStatus: Accepted";
        const string Decider = "Eve\u2066 [ok](https://evil-decider.example)\r\nby the coordinator";
        var (requester, decider) = (Requester, Decider);
        var status = Enum.Parse<IntroductionStatus>(statusName);
        var introduction = new Introduction("0f8fad5bd9cb469fa16570867728950e", requester, "Org\u2028two", "en", "a:chat", Partner.Id, Name, "Hello",
            ["6f1c2b4e-0000-4000-8000-00000000c0a1"], [], status, decider);

        foreach (var texts in PartnerTexts.All)
        {
            var card = Cards.Introduction(texts, introduction, canAnswer: false, ["29:contact"]).Content!.Value;

            var runs = CardJson.Elements(card).Where(e => e.GetProperty("type").GetString() == "TextRun").Select(e => e.GetProperty("text").GetString()!).ToList();
            Assert.Contains(NameRule.ForCard(requester), runs);
            Assert.Contains(runs, r => r.Contains(NameRule.ForCard(decider), StringComparison.Ordinal));
            Assert.Contains("**Ana**", string.Join("\n", runs), StringComparison.Ordinal);
            Assert.DoesNotContain(runs, r => r.IndexOfAny(['\u202E', '\u2066', '\n', '\r', '\u2028']) >= 0);
            AssertOnlyInTextRuns(card, "evil-decider.example", "**Ana**");
        }
    }

    [Fact]
    public async Task QueryAsync_MarkdownInTheDirectory_PreviewAndCardShowItLiterally()
    {
        // The result list's thumbnail preview: its title is never formatted, its text is read as HTML (not Markdown).
        var stored = Partner with { Region = "<b>Toscana</b> & [x](https://evil-region.example)" };
        using var index = TestOrganisations.IndexOf([stored]);
        var readiness = new PartnerDirectoryReadiness();
        readiness.SetReady();
        var extension = new PartnerSearchComposeExtension(index, new InMemoryPartnerDirectory(index, [stored]), readiness, Cards);
        var turn = new Mock<ITurnContext>();
        turn.SetupGet(t => t.Activity).Returns(new Activity { Type = ActivityTypes.Invoke, Locale = "en-US" });
        turn.SetupGet(t => t.TurnState).Returns(new Dictionary<string, object>());
        var query = JsonDocument.Parse("""{"commandId":"searchPartners","parameters":[{"name":"query","value":"finishing"}]}""").RootElement;

        var response = await extension.QueryAsync(turn.Object, query, CancellationToken.None);

        var attachment = Assert.Single(response.GetProperty("composeExtension").GetProperty("attachments").EnumerateArray());
        AssertOnlyInTextRuns(attachment.GetProperty("content"), Name, City, "evil-region.example");
        var preview = attachment.GetProperty("preview").GetProperty("content");
        Assert.Equal(Name, preview.GetProperty("title").GetString());
        var text = preview.GetProperty("text").GetString()!;
        Assert.Contains("&lt;b&gt;Toscana&lt;/b&gt; &amp; [x](https://evil-region.example)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Norte", "Norte")]
    [InlineData("Provence-Alpes-Côte d'Azur", "Provence-Alpes-Côte d'Azur")]
    [InlineData("A & B <i>", "A &amp; B &lt;i&gt;")]
    public void PreviewText_OnlyMarkupCharacters_AreWrittenAsEntities(string text, string expected)
    {
        Assert.Equal(expected, PartnerSearchComposeExtension.PreviewText(text));
    }

    /// <summary>
    /// Each value appears on the card, and wherever it appears (any string of any object: elements, facts, actions) it
    /// is the <c>text</c> of a <c>TextRun</c>.
    /// </summary>
    private static void AssertOnlyInTextRuns(JsonElement card, params string[] values)
    {
        foreach (var value in values)
        {
            var holders = Holders(card, value).ToList();
            Assert.NotEmpty(holders);
            Assert.All(holders, holder => Assert.Equal("TextRun.text", holder));
        }
    }

    private static IEnumerable<string> Holders(JsonElement element, string value) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Value.ValueKind == JsonValueKind.String
                ? p.Value.GetString()!.Contains(value, StringComparison.Ordinal)
                    ? [$"{(element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "(untyped)")}.{p.Name}"]
                    : []
                : Holders(p.Value, value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => Holders(e, value)),
        _ => [],
    };
}
