using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>
/// "only companies in Portugal", "só empresas em Portugal", "pouze firmy v Česku": a search in that country — it was a
/// search for the word "only" there ("No organisation matches") — and an organisation's name typed alone shows its details.
/// "partners in Česko" (English or Italian) reads as Czech by the place's letters, whose stop words do not hold "in": the
/// results card showed the search as “in” · Czechia — a place preposition right before a place is no search word.
/// </summary>
public sealed class PartnerSearchRestrictorTests : IDisposable
{
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Theory]
    [InlineData("en", "only companies in Portugal", "PT")]
    [InlineData("pt", "só empresas em Portugal", "PT")]
    [InlineData("cs", "pouze firmy v Česku", "CZ")]
    [InlineData("en", "partners in Česko", "CZ")]
    [InlineData("it", "partner in Česko", "CZ")]
    public async Task FreeTextSearch_CompaniesOrPartnersInACountry_ResultsThereWithNoSearchWordShown(string language, string typed, string country)
    {
        using var factory = PartnerHost.Create(databasePath);
        var texts = PartnerTexts.Resolve(language);

        var sent = await PartnerHost.TypeInANewChatAsync(factory, language, typed);

        Assert.DoesNotContain(sent, a => a.Text == texts.NoResults);
        var json = PartnerHost.Text(JsonDocument.Parse(PartnerHost.CardJson(sent[^1])).RootElement);
        Assert.Contains(texts.ResultsTitle, json, StringComparison.Ordinal);
        Assert.Contains(texts.Countries[country], json, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{typed.Split(' ')[0]}\"", json, StringComparison.OrdinalIgnoreCase);
        // No words shown as the search ("“in” · Czechia" before): only the place.
        Assert.DoesNotContain("“", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "who is NTT?", HiTechTexPartners.TecnotessileId)]
    [InlineData("tr", "CITEVE nedir?", HiTechTexPartners.CiteveId)]
    public async Task FreeText_AnOrganisationsName_ItsDetailsCard(string language, string typed, string id)
    {
        using var factory = PartnerHost.Create(databasePath);

        var sent = await PartnerHost.TypeInANewChatAsync(factory, language, typed);

        Assert.DoesNotContain(sent, a => a.Text == ConversationTexts.For(language).DidNotUnderstand);
        var name = HiTechTexPartners.All.Single(o => o.Id == id).Name;
        Assert.Contains(name, PartnerHost.CardJson(sent[^1]), StringComparison.Ordinal);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
