using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Testing;
using HiTechTex.Bot.Testing.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests;

/// <summary>
/// The whole protocol stack with nothing faked inside the process: the host validates real JWTs against a local
/// OpenID/JWKS server, MSAL gets the connector token from a local token endpoint, and the real connector client
/// delivers the reply to a local connector that records it.
/// </summary>
public sealed class RealStackTests : IAsyncLifetime
{
    private const string AppId = "5b2c9d31-8e0f-4a7b-9c6d-1e2f3a4b5c6d";
    // The bot's own tenant, which the test activities come from (a single-tenant bot takes only its tenant's activities).
    private const string TenantId = Activities.TenantId;
    private const string ConnectorToken = "connector-token-from-msal";

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
            await context.Response.WriteAsync($$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"{{ConnectorToken}}"}""");
        });
        connector = await LocalHttpServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"1700000000001"}""");
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

    [Fact]
    public async Task Message_ValidChannelToken_ReplyDeliveredWithMsalTokenToVerifiedServiceUrl()
    {
        var conversationId = "19:meeting_abc@thread.v2;messageid=42";
        var activity = Activities.Message(conversationId, "hello");
        activity["serviceUrl"] = connector.BaseUrl + "/teams/";
        activity["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "HiTechTex" };

        var response = await PostAsync(activity, Token(connector.BaseUrl + "/teams/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(connector.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal($"/teams/v3/conversations/{conversationId}/activities/{activity["id"]}", sent.Path);
        Assert.Equal("Bearer " + ConnectorToken, sent.Headers["Authorization"]);
        var body = JsonNode.Parse(sent.Body)!;
        // A first contact: the profile capture starts by confirming the name Teams gave.
        Assert.Equal("Nice to meet you! Shall I call you Alex Wilber?", (string?)body["text"]);
        Assert.Equal((string?)activity["id"], (string?)body["replyToId"]);
        Assert.Null(body["id"]);
        var tokenRequest = Assert.Single(tokenEndpoint.Requests);
        Assert.Equal($"/{TenantId}/oauth2/v2.0/token", tokenRequest.Path);
        Assert.Contains("grant_type=client_credentials", tokenRequest.Body);
        Assert.Contains(Uri.EscapeDataString("https://api.botframework.com/.default"), tokenRequest.Body);
    }

    [Fact]
    public async Task BotAdded_ValidChannelToken_ReferenceStoredAsVerified()
    {
        var conversationId = Activities.NewConversationId();
        var activity = Activities.BotAdded(conversationId);
        activity["serviceUrl"] = connector.BaseUrl;
        activity["recipient"] = new JsonObject { ["id"] = "28:" + AppId };
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:user-1" }, new JsonObject { ["id"] = "28:" + AppId });

        var response = await PostAsync(activity, Token(connector.BaseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var scope = factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>().GetAsync(conversationId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.True(stored.IsActive);
        Assert.Equal(connector.BaseUrl, stored.Reference.ServiceUrl?.TrimEnd('/'));
        Assert.Single(connector.Requests); // the welcome
    }

    /// <summary>
    /// Any Teams tenant can add the bot by its app id (a custom app's manifest names it), and the Bot Connector's token
    /// for its people's activities is genuine: a single-tenant bot without <c>Messaging:AllowedTenantIds</c> used to run
    /// them all — another organisation's people could book the partnership's sessions, apply, and request
    /// introductions. Now only its own tenant's activities run; another's get 403, and nothing is stored or sent.
    /// </summary>
    [Fact]
    public async Task Message_ValidChannelTokenFromAnotherTenant_403AndNothingStoredOrSent()
    {
        const string OtherTenant = "0b9a8c7d-1e2f-4a3b-9c8d-7e6f5a4b3c2d";
        var conversationId = Activities.NewConversationId();
        var activity = Activities.Message(conversationId, "hello");
        activity["serviceUrl"] = connector.BaseUrl;
        activity["conversation"]!["tenantId"] = OtherTenant;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = OtherTenant } };

        var response = await PostAsync(activity, Token(connector.BaseUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(connector.Requests);
        Assert.Empty(tokenEndpoint.Requests);
        using var scope = factory.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>().GetAsync(conversationId, CancellationToken.None));
        Assert.Contains(factory.Logs.Entries, e => e.EventId == 1308);
    }

    [Fact]
    public async Task Message_TokenSignedByUnknownKey_401AndNothingSent()
    {
        var forger = OpenIdTestKey.Create(null, OpenIdTestKey.TeamsEndorsements);
        var activity = Activities.Message(Activities.NewConversationId(), "hello");
        activity["serviceUrl"] = connector.BaseUrl;
        var token = OpenIdTestServer.CreateToken(forger, AppId, connector.BaseUrl, DateTimeOffset.UtcNow);

        var response = await PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Requests);
        Assert.Empty(tokenEndpoint.Requests);
    }

    [Fact]
    public async Task Message_ServiceUrlClaimForAnotherHost_401AndNothingSentAnywhere()
    {
        // An attacker replays a genuine token but points serviceUrl at a host of theirs to harvest the bot's token.
        var activity = Activities.Message(Activities.NewConversationId(), "hello");
        activity["serviceUrl"] = connector.BaseUrl;

        var response = await PostAsync(activity, Token("https://smba.trafficmanager.net/teams/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task Message_NoAuthorizationHeaderInProduction_401()
    {
        var response = await PostAsync(Activities.Message(Activities.NewConversationId(), "hello"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    [Theory]
    [InlineData("""{"type":""")]
    [InlineData("""{"type":"message"}""")]
    public async Task MalformedBody_NoTokenInProduction_401NotAParserMessage(string body)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MalformedBody_ValidToken_400NamingTheProblem()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(connector.BaseUrl));

        using var response = await client.PostAsync("/api/messages", new StringContent("""{"type":"message"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'channelId'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(connector.Requests);
    }

    private string Token(string serviceUrl) => OpenIdTestServer.CreateToken(key, AppId, serviceUrl, DateTimeOffset.UtcNow);

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token)
    {
        using var client = factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.PostActivityAsync(activity);
    }
}
