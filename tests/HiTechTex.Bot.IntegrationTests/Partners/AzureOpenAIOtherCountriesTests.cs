using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Testing;
using Microsoft.AspNetCore.Http;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>
/// With Azure OpenAI configured (a local server speaking the chat-completions shape), "Italy or Spain" said in words the
/// local reading finds no country in is searched in Italy with a **Search Spain** button, from the model's
/// <c>otherCountries</c> — before, only the local recognizer filled them, and the button never came.
/// </summary>
public sealed class AzureOpenAIOtherCountriesTests : IAsyncDisposable
{
    private static readonly JsonObject Searcher = PartnerHost.User("29:user-1", "aad-user-1", "Ana Silva");
    private readonly string databasePath = BotHostFactory.NewDatabasePath();
    private LocalHttpServer? model;

    [Theory]
    [InlineData("en", "find partners where the boot meets the sea, or on the Iberian side")]
    [InlineData("pt", "procuro parceiros na bota ou então do lado ibérico")]
    public async Task FreeTextSearch_ModelNamesTwoCountries_SearchesTheFirst_OffersTheOther(string language, string typed)
    {
        model = await LocalHttpServer.StartAsync((context, _) => AnswerAsync(context, $$$"""
            {"intent":"FindPartners","score":0.93,"language":"{{{language}}}","declined":false,
             "entities":{"keywords":[],"country":"IT","otherCountries":["ES"],"excludedCountries":[],"region":null,"organisationKind":null,
                         "dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
            """));
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?>
        {
            ["AzureOpenAI:Endpoint"] = model.BaseUrl + "/",
            ["AzureOpenAI:Deployment"] = "intent-model",
            ["AzureOpenAI:ApiKey"] = "test-key",
            ["AzureOpenAI:TimeoutSeconds"] = "30",
        });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: language);
        var chat = Activities.NewConversationId();
        var texts = PartnerTexts.Resolve(language);

        await PartnerHost.MessageAsync(client, chat, Searcher, typed);
        var sent = factory.Connector.SentTo(chat);

        Assert.Contains(model.Requests, r => r.Body.Contains("boot", StringComparison.Ordinal) || r.Body.Contains("bota", StringComparison.Ordinal));
        Assert.Contains("\"country\":\"IT\"", PartnerHost.CardJson(sent[^2]).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var note = JsonSerializer.SerializeToElement(Assert.Single(sent[^1].Attachments!).Content);
        Assert.Equal(PartnerTexts.Format(texts.OneCountryAtATimeFormat, texts.Countries["IT"]), note.GetProperty("body")[0].GetProperty("text").GetString());
        var button = Assert.Single(note.GetProperty("actions").EnumerateArray());
        Assert.Equal(PartnerTexts.Format(texts.SearchCountryFormat, texts.Countries["ES"]), button.GetProperty("title").GetString());
        Assert.Equal("ES", button.GetProperty("data").GetProperty("country").GetString());
    }

    /// <summary>
    /// A region left out in words the local reading finds none in: the model's <c>excludedRegions</c> (before, the schema
    /// had no such field, and the search looked in Tuscany too).
    /// </summary>
    [Theory]
    [InlineData("en", "find partners, but skip the leaning-tower region")]
    [InlineData("it", "cerco partner, ma salta la regione della torre pendente")]
    public async Task FreeTextSearch_ModelNamesARegionLeftOut_TheSearchLeavesItOut(string language, string typed)
    {
        model = await LocalHttpServer.StartAsync((context, _) => AnswerAsync(context, $$$"""
            {"intent":"FindPartners","score":0.93,"language":"{{{language}}}","declined":false,
             "entities":{"keywords":[],"country":null,"otherCountries":[],"excludedCountries":[],"region":null,"excludedRegions":["Tuscany"],
                         "organisationKind":null,"dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
            """));
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?>
        {
            ["AzureOpenAI:Endpoint"] = model.BaseUrl + "/",
            ["AzureOpenAI:Deployment"] = "intent-model",
            ["AzureOpenAI:ApiKey"] = "test-key",
            ["AzureOpenAI:TimeoutSeconds"] = "30",
        });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: language);
        var chat = Activities.NewConversationId();

        await PartnerHost.MessageAsync(client, chat, Searcher, typed);
        var sent = factory.Connector.SentTo(chat);

        Assert.Contains(model.Requests, r => r.Body.Contains("excludedRegions", StringComparison.Ordinal));
        Assert.Contains("\"exceptRegions\":\"Tuscany\"", PartnerHost.CardJson(sent[^1]).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static Task AnswerAsync(HttpContext context, string content)
    {
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = "gpt-4o-mini",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 30, ["total_tokens"] = 130 },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(completion.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        if (model is not null)
        {
            await model.DisposeAsync();
        }

        BotHostFactory.DeleteDatabase(databasePath);
    }
}
