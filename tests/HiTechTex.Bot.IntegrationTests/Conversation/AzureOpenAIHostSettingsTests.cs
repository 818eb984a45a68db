using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Conversation;

/// <summary>
/// The host switched to Azure OpenAI through its settings alone (<see cref="BotHostFactory.Settings"/>, applied after
/// the services are registered) — before, the recognizer was chosen from the configuration as it was at registration,
/// so a test's settings left the local recognizer answering and a test had to register the Azure one itself. A real turn
/// goes through the Azure OpenAI recognizer to a local server speaking the chat-completions shape; when that server fails
/// (an HTTP error, an answer that is not the agreed JSON) the local recognizer answers the same turn.
/// </summary>
public sealed class AzureOpenAIHostSettingsTests : IAsyncDisposable
{
    private static readonly JsonObject Searcher = PartnerHost.User("29:user-1", "aad-user-1", "Ana Silva");
    private readonly string databasePath = BotHostFactory.NewDatabasePath();
    private LocalHttpServer? model;

    [Fact]
    public async Task Settings_SwitchTheHostToAzureOpenAI_TheModelsReadingAnswersTheTurn()
    {
        // Words the local reading finds no country in: only the model's answer searches Spain.
        const string Typed = "find partners where flamenco was born";
        model = await LocalHttpServer.StartAsync((context, _) => CompletionAsync(context, """
            {"intent":"FindPartners","score":0.92,"language":"en","declined":false,
             "entities":{"keywords":[],"country":"ES","otherCountries":[],"excludedCountries":[],"region":null,"organisationKind":null,
                         "dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
            """));
        using var factory = PartnerHost.Create(databasePath, ModelSettings(model));
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: "en");
        var chat = Activities.NewConversationId();

        Assert.IsType<AzureOpenAIIntentRecognizer>(factory.Services.GetRequiredService<IIntentRecognizer>());
        Assert.Null(LocalIntentRecognizer.FindCountry(Typed));

        await PartnerHost.MessageAsync(client, chat, Searcher, Typed);
        var sent = factory.Connector.SentTo(chat);

        var request = Assert.Single(model.Requests);
        Assert.Contains("/openai/deployments/intent-model/chat/completions", request.Path, StringComparison.Ordinal);
        Assert.Contains("flamenco", request.Body, StringComparison.Ordinal);
        var card = PartnerHost.CardJson(sent[^1]);
        Assert.Contains(PartnerTexts.English.ResultsTitle, card, StringComparison.Ordinal);
        Assert.Contains("\"country\":\"ES\"", card.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Logs.Entries, e => e.EventId is 1601 or 1602);
    }

    /// <summary>
    /// "not in Tuscany" read by a model as the place (region Tuscany, whose country is Italy): the local reading of the
    /// same text saw it left out, so the search leaves Tuscany out and is not limited to Italy.
    /// </summary>
    [Fact]
    public async Task ModelReadsAnExcludedRegionAsThePlace_TheRegionIsLeftOut()
    {
        model = await LocalHttpServer.StartAsync((context, _) => CompletionAsync(context, """
            {"intent":"FindPartners","score":0.9,"language":"en","declined":false,
             "entities":{"keywords":["Tuscany"],"country":null,"otherCountries":[],"excludedCountries":[],"region":"Tuscany","organisationKind":null,
                         "dates":[],"sessionTopic":null,"month":null,"city":null,"hosting":false}}
            """));
        using var factory = PartnerHost.Create(databasePath, ModelSettings(model));
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: "en");
        var chat = Activities.NewConversationId();

        await PartnerHost.MessageAsync(client, chat, Searcher, "find partners not in Tuscany");
        var card = PartnerHost.CardJson(factory.Connector.SentTo(chat)[^1]).Replace(" ", "", StringComparison.Ordinal);

        Assert.Single(model.Requests);
        Assert.Contains("\"exceptRegions\":\"Tuscany\"", card, StringComparison.Ordinal);
        Assert.Contains("\"country\":\"\"", card, StringComparison.Ordinal);
        Assert.Contains("\"q\":\"\"", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, null)]
    [InlineData(200, "{\"intent\":\"Dance\"}")]   // not the agreed JSON
    public async Task ModelFails_TheLocalRecognizerAnswersTheSameTurn(int status, string? content)
    {
        model = await LocalHttpServer.StartAsync((context, _) =>
        {
            if (status != StatusCodes.Status200OK)
            {
                context.Response.StatusCode = status;
                return context.Response.WriteAsync("{\"error\":{\"code\":\"InternalServerError\",\"message\":\"down\"}}");
            }

            return CompletionAsync(context, content!);
        });
        using var factory = PartnerHost.Create(databasePath, ModelSettings(model));
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: "en");
        var chat = Activities.NewConversationId();

        await PartnerHost.MessageAsync(client, chat, Searcher, "find partners in Spain");
        var sent = factory.Connector.SentTo(chat);

        Assert.Single(model.Requests);   // asked once: no client retries
        Assert.Contains(factory.Logs.Entries, e => e.EventId == 1601 && e.Category.EndsWith(nameof(AzureOpenAIIntentRecognizer), StringComparison.Ordinal));
        var card = PartnerHost.CardJson(sent[^1]);
        Assert.Contains(PartnerTexts.English.ResultsTitle, card, StringComparison.Ordinal);
        Assert.Contains("\"country\":\"ES\"", card.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> ModelSettings(LocalHttpServer server) => new()
    {
        ["AzureOpenAI:Endpoint"] = server.BaseUrl + "/",
        ["AzureOpenAI:Deployment"] = "intent-model",
        ["AzureOpenAI:ApiKey"] = "test-key",
        ["AzureOpenAI:TimeoutSeconds"] = "30",
    };

    private static Task CompletionAsync(HttpContext context, string content)
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
