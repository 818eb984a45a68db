using System.Text.Json;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Testing.Cards;
using HiTechTex.Bot.Tests.Cards;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>The partner's details card before and after the user asked for an introduction.</summary>
public sealed class PartnerDetailCardTests
{
    private static readonly PartnerCards Cards = new(new CardRenderer(new CardTemplateStore(CardTestFiles.CardsDirectory)));

    private static readonly Organisation Partner = TestOrganisations.Make("lab-1", "Prato Finishing Lab", "IT", "Tuscany", "Prato", "it", "Finishing trials.");

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public void Detail_NotYetRequested_OffersTheMessageBoxAndTheRequestButton(string language)
    {
        var texts = PartnerTexts.Resolve(language);

        var card = Cards.Detail(texts, Partner).Content!.Value;

        Assert.Contains(Elements(card), e => e.GetProperty("type").GetString() == "Input.Text" && e.GetProperty("id").GetString() == "message");
        var request = Assert.Single(card.GetProperty("actions").EnumerateArray(), a => a.GetProperty("type").GetString() == "Action.Submit");
        Assert.Equal(texts.RequestIntroduction, request.GetProperty("title").GetString());
        Assert.Equal("partners.intro.request", request.GetProperty("data").GetProperty("action").GetString());
        Assert.DoesNotContain(texts.IntroductionRequestedNote, card.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Prato, Tuscany, Italy")]
    [InlineData("it", "Prato, Toscana, Italia")]
    [InlineData("tr", "Prato, Toskana, İtalya")]
    [InlineData("cs", "Prato, Toskánsko, Itálie")]
    public void Detail_ThePlaceNamesTheRegionInTheReadersLanguage(string language, string place)
    {
        // An Italian reader saw "Prato, Tuscany, Italia": the directory's English name of the region.
        var texts = PartnerTexts.Resolve(language);
        var card = Cards.Detail(texts, Partner).Content!.Value;

        Assert.Contains($"{texts.Kinds[Partner.Kind]} · {place}", Texts(card));
    }

    /// <summary>Every "text" of the card, at any depth (a TextRun's too).</summary>
    private static List<string> Texts(JsonElement element)
    {
        var found = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in e.EnumerateObject())
                {
                    if (property.NameEquals("text") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        found.Add(property.Value.GetString()!);
                    }

                    Walk(property.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(element);
        return found;
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public void Detail_StartsWithAHeadingForScreenReadersAndKeepsTheNameLiteral(string language)
    {
        var texts = PartnerTexts.Resolve(language);
        var partner = Partner with { Name = "**ACME** [Click](https://phish.example) _Lab_" };   // stored before the editor refused it

        var body = Cards.Detail(texts, partner).Content!.Value.GetProperty("body").EnumerateArray().ToList();

        // The first element is a heading (Teams gives it the heading role) in the reader's language, no directory text in it.
        Assert.Equal("TextBlock", body[0].GetProperty("type").GetString());
        Assert.Equal("heading", body[0].GetProperty("style").GetString());
        Assert.Equal(texts.DetailsHeading, body[0].GetProperty("text").GetString());
        // The name follows as a TextRun (shown literally), not as Markdown.
        Assert.Equal("RichTextBlock", body[1].GetProperty("type").GetString());
        Assert.Equal(partner.Name, body[1].GetProperty("inlines")[0].GetProperty("text").GetString());
        Assert.DoesNotContain(body, e => e.GetProperty("type").GetString() == "TextBlock" && e.GetProperty("text").GetString()!.Contains("ACME", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public void Detail_Requested_SaysSoAndOffersNothingToRequestAgain(string language)
    {
        var texts = PartnerTexts.Resolve(language);

        var card = Cards.Detail(texts, Partner, requested: true).Content!.Value;

        Assert.Contains(Elements(card), e => e.GetProperty("type").GetString() == "TextBlock" && e.GetProperty("text").GetString() == texts.IntroductionRequestedNote);
        Assert.DoesNotContain(Elements(card), e => e.GetProperty("type").GetString()!.StartsWith("Input.", StringComparison.Ordinal));
        Assert.DoesNotContain(card.GetProperty("actions").EnumerateArray(), a => a.GetProperty("type").GetString() == "Action.Submit");
        Assert.Contains(Partner.Name, card.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public void Detail_ReaderManagesTheEntry_OffersNoRequestButSaysWhereTheContactsAre(string language)
    {
        var texts = PartnerTexts.Resolve(language);

        var card = Cards.Detail(texts, Partner, managed: true).Content!.Value;

        var note = PartnerTexts.Format(texts.ManagedMemberNote, texts.ManageMembersCommands[0]);
        Assert.Contains(Elements(card), e => e.GetProperty("type").GetString() == "TextBlock" && e.GetProperty("text").GetString() == note);
        Assert.DoesNotContain(Elements(card), e => e.GetProperty("type").GetString()!.StartsWith("Input.", StringComparison.Ordinal));
        Assert.DoesNotContain("partners.intro.request", card.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(texts.IntroductionRequestedNote, card.GetRawText(), StringComparison.Ordinal);
        var edit = Assert.Single(card.GetProperty("actions").EnumerateArray(), a => a.GetProperty("type").GetString() == "Action.Submit");
        Assert.Equal(texts.Edit, edit.GetProperty("title").GetString());
        Assert.Equal(PartnerMemberEditor.EditAction, edit.GetProperty("data").GetProperty("action").GetString());
        Assert.Equal(Partner.Id, edit.GetProperty("data").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public void Detail_ReaderIsOneOfTheContacts_OffersNoRequestAndSaysWhy(string language)
    {
        var texts = PartnerTexts.Resolve(language);

        var card = Cards.Detail(texts, Partner, ownContact: true).Content!.Value;

        Assert.Contains(Elements(card), e => e.GetProperty("type").GetString() == "TextBlock" && e.GetProperty("text").GetString() == texts.OwnContactNote);
        Assert.DoesNotContain(Elements(card), e => e.GetProperty("type").GetString()!.StartsWith("Input.", StringComparison.Ordinal));
        Assert.DoesNotContain("partners.intro.request", card.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(card.GetProperty("actions").EnumerateArray(), a => a.GetProperty("type").GetString() == "Action.Submit");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public void Detail_NobodyThereCanBeReached_OffersNoMessageBoxNorRequestAndSaysWhy(string language)
    {
        // Before: the box and the button were offered, and the message typed there ended in "Nobody at … can be
        // reached through the bot yet, so the request was not sent."
        var texts = PartnerTexts.Resolve(language);

        var card = Cards.Detail(texts, Partner, reachable: false).Content!.Value;

        Assert.Contains(Elements(card), e => e.GetProperty("type").GetString() == "TextBlock" && e.GetProperty("text").GetString() == texts.IntroductionUnreachableNote);
        Assert.DoesNotContain(Elements(card), e => e.GetProperty("type").GetString()!.StartsWith("Input.", StringComparison.Ordinal));
        Assert.DoesNotContain("partners.intro.request", card.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("tr")]
    [InlineData("cs")]
    public void Detail_TheOrganisationsLanguages_AreNamedNotCoded(string language)
    {
        // Before: "Languages: pt, en", "Diller: pt, en", codes a reader has to decode.
        var partner = Partner with { Languages = ["pt", "en", "cs", "xx-yy"] };

        var card = Cards.Detail(PartnerTexts.Resolve(language), partner).Content!.Value;

        var strings = Strings(card).ToList();
        Assert.Contains("Português, English, Čeština, xx-yy", strings);
        Assert.DoesNotContain(strings, s => s.Contains("pt, en", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Fact]
    public void Detail_Reachable_DoesNotSayItIsUnreachable()
    {
        var card = Cards.Detail(PartnerTexts.Resolve("en"), Partner).Content!.Value;

        Assert.DoesNotContain(PartnerTexts.Resolve("en").IntroductionUnreachableNote, card.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6f1c2b4e-0000-4000-8000-00000000c0a1", true)]
    [InlineData("6F1C2B4E-0000-4000-8000-00000000C0A1", true)]
    [InlineData("6f1c2b4e-0000-4000-8000-00000000ffff", false)]
    [InlineData(null, false)]
    [InlineData("", false)]
    public void IsOwnContact_ReaderAgainstTheContactsTeamsIds_OnlyAListedOneMatches(string? reader, bool expected)
    {
        var organisation = Partner with
        {
            Contacts = [new PartnerContact("Jana", "jana@example.org", "6f1c2b4e-0000-4000-8000-00000000c0a1"), new PartnerContact("No Teams", "nt@example.org", null), new PartnerContact("Bad id", "b@example.org", "")],
        };

        Assert.Equal(expected, IntroductionService.IsOwnContact(organisation, reader));
    }

    [Fact]
    public void Results_SearchTextWithAMarkdownLink_IsShownLiterally()
    {
        // The search text comes from the filters card's text box; Teams renders a TextBlock's Markdown, so a typed
        // "[Login](https://…)" would be a link on the bot's card, in a group chat for everyone.
        const string Typed = "[Login to see partners](https://evil.example/login) nonwovens";
        var query = PartnerQuery.Create(Typed);
        var results = new PartnerSearchResults([], 0);

        var card = Cards.Results(PartnerTexts.Resolve("en"), query, results, 5).Content!.Value;

        Assert.Single(CardJson.Elements(card), e => e.GetProperty("type").GetString() == "TextRun" && e.GetProperty("text").GetString()!.Contains(Typed, StringComparison.Ordinal));
        Assert.DoesNotContain(CardJson.Elements(card), e => e.GetProperty("type").GetString() == "TextBlock" && e.GetProperty("text").GetString()!.Contains("evil.example", StringComparison.Ordinal));
    }

    private static IEnumerable<JsonElement> Elements(JsonElement card) => card.GetProperty("body").EnumerateArray();

}
