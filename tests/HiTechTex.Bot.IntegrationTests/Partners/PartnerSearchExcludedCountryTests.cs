using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>
/// "find partners not in Italy" — and "não em Itália", "no en Italia", "non in Italia", "İtalya dışında", "ne v Itálii" —
/// was a search for the word "not" in Italy ("No organisation matches"); now it lists the organisations of every other
/// country, says so on the results ("all countries except Italy"), and its pages keep leaving Italy out. The same for a
/// partner region ("not in Tuscany"); a country outside the directory ("not in France") is said to leave nothing out.
/// </summary>
public sealed class PartnerSearchExcludedCountryTests : IDisposable
{
    private static readonly JsonObject Searcher = PartnerHost.User("29:user-1", "aad-user-1", "Ana Silva");
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    /// <summary>"find partners not in Italy" in the six languages: (language, typed).</summary>
    public static TheoryData<string, string> NotInItaly { get; } = new()
    {
        { "en", "find partners not in Italy" },
        { "pt", "encontrar parceiros não em Itália" },
        { "es", "buscar socios no en Italia" },
        { "it", "trova partner non in Italia" },
        { "tr", "İtalya dışında partner arıyorum" },
        { "cs", "najdi partnery ne v Itálii" },
    };

    [Theory]
    [MemberData(nameof(NotInItaly))]
    public async Task FreeTextSearch_NotInItaly_ListsEveryOtherCountry_SaysSo_PagesKeepItOut(string language, string typed)
    {
        // Two a page, so that the search has a next page whatever the directory's size.
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { ["Partners:PageSize"] = "2" });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: language);
        var chat = Activities.NewConversationId();
        var texts = PartnerTexts.Resolve(language);
        using var scope = factory.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<IPartnerDirectory>();

        await PartnerHost.MessageAsync(client, chat, Searcher, typed);
        var sent = factory.Connector.SentTo(chat);

        Assert.DoesNotContain(sent, a => a.Text == texts.NoResults);
        var card = JsonDocument.Parse(PartnerHost.CardJson(sent[^1])).RootElement;
        var json = PartnerHost.Text(card);
        Assert.Contains(texts.ResultsTitle, json, StringComparison.Ordinal);
        Assert.Contains(PartnerTexts.Format(texts.ExceptCountriesFormat, texts.Countries["IT"]), json, StringComparison.Ordinal);
        var first = await CountriesOfAsync(directory, card);
        Assert.NotEmpty(first);
        Assert.DoesNotContain("IT", first);

        // The next page leaves Italy out too.
        var more = card.GetProperty("actions").EnumerateArray().First(a => a.GetProperty("data").GetProperty("action").GetString() == "partners.page");
        Assert.Equal("IT", more.GetProperty("data").GetProperty("except").GetString());
        await PartnerHost.SubmitAsync(client, chat, Searcher, JsonNode.Parse(more.GetProperty("data").GetRawText())!.AsObject());
        var next = JsonDocument.Parse(PartnerHost.CardJson(factory.Connector.SentTo(chat)[^1])).RootElement;
        var second = await CountriesOfAsync(directory, next);
        Assert.NotEmpty(second);
        Assert.DoesNotContain("IT", second);
    }

    /// <summary>
    /// "find partners not in Tuscany" (a region, in the six languages) was a search for the word "Tuscany" — now every
    /// other region's organisations, "all regions except Tuscany" on the card, and the next page leaves Tuscany out too.
    /// </summary>
    [Theory]
    [InlineData("en", "find partners not in Tuscany")]
    [InlineData("pt", "procuro parceiros fora da Toscana")]
    [InlineData("es", "buscar socios no en Toscana")]
    [InlineData("it", "trova partner non in Toscana")]
    [InlineData("tr", "Toskana dışında partner arıyorum")]
    [InlineData("cs", "hledám partnery mimo Toskánsko")]
    public async Task FreeTextSearch_NotInTuscany_ListsEveryOtherRegion_SaysSo_PagesKeepItOut(string language, string typed)
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { ["Partners:PageSize"] = "2" });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: language);
        var chat = Activities.NewConversationId();
        var texts = PartnerTexts.Resolve(language);
        using var scope = factory.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<IPartnerDirectory>();

        await PartnerHost.MessageAsync(client, chat, Searcher, typed);
        var sent = factory.Connector.SentTo(chat);

        Assert.DoesNotContain(sent, a => a.Text == texts.NoResults);
        var card = JsonDocument.Parse(PartnerHost.CardJson(sent[^1])).RootElement;
        var json = PartnerHost.Text(card);
        Assert.Contains(texts.ResultsTitle, json, StringComparison.Ordinal);
        Assert.Contains(PartnerTexts.Format(texts.ExceptRegionsFormat, PartnerGeography.RegionNameIn("Tuscany", language)), json, StringComparison.Ordinal);
        var first = await RegionsOfAsync(directory, card);
        Assert.NotEmpty(first);
        Assert.DoesNotContain("Tuscany", first);

        var more = card.GetProperty("actions").EnumerateArray().First(a => a.GetProperty("data").GetProperty("action").GetString() == "partners.page");
        Assert.Equal("Tuscany", more.GetProperty("data").GetProperty("exceptRegions").GetString());
        var refine = card.GetProperty("actions").EnumerateArray().First(a => a.GetProperty("data").GetProperty("action").GetString() == "partners.filters");
        Assert.Equal("Tuscany", refine.GetProperty("data").GetProperty("exceptRegions").GetString());
        await PartnerHost.SubmitAsync(client, chat, Searcher, JsonNode.Parse(more.GetProperty("data").GetRawText())!.AsObject());
        var next = JsonDocument.Parse(PartnerHost.CardJson(factory.Connector.SentTo(chat)[^1])).RootElement;
        var second = await RegionsOfAsync(directory, next);
        Assert.NotEmpty(second);
        Assert.DoesNotContain("Tuscany", second);
    }

    /// <summary>
    /// "find partners not in Czechia" when the directory has no Czech organisations at the moment: before, no word (only
    /// "all countries except Czechia" over the same results), while "not in France" said there was nothing to leave out;
    /// now the same is said for a partnership country or region with no organisations.
    /// </summary>
    [Theory]
    [InlineData("en", "find partners not in Czechia", "CZ")]
    [InlineData("pt", "encontrar parceiros não em Chéquia", "CZ")]
    [InlineData("es", "buscar socios no en Chequia", "CZ")]
    [InlineData("it", "trova partner non in Cechia", "CZ")]
    [InlineData("tr", "Çekya dışında partner arıyorum", "CZ")]
    [InlineData("cs", "hledám partnery mimo Česko", "CZ")]
    [InlineData("en", "find partners not in Severovýchod", null)]
    public async Task FreeTextSearch_NotInAPartnershipPlaceWithNoOrganisations_SaysNothingIsLeftOut(string language, string typed, string? country)
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: language);
        var directory = factory.Services.GetRequiredService<IPartnerDirectory>();
        foreach (var organisation in (await directory.ListAsync()).Where(o => o.Country == "CZ"))
        {
            await directory.DeleteAsync(organisation.Id);
        }

        var chat = Activities.NewConversationId();
        var texts = PartnerTexts.Resolve(language);

        await PartnerHost.MessageAsync(client, chat, Searcher, typed);
        var sent = factory.Connector.SentTo(chat);

        var place = country is null ? PartnerGeography.RegionNameIn("Severovýchod", language) : texts.Countries[country];
        Assert.Contains(sent, a => a.Text == PartnerTexts.Format(texts.ExcludedPlaceEmptyFormat, place));
        Assert.DoesNotContain(sent, a => a.Text == texts.ExcludedCountryNotCovered);
        Assert.DoesNotContain(sent, a => a.Text == texts.NoResults);
        Assert.Contains(texts.ResultsTitle, PartnerHost.Text(JsonDocument.Parse(PartnerHost.CardJson(sent[^1])).RootElement), StringComparison.Ordinal);
    }

    /// <summary>A partnership country with organisations ("not in Italy"): no such message.</summary>
    [Fact]
    public async Task FreeTextSearch_NotInAPartnershipCountryWithOrganisations_NoNothingToLeaveOutMessage()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: "en");
        var chat = Activities.NewConversationId();
        var texts = PartnerTexts.Resolve("en");

        await PartnerHost.MessageAsync(client, chat, Searcher, "find partners not in Czechia");

        Assert.DoesNotContain(factory.Connector.SentTo(chat), a => a.Text == PartnerTexts.Format(texts.ExcludedPlaceEmptyFormat, texts.Countries["CZ"]));
    }

    /// <summary>
    /// "find partners not in France" — a country the directory has no organisations in — was dropped without a word: now
    /// the user is told there is nothing to leave out there, and gets the search as if it had not been named.
    /// </summary>
    [Theory]
    [InlineData("en", "find partners not in France")]
    [InlineData("pt", "encontrar parceiros não em França")]
    [InlineData("cs", "hledám partnery mimo Francii")]
    public async Task FreeTextSearch_NotInFrance_SaysNothingIsLeftOut_SearchesEverywhere(string language, string typed)
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: language);
        var chat = Activities.NewConversationId();
        var texts = PartnerTexts.Resolve(language);

        await PartnerHost.MessageAsync(client, chat, Searcher, typed);
        var sent = factory.Connector.SentTo(chat);

        Assert.Contains(sent, a => a.Text == texts.ExcludedCountryNotCovered);
        Assert.DoesNotContain(sent, a => a.Text == texts.NoResults);
        // Nothing else asked for: the search's filters, as for "find partners" (no exclusion shown on them).
        var json = PartnerHost.Text(JsonDocument.Parse(PartnerHost.CardJson(sent[^1])).RootElement);
        Assert.Contains(texts.FiltersTitle, json, StringComparison.Ordinal);
        Assert.DoesNotContain(PartnerTexts.Format(texts.ExceptCountriesFormat, ""), json, StringComparison.Ordinal);

        // With words too ("nonwovens not in France"): the message, then the results of all five countries.
        await PartnerHost.MessageAsync(client, chat, Searcher, typed.Replace("partners", "nonwovens partners", StringComparison.Ordinal)
            .Replace("parceiros", "parceiros de não tecidos", StringComparison.Ordinal).Replace("partnery", "partnery netkané textilie", StringComparison.Ordinal));
        sent = factory.Connector.SentTo(chat);
        Assert.Equal(2, sent.Count(a => a.Text == texts.ExcludedCountryNotCovered));
        Assert.Contains(texts.ResultsTitle, PartnerHost.Text(JsonDocument.Parse(PartnerHost.CardJson(sent[^1])).RootElement), StringComparison.Ordinal);
    }

    /// <summary>The regions of the organisations a results card lists (its Details buttons).</summary>
    private static async Task<List<string>> RegionsOfAsync(IPartnerDirectory directory, JsonElement card)
    {
        var regions = new List<string>();
        foreach (var id in Ids(card))
        {
            regions.Add((await directory.FindAsync(id, CancellationToken.None))!.Region);
        }

        return regions;
    }

    /// <summary>The countries of the organisations a results card lists (its Details buttons).</summary>
    private static async Task<List<string>> CountriesOfAsync(IPartnerDirectory directory, JsonElement card)
    {
        var countries = new List<string>();
        foreach (var id in Ids(card))
        {
            countries.Add((await directory.FindAsync(id, CancellationToken.None))!.Country);
        }

        return countries;
    }

    private static IEnumerable<string> Ids(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String && action.GetString() == "partners.detail"
                && element.TryGetProperty("id", out var id))
            {
                yield return id.GetString()!;
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var found in Ids(property.Value))
                {
                    yield return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var found in Ids(item))
                {
                    yield return found;
                }
            }
        }
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
