using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>
/// The find-partners journey speaks the profile's language everywhere — the results' explanation lines, the answers to
/// an introduction card's buttons — and says so when a country outside the partnership was asked for.
/// </summary>
public sealed class PartnerSearchLanguageTests : IDisposable
{
    private static readonly JsonObject Searcher = PartnerHost.User("29:user-1", "aad-user-1", "Ana Silva");
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Fact]
    public async Task FreeTextSearch_PortugueseProfile_ExplanationLinesArePortuguese()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: "pt");
        var chat = Activities.NewConversationId();

        await PartnerHost.MessageAsync(client, chat, Searcher, "procuro parceiros em Itália para não tecidos");
        var results = PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());

        var portuguese = PartnerTexts.Resolve("pt");
        Assert.Contains(portuguese.ResultsTitle, results, StringComparison.Ordinal);
        Assert.True(results.Contains($"{portuguese.MatchesPrefix}: {TextileTaxonomy.Find("nonwovens")!.LabelIn("pt")}", StringComparison.Ordinal), results);
        Assert.DoesNotContain("matches:", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreeTextSearch_CountryOutsideThePartnership_SaysSoBeforeTheResults()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave");
        var chat = Activities.NewConversationId();

        await PartnerHost.MessageAsync(client, chat, Searcher, "find partners in France for nonwovens");
        var sent = factory.Connector.SentTo(chat);

        Assert.Equal(PartnerTexts.Resolve("en").CountryNotCovered, sent[^2].Text);
        Assert.Contains("matches: nonwovens", PartnerHost.CardJson(sent[^1]), StringComparison.Ordinal);

        await PartnerHost.MessageAsync(client, chat, Searcher, "find partners in Spain for nonwovens");
        Assert.DoesNotContain(factory.Connector.SentTo(chat).Skip(sent.Count), a => a.Text == PartnerTexts.Resolve("en").CountryNotCovered);
    }

    [Theory]
    [InlineData("en", "find partners in France")]
    [InlineData("pt", "procuro parceiros em França")]
    [InlineData("it", "cerco partner in Francia")]
    public async Task FreeTextSearch_OnlyACountryOutsideThePartnership_DoesNotSayItSearched(string language, string typed)
    {
        // "…so I searched those countries." came before the filters card: nothing had been searched.
        using var factory = PartnerHost.Create(databasePath);
        var texts = PartnerTexts.Resolve(language);

        var sent = await PartnerHost.TypeInANewChatAsync(factory, language, typed);

        Assert.Equal(texts.CountryNotCoveredNothingSearched, sent[^2].Text);
        Assert.DoesNotContain(sent, a => a.Text == texts.CountryNotCovered);
        var card = PartnerHost.CardJson(sent[^1]);
        Assert.Contains(texts.FiltersIntro, card, StringComparison.Ordinal);
        Assert.DoesNotContain(texts.ResultsTitle, card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "find partners in Italy or Spain", "IT", "ES")]
    [InlineData("pt", "procuro parceiros em Portugal ou Espanha", "PT", "ES")]
    [InlineData("it", "cerco partner in Italia o Spagna", "IT", "ES")]
    [InlineData("tr", "İtalya veya İspanya'da partner arıyorum", "IT", "ES")]
    [InlineData("cs", "hledám partnery v Itálii nebo Španělsku", "IT", "ES")]
    public async Task FreeTextSearch_TwoCountries_SaysTheFirstIsSearchedAndItsButtonSearchesTheOther(string language, string typed, string searched, string other)
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: language);
        var chat = Activities.NewConversationId();
        var texts = PartnerTexts.Resolve(language);

        // The search of the first country, then a message that says so, with a button for the other.
        await PartnerHost.MessageAsync(client, chat, Searcher, typed);
        var sent = factory.Connector.SentTo(chat);
        Assert.Contains($"\"country\":\"{searched}\"", PartnerHost.CardJson(sent[^2]).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var note = JsonSerializer.SerializeToElement(Assert.Single(sent[^1].Attachments!).Content);
        Assert.Equal(PartnerTexts.Format(texts.OneCountryAtATimeFormat, texts.Countries[searched]), note.GetProperty("body")[0].GetProperty("text").GetString());
        var button = Assert.Single(note.GetProperty("actions").EnumerateArray());
        Assert.Equal(PartnerTexts.Format(texts.SearchCountryFormat, texts.Countries[other]), button.GetProperty("title").GetString());
        Assert.Equal(other, button.GetProperty("data").GetProperty("country").GetString());

        // The button: the same search in the other country.
        await PartnerHost.SubmitAsync(client, chat, Searcher, JsonNode.Parse(button.GetProperty("data").GetRawText())!.AsObject());
        var clicked = factory.Connector.SentTo(chat);
        Assert.Contains($"\"country\":\"{other}\"", PartnerHost.CardJson(clicked[^1]).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreeTextSearch_OneCountry_NoOtherCountryMessage()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave");
        var chat = Activities.NewConversationId();

        await PartnerHost.MessageAsync(client, chat, Searcher, "find partners in Italy");

        Assert.NotEmpty(factory.Connector.SentTo(chat).Last().Attachments!);
        var oneCountryNote = PartnerTexts.Format(PartnerTexts.Resolve("en").OneCountryAtATimeFormat, "Italy");
        Assert.DoesNotContain(factory.Connector.SentTo(chat), a => a.Attachments is { Count: > 0 } && PartnerHost.CardJson(a).Contains(oneCountryNote, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "we'd like to host a visitor from Spain in May")]
    [InlineData("it", "vorremmo ospitare un visitatore dalla Spagna a maggio")]
    public async Task OfferToHost_WithACountry_ExplainedAndThatCountrysPartnersListedNoApplication(string language, string typed)
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: language);
        var chat = Activities.NewConversationId();

        await PartnerHost.MessageAsync(client, chat, Searcher, typed);
        var sent = factory.Connector.SentTo(chat);

        Assert.Equal(PartnerTexts.Resolve(language).HostingExplained, sent[^2].Text);
        var results = PartnerHost.CardJson(sent[^1]);
        Assert.Contains(PartnerTexts.Resolve(language).ResultsTitle, results, StringComparison.Ordinal);
        Assert.Contains("\"country\":\"ES\"", results, StringComparison.Ordinal);
        Assert.DoesNotContain("hostQuery", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntroductionButton_ForgedByAPortugueseUserOnAnEnglishClient_RefusedInPortuguese()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: "pt");
        var chat = Activities.NewConversationId();

        var unknown = await PartnerHost.ExecuteAsync(client, chat, Searcher, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = "no-such-request" });

        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, unknown.GetProperty("type").GetString());
        Assert.Equal(PartnerTexts.Resolve("pt").IntroductionNotFound, unknown.GetProperty("value").GetString());
    }

    [Fact]
    public async Task IntroductionAnswer_RequesterChangedTheirLanguageSince_ToldInTheLanguageTheyHaveNow()
    {
        const string ManagerAad = "6f1c2b4e-0000-4000-8000-00000000c0c1";
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Liberec Knit Lab a.s.", contactAadObjectId: null);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        var managerChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, managerChat, manager);
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, requesterChat, Searcher);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: "en");

        await PartnerHost.SubmitAsync(client, requesterChat, Searcher, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Knitted samples?" });
        var card = JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(managerChat), a => a.Attachments?.Count > 0))).RootElement;
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: "pt");
        await PartnerHost.ExecuteAsync(client, managerChat, manager, IntroductionCardActionHandler.DeclineVerb, new JsonObject { ["introductionId"] = PartnerHost.FindValue(card, "introductionId") });

        Assert.Equal(PartnerTexts.Format(PartnerTexts.Resolve("pt").DeclinedNotice, partner.Name), factory.Connector.SentTo(requesterChat).Last().Text);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
