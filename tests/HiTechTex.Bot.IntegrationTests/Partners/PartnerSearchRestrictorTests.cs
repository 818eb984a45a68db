using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>
/// "only companies in Portugal", "só empresas em Portugal", "pouze firmy v Česku": a search in that country — it was a
/// search for the word "only" there ("No organisation matches") — and an organisation's name typed alone shows its details.
/// </summary>
public sealed class PartnerSearchRestrictorTests : IDisposable
{
    private static readonly System.Text.Json.Nodes.JsonObject Searcher = PartnerHost.User("29:user-1", "aad-user-1", "Ana Silva");
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Theory]
    [InlineData("en", "only companies in Portugal", "PT")]
    [InlineData("pt", "só empresas em Portugal", "PT")]
    [InlineData("cs", "pouze firmy v Česku", "CZ")]
    public async Task FreeTextSearch_OnlyCompaniesInACountry_ResultsThereNotNothingFoundForOnly(string language, string typed, string country)
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: language);
        var chat = Activities.NewConversationId();
        var texts = PartnerTexts.Resolve(language);

        await PartnerHost.MessageAsync(client, chat, Searcher, typed);
        var sent = factory.Connector.SentTo(chat);

        Assert.DoesNotContain(sent, a => a.Text == texts.NoResults);
        var json = PartnerHost.Text(JsonDocument.Parse(PartnerHost.CardJson(sent[^1])).RootElement);
        Assert.Contains(texts.ResultsTitle, json, StringComparison.Ordinal);
        Assert.Contains(texts.Countries[country], json, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{typed.Split(' ')[0]}\"", json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("en", "who is NTT?", HiTechTexPartners.TecnotessileId)]
    [InlineData("tr", "CITEVE nedir?", HiTechTexPartners.CiteveId)]
    public async Task FreeText_AnOrganisationsName_ItsDetailsCard(string language, string typed, string id)
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: language);
        var chat = Activities.NewConversationId();

        await PartnerHost.MessageAsync(client, chat, Searcher, typed);
        var sent = factory.Connector.SentTo(chat);

        Assert.DoesNotContain(sent, a => a.Text == ConversationTexts.For(language).DidNotUnderstand);
        var name = HiTechTexPartners.All.Single(o => o.Id == id).Name;
        Assert.Contains(name, PartnerHost.CardJson(sent[^1]), StringComparison.Ordinal);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
