using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Testing;
using HiTechTex.Bot.Testing.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Conversation;

/// <summary>
/// A Teams channel @mention through the whole host: a signed POST to <c>/api/messages</c> shaped as Teams sends it in a
/// channel (the thread's conversation id <c>19:…@thread.tacv2;messageid=&lt;root&gt;</c>, the bot's mention entity and
/// <c>&lt;at&gt;HiTechTex&lt;/at&gt;</c> in the text, channelData with the team and channel), answered through the real
/// connector client at a local connector: the reply goes to that thread (its conversation id, <c>replyToId</c> the
/// message answered) and @mentions the sender. An answer posted as a new top-level message — another thread — is
/// pointed back to the thread where the question waits.
/// </summary>
public sealed class ChannelMentionWireTests : IAsyncLifetime
{
    private const string AppId = "5b2c9d31-8e0f-4a7b-9c6d-1e2f3a4b5c6d";
    private const string TenantId = "7d3e1f20-4c5b-4a69-8b7e-2f1a0c9d8e7f";
    private const string TeamGroupId = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    private const string Channel = "19:7b2a1c4d5e6f40718293a4b5c6d7e8f9@thread.tacv2";
    private const string Team = "19:0a1b2c3d4e5f60718293a4b5c6d7e8f9@thread.tacv2";
    private const string BotId = "28:" + AppId;

    private readonly string databasePath = BotHostFactory.NewDatabasePath();
    private OpenIdTestServer openId = null!;
    private OpenIdTestKey key = null!;
    private LocalHttpServer tokenEndpoint = null!;
    private LocalHttpServer connector = null!;
    private BotHostFactory factory = null!;

    public async Task InitializeAsync()
    {
        openId = await OpenIdTestServer.StartAsync();
        key = openId.AddKey();
        tokenEndpoint = await LocalHttpServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"connector-token"}""");
        });
        connector = await LocalHttpServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"1700000009999"}""");
        });
        factory = new BotHostFactory(databasePath, environment: "Production")
        {
            UseFakeConnector = false,
            ConfigureServices = services => services.AddHttpClient("BotConnectorToken")
                .AddHttpMessageHandler(() => new RedirectToLocalHandler(tokenEndpoint.BaseUrl, standalone: false)),
        };
        factory.Settings["MicrosoftAppType"] = "SingleTenant";
        factory.Settings["MicrosoftAppId"] = AppId;
        factory.Settings["MicrosoftAppPassword"] = "test-secret-not-real";
        factory.Settings["MicrosoftAppTenantId"] = TenantId;
        factory.Settings["OpenIdMetadataUrl"] = openId.MetadataUrl;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await connector.DisposeAsync();
        await tokenEndpoint.DisposeAsync();
        await openId.DisposeAsync();
        BotHostFactory.DeleteDatabase(databasePath);
    }

    private string ServiceUrl => connector.BaseUrl + "/amer/";

    /// <summary>A channel message as Teams posts it: a new post (the thread is the post) or a reply in thread <paramref name="root"/>.</summary>
    private JsonObject ChannelMessage(string root, string id, string typed) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2026-11-28T02:30:00.000Z",
        ["localTimestamp"] = "2026-11-28T02:30:00.000+00:00",
        ["localTimezone"] = "Europe/Lisbon",
        ["serviceUrl"] = ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:1a2b3c-user", ["name"] = "Alex Wilber", ["aadObjectId"] = "a1b2c3d4-0000-4000-8000-000000000001" },
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = TenantId,
            ["id"] = $"{Channel};messageid={root}",
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "HiTechTex" },
        ["textFormat"] = "plain",
        ["locale"] = "en-US",
        ["text"] = $"<at>HiTechTex</at> {typed}",
        ["entities"] = new JsonArray(
            new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "HiTechTex" },
                ["text"] = "<at>HiTechTex</at>",
                ["type"] = "mention",
            },
            new JsonObject { ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Web", ["timezone"] = "Europe/Lisbon", ["type"] = "clientInfo" }),
        ["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = Channel,
            ["teamsTeamId"] = Team,
            ["channel"] = new JsonObject { ["id"] = Channel },
            ["team"] = new JsonObject { ["id"] = Team, ["aadGroupId"] = TeamGroupId },
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        },
    };

    private async Task<JsonNode> PostAndReadReplyAsync(JsonObject activity, string root)
    {
        var before = connector.Requests.Count;
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OpenIdTestServer.CreateToken(key, AppId, ServiceUrl, DateTimeOffset.UtcNow));

        using var response = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(connector.Requests.Skip(before));
        Assert.Equal("POST", sent.Method);
        // Replied to the message, in its thread: the thread's conversation id and the message's id in the URL.
        Assert.Equal($"/amer/v3/conversations/{Channel};messageid={root}/activities/{activity["id"]}", sent.Path);
        var body = JsonNode.Parse(sent.Body)!;
        Assert.Equal((string?)activity["id"], (string?)body["replyToId"]);
        Assert.Equal($"{Channel};messageid={root}", (string?)body["conversation"]?["id"]);

        // It @mentions the sender: the entity's text is exactly the tag that starts the message.
        var mention = Assert.Single(body["entities"]!.AsArray(), e => (string?)e?["type"] == "mention")!;
        Assert.Equal("<at>Alex Wilber</at>", (string?)mention["text"]);
        Assert.Equal("29:1a2b3c-user", (string?)mention["mentioned"]?["id"]);
        Assert.StartsWith("<at>Alex Wilber</at> ", (string?)body["text"], StringComparison.Ordinal);
        return body;
    }

    [Fact]
    public async Task AChannelMention_IsAnsweredInItsThread_AndAnAnswerPostedAsANewPostIsPointedBack()
    {
        // A new post mentioning the bot: Teams makes the post the root of its thread.
        var first = await PostAndReadReplyAsync(ChannelMessage("1700000000111", "1700000000111", "hello"), "1700000000111");
        Assert.Contains(ConversationTexts.En.ConfirmName("Alex Wilber"), (string?)first["text"], StringComparison.Ordinal);

        // Answered in the thread (a reply: another message id, the same conversation).
        var second = await PostAndReadReplyAsync(ChannelMessage("1700000000111", "1700000000150", "no"), "1700000000111");
        Assert.Contains(ConversationTexts.En.AskName, (string?)second["text"], StringComparison.Ordinal);

        // The name posted as a new post instead: another thread, told to answer in the first, with a link to it.
        var third = await PostAndReadReplyAsync(ChannelMessage("1700000000222", "1700000000222", "Alex W."), "1700000000222");
        Assert.Equal(
            $"<at>Alex Wilber</at> {ConversationTexts.En.AnswerInThread("HiTechTex")} [{ConversationTexts.En.GoToThread}]"
            + $"(https://teams.microsoft.com/l/message/{Uri.EscapeDataString(Channel)}/1700000000111?tenantId={TenantId}&groupId={TeamGroupId}"
            + "&parentMessageId=1700000000111&createdTime=1700000000111)",
            (string?)third["text"]);

        // The question still waits in its thread and takes the answer there.
        var fourth = await PostAndReadReplyAsync(ChannelMessage("1700000000111", "1700000000160", "Alex W."), "1700000000111");
        Assert.Contains(ConversationTexts.En.AskOrganisation, (string?)fourth["text"], StringComparison.Ordinal);
    }
}
