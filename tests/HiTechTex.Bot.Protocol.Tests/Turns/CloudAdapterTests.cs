using System.Text;
using System.Text.Json;
using HiTechTex.Bot.Protocol.Authentication;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Tests.Authentication;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Moq;
using IMiddleware = HiTechTex.Bot.Protocol.Turns.IMiddleware;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

public sealed class CloudAdapterTests
{
    private readonly Mock<IBotAuthenticator> authenticator = new();
    private readonly Mock<ITrustedServiceUrls> trustedServiceUrls = new();
    private readonly RecordingConnectorClient connector = new();
    private readonly List<IMiddleware> middleware = [];
    private readonly CloudAdapterOptions options = new();
    private readonly RecordingLogger<CloudAdapter> logger = new();

    public CloudAdapterTests() => AuthenticateAs(BotAuthenticationResult.Success(new System.Security.Claims.ClaimsIdentity("Bearer")));

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task ProcessAsync_NotPost_Answers405(string method)
    {
        var bot = new CapturingBot();

        var context = await ProcessAsync(method, "{}", bot);

        Assert.Equal(405, context.Response.StatusCode);
        Assert.Null(bot.Context);
    }

    [Fact]
    public async Task ProcessAsync_Head_Answers200WithoutBody()
    {
        var context = await ProcessAsync("HEAD", "", new CapturingBot());

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("", ReadBody(context));
        authenticator.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":""}""")]
    [InlineData("[1,2]")]
    public async Task ProcessAsync_BodyIsNotAnActivity_Answers400(string body)
    {
        var bot = new CapturingBot();

        var context = await ProcessAsync("POST", body, bot);

        Assert.Equal(400, context.Response.StatusCode);
        Assert.Null(bot.Context);
    }

    [Theory]
    [InlineData("""{"type":"message","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:c"}}""", "'channelId'")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/"}""", "'conversation.id'")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":" "}}""", "'conversation.id'")]
    [InlineData("""{"type":"message","channelId":"msteams","conversation":{"id":"a:c"}}""", "'serviceUrl'")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"/v3/relative","conversation":{"id":"a:c"}}""", "'serviceUrl'")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"javascript:alert(1)","conversation":{"id":"a:c"}}""", "'serviceUrl'")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"ftp://smba.trafficmanager.net/","conversation":{"id":"a:c"}}""", "'serviceUrl'")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:c"},"from":{"id":"29:u"},"text":"hi","entities":[null]}""", "'entities[0]'")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:c"},"from":{"id":"29:u"},"attachments":[{"contentType":"text/plain"},null]}""", "'attachments[1]'")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:c"},"text":"hi"}""", "'from.id'")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:c"},"from":{"name":"Eve"},"text":"hi"}""", "'from.id'")]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:c"},"from":{"id":" "},"value":{}}""", "'from.id'")]
    [InlineData("""{"type":"conversationUpdate","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:c"},"membersAdded":[null]}""", "'membersAdded[0]'")]
    [InlineData("""{"type":"conversationUpdate","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:c"},"membersRemoved":[null]}""", "'membersRemoved[0]'")]
    public async Task ProcessAsync_ActivityWithoutWhatATurnNeeds_Answers400WithTheReason_BeforeAnyWork(string body, string named)
    {
        var middlewareRan = false;
        middleware.Add(new CallbackMiddleware(() => middlewareRan = true));
        var bot = new CapturingBot();

        var context = await ProcessAsync("POST", body, bot);

        Assert.Equal(400, context.Response.StatusCode);
        Assert.Contains(named, ReadBody(context), StringComparison.Ordinal);
        Assert.Null(bot.Context);
        Assert.False(middlewareRan);
        Assert.Empty(connector.Calls);
        authenticator.Verify(a => a.AuthorizeActivity(It.IsAny<BotAuthenticationResult>(), It.IsAny<Activity>()), Times.Never);
    }

    private const string OwnTenant = "7d3e1f20-4c5b-4a69-8b7e-2f1a0c9d8e7f";
    private const string OtherTenant = "0b9a8c7d-1e2f-4a3b-9c8d-7e6f5a4b3c2d";

    /// <summary>
    /// Any Teams tenant can add the bot by its app id, and the Bot Connector's token for its activities is valid: an
    /// activity of a tenant not allowed — either tenant field another one, or none (no Teams activity) — is refused with
    /// 403 before any turn runs; the allowed tenant's (in any case) goes on.
    /// </summary>
    [Theory]
    [InlineData(OtherTenant, OtherTenant, 403)]
    [InlineData(OwnTenant, OtherTenant, 403)]
    [InlineData(OtherTenant, OwnTenant, 403)]
    [InlineData(null, null, 403)]
    [InlineData(OtherTenant, null, 403)]
    [InlineData(OwnTenant, OwnTenant, 200)]
    [InlineData(OwnTenant, null, 200)]
    [InlineData(null, "7D3E1F20-4C5B-4A69-8B7E-2F1A0C9D8E7F", 200)]
    public async Task ProcessAsync_TenantsAllowed_AnotherTenantsActivityAnswers403BeforeAnyWork(string? conversationTenant, string? channelDataTenant, int expected)
    {
        options.AllowedTenantIds = [OwnTenant];
        var middlewareRan = false;
        middleware.Add(new CallbackMiddleware(() => middlewareRan = true));
        var bot = new CapturingBot();
        var activity = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "message",
            ["channelId"] = "msteams",
            ["serviceUrl"] = "https://smba.trafficmanager.net/emea/",
            ["conversation"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "a:c", ["tenantId"] = conversationTenant },
            ["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "29:u", ["aadObjectId"] = "6f1c2b4e-0000-4000-8000-00000000c0a1" },
            ["text"] = "hi",
        };
        if (channelDataTenant is not null)
        {
            activity["channelData"] = new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = channelDataTenant } };
        }

        var context = await ProcessAsync("POST", activity.ToJsonString(), bot);

        Assert.Equal(expected, context.Response.StatusCode);
        Assert.Equal(expected == 200, bot.Context is not null);
        Assert.Equal(expected == 200, middlewareRan);
        Assert.Empty(connector.Calls);
        Assert.Equal(expected == 403, logger.Entries.Any(e => e.EventId.Id == 1308));
    }

    [Fact]
    public async Task ProcessAsync_NoTenantsListed_EveryTenantsActivityGoesOn()
    {
        var bot = new CapturingBot();

        var context = await ProcessAsync(
            "POST",
            $$"""{"type":"message","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:c","tenantId":"{{OtherTenant}}"},"from":{"id":"29:u"},"text":"hi"}""",
            bot);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.NotNull(bot.Context);
    }

    [Fact]
    public async Task ProcessAsync_FieldOfTheWrongType_Answers400NamingWhereWithoutDotNetTypeNames()
    {
        var bot = new CapturingBot();

        var context = await ProcessAsync(
            "POST",
            """{"type":"message","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:c"},"text":5}""",
            bot);

        Assert.Equal(400, context.Response.StatusCode);
        var text = ReadBody(context);
        Assert.Contains("$.text", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.Null(bot.Context);
    }

    [Fact]
    public async Task ProcessAsync_ContentLengthOverTheLimit_Answers413BeforeTheBodyIsRead()
    {
        options.MaxActivityBytes = 16 * 1024;
        var body = MessageOfSize(options.MaxActivityBytes + 1);

        var context = await AssertRefusedAsTooLargeAsync(NewContext("POST", new MemoryStream(body), body.Length));

        Assert.Equal(0, context.Request.Body.Position);
    }

    [Fact]
    public async Task ProcessAsync_ChunkedBodyGrowsPastTheLimit_StopsReadingAndAnswers413()
    {
        options.MaxActivityBytes = 16 * 1024;
        var body = MessageOfSize(options.MaxActivityBytes * 8);

        var context = await AssertRefusedAsTooLargeAsync(NewContext("POST", new MemoryStream(body), contentLength: null));

        Assert.True(context.Request.Body.Position < body.Length, $"read {context.Request.Body.Position} of {body.Length} bytes");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ProcessAsync_BodyExactlyAtTheLimit_RunsTheTurn(bool withContentLength)
    {
        options.MaxActivityBytes = 16 * 1024;
        var bot = new CapturingBot();
        var body = MessageOfSize(options.MaxActivityBytes);

        var context = await ProcessAsync(NewContext("POST", new MemoryStream(body), withContentLength ? body.Length : null), bot);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal(new string('a', 100), bot.Context?.Activity.Text?[..100]);
        Assert.DoesNotContain(logger.Entries, e => e.EventId.Id == 1307);
    }

    [Fact]
    public async Task ProcessAsync_DefaultLimit_IsOneMebibyte()
    {
        var body = MessageOfSize(CloudAdapterOptions.DefaultMaxActivityBytes + 1);

        var context = await ProcessAsync(NewContext("POST", new MemoryStream(body), contentLength: null), new CapturingBot());

        Assert.Equal(1024 * 1024, options.MaxActivityBytes);
        Assert.Equal(413, context.Response.StatusCode);
    }

    [Fact]
    public async Task ProcessAsync_TokenRefusedWithAHugeContentLength_Answers401WithoutReadingTheBody()
    {
        AuthenticateAs(BotAuthenticationResult.Fail("Missing Authorization header"));
        options.MaxActivityBytes = 16 * 1024;
        var bot = new CapturingBot();
        var body = MessageOfSize(options.MaxActivityBytes * 2);

        var context = await ProcessAsync(NewContext("POST", new MemoryStream(body), body.Length), bot);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal("Unauthorized", ReadBody(context));
        Assert.Equal(0, context.Request.Body.Position);
        Assert.DoesNotContain(logger.Entries, e => e.EventId.Id == 1307);
    }

    /// <summary>
    /// Kestrel counts a chunked body's framing (chunk size lines, CRLFs) against its own limit: lowered to ours, it refused
    /// a chunked activity under the limit (MessagingSizeLimitKestrelTests). The counting read alone applies ours.
    /// </summary>
    [Fact]
    public async Task ProcessAsync_ServerWithABodySizeLimit_KeepsItsOwnLimit()
    {
        options.MaxActivityBytes = 16 * 1024;
        var feature = new MaxRequestBodySizeFeature();
        var context = NewContext("POST", new MemoryStream(Encoding.UTF8.GetBytes(TestActivities.Serialize(TestActivities.Message()))));
        context.Features.Set<IHttpMaxRequestBodySizeFeature>(feature);

        await ProcessAsync(context, new CapturingBot());

        Assert.Equal(30_000_000, feature.MaxRequestBodySize);
    }

    /// <summary>
    /// A body stopped while it was read has an unread rest: over HTTP/1.x the 413 closes the connection, else the server
    /// would read the rest off to keep it; one refused by its Content-Length is read off and the connection kept. HTTP/2
    /// has no Connection header.
    /// </summary>
    [Theory]
    [InlineData("HTTP/1.1", false, "close")]
    [InlineData("HTTP/1.0", false, "close")]
    [InlineData("HTTP/2", false, "")]
    [InlineData("HTTP/1.1", true, "")]
    public async Task ProcessAsync_OverTheLimit_ClosesTheConnectionOnlyWhenTheBodyWasCutShort(string protocol, bool withContentLength, string connection)
    {
        options.MaxActivityBytes = 16 * 1024;
        var body = MessageOfSize(options.MaxActivityBytes * 2);
        var context = NewContext("POST", new MemoryStream(body), withContentLength ? body.Length : null);
        context.Request.Protocol = protocol;

        await AssertRefusedAsTooLargeAsync(context);

        Assert.Equal(connection, context.Response.Headers.Connection.ToString());
    }

    [Fact]
    public async Task ProcessAsync_ServerStopsTheBodyAtItsLimit_Answers413NotA500()
    {
        await AssertRefusedAsTooLargeAsync(NewContext("POST", new ServerLimitedBody(Encoding.UTF8.GetBytes(TestActivities.Serialize(TestActivities.Message())))));
    }

    [Fact]
    public async Task ProcessAsync_AuthenticationFails_Answers401WithoutTheReason()
    {
        AuthenticateAs(BotAuthenticationResult.Fail("signature key kid-123 unknown"));
        var bot = new CapturingBot();

        var context = await ProcessAsync("POST", TestActivities.Serialize(TestActivities.Message()), bot);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.DoesNotContain("kid-123", ReadBody(context), StringComparison.Ordinal);
        Assert.Null(bot.Context);
    }

    [Theory]
    [InlineData("""{"type":""")]
    [InlineData("""{"type":"message"}""")]
    [InlineData("not json")]
    public async Task ProcessAsync_TokenRefused_Answers401BeforeTheBodyIsRead(string body)
    {
        AuthenticateAs(BotAuthenticationResult.Fail("Missing Authorization header"));
        var bot = new CapturingBot();

        var context = await ProcessAsync("POST", body, bot);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal("Unauthorized", ReadBody(context));
        Assert.Equal(0, context.Request.Body.Position);
        Assert.Null(bot.Context);
        authenticator.Verify(a => a.AuthorizeActivity(It.IsAny<BotAuthenticationResult>(), It.IsAny<Activity>()), Times.Never);
    }

    [Fact]
    public async Task ProcessAsync_TokenNotBoundToTheActivity_Answers401AndRunsNoTurn()
    {
        var middlewareRan = false;
        middleware.Add(new CallbackMiddleware(() => middlewareRan = true));
        authenticator.Setup(a => a.AuthorizeActivity(It.IsAny<BotAuthenticationResult>(), It.IsAny<Activity>()))
            .Returns(BotAuthenticationResult.Fail("serviceurl claim does not match the activity's serviceUrl"));
        var bot = new CapturingBot();

        var context = await ProcessAsync("POST", TestActivities.Serialize(TestActivities.Message()), bot, authorization: "Bearer abc");

        Assert.Equal(401, context.Response.StatusCode);
        Assert.DoesNotContain("serviceurl", ReadBody(context), StringComparison.Ordinal);
        Assert.Null(bot.Context);
        Assert.False(middlewareRan);
        trustedServiceUrls.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ProcessAsync_AuthorizationHeader_IsPassedToAuthenticator()
    {
        var bot = new CapturingBot();

        await ProcessAsync("POST", TestActivities.Serialize(TestActivities.Message()), bot, authorization: "Bearer abc");

        authenticator.Verify(a => a.AuthenticateHeaderAsync("Bearer abc", It.IsAny<CancellationToken>()));
        authenticator.Verify(a => a.AuthorizeActivity(It.Is<BotAuthenticationResult>(r => r.Succeeded), It.Is<Activity>(x => x.Type == "message")));
    }

    [Fact]
    public async Task ProcessAsync_Authenticated_SetsCallerIdAndTrustsServiceUrl()
    {
        var inbound = TestActivities.Message();
        inbound.CallerId = "urn:spoofed";
        var bot = new CapturingBot();

        await ProcessAsync("POST", TestActivities.Serialize(inbound), bot);

        Assert.Equal(CallerIds.PublicAzureChannel, bot.Context?.Activity.CallerId);
        trustedServiceUrls.Verify(t => t.Trust(TestActivities.ServiceUrl), Times.Once);
    }

    [Fact]
    public async Task ProcessAsync_AnonymousDevMode_NeitherTrustsServiceUrlNorKeepsCallerId()
    {
        AuthenticateAs(BotAuthenticationResult.Anonymous());
        var inbound = TestActivities.Message();
        inbound.CallerId = "urn:spoofed";
        var bot = new CapturingBot();

        var context = await ProcessAsync("POST", TestActivities.Serialize(inbound), bot);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Null(bot.Context?.Activity.CallerId);
        trustedServiceUrls.Verify(t => t.Trust(It.IsAny<string>()), Times.Never);
    }

    [Theory]
    [InlineData("""{"type":"someNewType","id":"1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"c"}}""")]
    [InlineData("""{"type":"conversationUpdate","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","channelData":{"eventType":"somethingNew"},"conversation":{"id":"c"}}""")]
    [InlineData("""{"type":"event","name":"application/vnd.whatever","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"c"}}""")]
    public async Task ProcessAsync_UnknownActivity_Answers200WithEmptyBody(string body)
    {
        var context = await ProcessAsync("POST", body, new EchoHandler());

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("", ReadBody(context));
    }

    [Theory]
    [InlineData("\uFEFF{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\",\"conversation\":{\"id\":\"a:c\"},\"from\":{\"id\":\"29:u\"},\"text\":\"hi\"}")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:c"},"from":{"id":"29:u"},"text":"hi","x":1,"x":2,"channelData":{"a":1,"a":2}}""")]
    [InlineData("""{"type":"message","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:c"},"from":{"id":"29:u"},"Text":"ho","text":"hi"}""")]
    public async Task ProcessAsync_ByteOrderMarkOrRepeatedPropertyNames_RunsTheTurn(string body)
    {
        var bot = new CapturingBot();

        var context = await ProcessAsync("POST", body, bot);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("hi", bot.Context?.Activity.Text);
    }

    [Fact]
    public async Task ProcessAsync_FieldNamesInOtherCaseAndUnknownFields_AreReadAndKept()
    {
        const string body = """
            {"Type":"message","ID":"act-9","Text":"hi","ChannelId":"msteams","serviceURL":"https://smba.trafficmanager.net/emea/",
             "Conversation":{"id":"a:c"},"FROM":{"ID":"29:u"},"futureField":{"nested":true}}
            """;
        var bot = new CapturingBot();

        var context = await ProcessAsync("POST", body, bot);

        Assert.Equal(200, context.Response.StatusCode);
        var activity = bot.Context!.Activity;
        Assert.Equal(("message", "act-9", "hi", "a:c"), (activity.Type, activity.Id, activity.Text, activity.Conversation?.Id));
        Assert.Equal("https://smba.trafficmanager.net/emea/", activity.ServiceUrl);
        Assert.True(activity.Properties!["futureField"].GetProperty("nested").GetBoolean());
    }

    [Fact]
    public async Task ProcessAsync_Message_ReplyGoesToConnectorAndResponseIsEmpty200()
    {
        var context = await ProcessAsync("POST", TestActivities.Serialize(TestActivities.Message("hi")), new EchoHandler());

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("", ReadBody(context));
        Assert.Equal("echo: hi", Assert.Single(connector.Calls).Activity?.Text);
    }

    [Fact]
    public async Task ProcessAsync_ExpectReplies_Answers200WithEveryReplyAndPostsNothing()
    {
        var inbound = TestActivities.Message("hi");
        inbound.DeliveryMode = DeliveryModes.ExpectReplies;

        var context = await ProcessAsync("POST", TestActivities.Serialize(inbound), new EchoHandler(replies: 2));

        Assert.Equal(200, context.Response.StatusCode);
        Assert.StartsWith("application/json", context.Response.ContentType, StringComparison.Ordinal);
        var replies = JsonSerializer.Deserialize(ReadBody(context), ProtocolJsonContext.Inbound.ExpectedReplies);
        Assert.Equal(["echo: hi", "echo: hi"], replies!.Activities.Select(a => a.Text));
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task ProcessAsync_ExpectRepliesInPortugueseAndCzech_TextIsWrittenAsItIsNotAsEscapes()
    {
        var inbound = TestActivities.Message("Olá, ação — příliš žluťoučký <kůň> & şçğ");
        inbound.DeliveryMode = DeliveryModes.ExpectReplies;

        var context = await ProcessAsync("POST", TestActivities.Serialize(inbound), new EchoHandler());

        var body = ReadBody(context);
        Assert.Contains("echo: Olá, ação — příliš žluťoučký <kůň> & şçğ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", body, StringComparison.Ordinal);
        var replies = JsonSerializer.Deserialize(body, ProtocolJsonContext.Inbound.ExpectedReplies);
        Assert.Equal("echo: Olá, ação — příliš žluťoučký <kůň> & şçğ", Assert.Single(replies!.Activities).Text);
    }

    [Fact]
    public async Task ProcessAsync_InvokeWithoutResponse_Answers501()
    {
        var invoke = TestActivities.Of(ActivityTypes.Invoke, a => a.Name = "signin/verifyState");

        var context = await ProcessAsync("POST", TestActivities.Serialize(invoke), new CapturingBot());

        Assert.Equal(501, context.Response.StatusCode);
    }

    [Fact]
    public async Task ProcessAsync_AdaptiveCardActionWithoutAction_Answers200WithOnlyTheErrorBody()
    {
        var invoke = TestActivities.Of(ActivityTypes.Invoke, a =>
        {
            a.Name = InvokeNames.AdaptiveCardAction;
            a.Value = TestActivities.Json("""{"trigger":"manual"}""");
        });

        var context = await ProcessAsync("POST", TestActivities.Serialize(invoke), new EchoHandler());

        Assert.Equal(200, context.Response.StatusCode);
        using var body = JsonDocument.Parse(ReadBody(context));
        Assert.Equal(400, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("BadRequest", body.RootElement.GetProperty("value").GetProperty("code").GetString());
        Assert.False(body.RootElement.TryGetProperty("status", out _));
    }

    [Fact]
    public async Task ProcessAsync_InvokeResponseOfForeignType_IsWrittenCamelCase()
    {
        var bot = new CapturingBot(c => c.InvokeResponse = new InvokeResponse(200, new ForeignBody("x", null)));
        var invoke = TestActivities.Of(ActivityTypes.Invoke, a => a.Name = "config/fetch");

        var context = await ProcessAsync("POST", TestActivities.Serialize(invoke), bot);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("""{"someValue":"x"}""", ReadBody(context));
    }

    [Fact]
    public async Task ProcessAsync_BotThrows_UserGetsPoliteMessageWithoutExceptionText()
    {
        var bot = new CapturingBot(_ => throw new InvalidOperationException("secret connection string"));

        var context = await ProcessAsync("POST", TestActivities.Serialize(TestActivities.Message("hi")), bot);

        Assert.Equal(200, context.Response.StatusCode);
        var reply = Assert.Single(connector.Calls).Activity!;
        Assert.Equal(new CloudAdapterOptions().ErrorMessage, reply.Text);
        Assert.DoesNotContain("secret", reply.Text, StringComparison.Ordinal);
        Assert.Equal("", ReadBody(context));
    }

    [Fact]
    public async Task ProcessAsync_BotSetTheTurnsErrorMessageThenThrows_TheUserGetsThatOne()
    {
        var bot = new CapturingBot(turn =>
        {
            turn.TurnState[TurnStateKeys.ErrorMessage] = "Desculpe, algo correu mal do meu lado.";
            throw new InvalidOperationException("secret");
        });

        await ProcessAsync("POST", TestActivities.Serialize(TestActivities.Message("olá")), bot);

        Assert.Equal("Desculpe, algo correu mal do meu lado.", Assert.Single(connector.Calls).Activity!.Text);
    }

    [Fact]
    public async Task ProcessAsync_AdaptiveCardActionThrowsAfterTheBotSetItsErrorMessage_TheBodyCarriesIt()
    {
        var bot = new CapturingBot(turn =>
        {
            turn.TurnState[TurnStateKeys.ErrorMessage] = "Mi dispiace, qualcosa è andato storto.";
            throw new InvalidOperationException("secret");
        });
        var invoke = TestActivities.Of(ActivityTypes.Invoke, a => a.Name = InvokeNames.AdaptiveCardAction);

        var context = await ProcessAsync("POST", TestActivities.Serialize(invoke), bot);

        var body = ReadBody(context);
        using var document = JsonDocument.Parse(body);
        Assert.Equal("Mi dispiace, qualcosa è andato storto.", document.RootElement.GetProperty("value").GetProperty("message").GetString());
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_BotThrowsAndConnectorFails_StillAnswers200()
    {
        connector.FailWith = new ConnectorException(System.Net.HttpStatusCode.BadGateway, null, "down");
        var bot = new CapturingBot(_ => throw new InvalidOperationException("boom"));

        var context = await ProcessAsync("POST", TestActivities.Serialize(TestActivities.Message("hi")), bot);

        Assert.Equal(200, context.Response.StatusCode);
    }

    [Fact]
    public async Task ProcessAsync_BotThrowsOnExpectReplies_PoliteMessageIsInTheBody()
    {
        var inbound = TestActivities.Message("hi");
        inbound.DeliveryMode = DeliveryModes.ExpectReplies;
        var bot = new CapturingBot(_ => throw new InvalidOperationException("secret"));

        var context = await ProcessAsync("POST", TestActivities.Serialize(inbound), bot);

        var body = ReadBody(context);
        Assert.Contains("Sorry, something went wrong", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_InvokeThrows_Answers500WithSafeBody()
    {
        var bot = new CapturingBot(_ => throw new InvalidOperationException("secret"));
        var invoke = TestActivities.Of(ActivityTypes.Invoke, a => a.Name = "task/fetch");

        var context = await ProcessAsync("POST", TestActivities.Serialize(invoke), bot);

        Assert.Equal(500, context.Response.StatusCode);
        var body = ReadBody(context);
        Assert.Contains("InternalError", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task ProcessAsync_AdaptiveCardActionThrows_Answers200WithStatusCode500InBody()
    {
        var bot = new CapturingBot(_ => throw new InvalidOperationException("secret"));
        var invoke = TestActivities.Of(ActivityTypes.Invoke, a => a.Name = InvokeNames.AdaptiveCardAction);

        var context = await ProcessAsync("POST", TestActivities.Serialize(invoke), bot);

        Assert.Equal(200, context.Response.StatusCode);
        using var body = JsonDocument.Parse(ReadBody(context));
        Assert.Equal(500, body.RootElement.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task ProcessAsync_BotMentioned_HandlerSeesTextWithoutMention()
    {
        var inbound = TestActivities.Message("<at>HiTechTex</at> find partners");
        inbound.Entities = [new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = TestActivities.BotId, Name = "HiTechTex" }, Text = "<at>HiTechTex</at>" }];
        var bot = new CapturingBot();

        await ProcessAsync("POST", TestActivities.Serialize(inbound), bot);

        Assert.Equal("find partners", bot.Context?.Activity.Text);
    }

    /// <summary>
    /// Teams writes the text as HTML: the bot's mention (its entity's text encoded as the message's is) is removed, then
    /// the entities are decoded, so every reader of the turn sees what was typed. Other mentions stay; the card's
    /// submitted value is not touched.
    /// </summary>
    [Fact]
    public async Task ProcessAsync_HtmlEntitiesInTheText_HandlerSeesThemDecodedWithoutTheBotsMention()
    {
        var inbound = TestActivities.Message("<at>Hi &amp; Tech</at> R&amp;D Lab &lt;b&gt;O&#39;Brien&lt;/b&gt;&nbsp;&nbsp;for <at>Ana</at>");
        inbound.Entities =
        [
            new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = TestActivities.BotId, Name = "Hi & Tech" }, Text = "<at>Hi &amp; Tech</at>" },
            new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "29:ana", Name = "Ana" }, Text = "<at>Ana</at>" },
        ];
        inbound.Value = JsonDocument.Parse("""{"note":"R&amp;D"}""").RootElement.Clone();
        var bot = new CapturingBot();

        await ProcessAsync("POST", TestActivities.Serialize(inbound), bot);

        Assert.Equal("R&D Lab <b>O'Brien</b> for <at>Ana</at>", bot.Context?.Activity.Text);
        Assert.Equal("R&amp;D", bot.Context?.Activity.Value?.GetProperty("note").GetString());
    }

    [Fact]
    public async Task ProcessAsync_InvokeWithEntities_TextLeftAsSent()
    {
        var invoke = TestActivities.Of(ActivityTypes.Invoke, a => { a.Name = InvokeNames.AdaptiveCardAction; a.Text = "R&amp;D"; });
        var bot = new CapturingBot();

        await ProcessAsync("POST", TestActivities.Serialize(invoke), bot);

        Assert.Equal("R&amp;D", bot.Context?.Activity.Text);
    }

    [Fact]
    public async Task ProcessAsync_Middleware_RunsBeforeTheBot()
    {
        var order = new List<string>();
        middleware.Add(new CallbackMiddleware(() => order.Add("middleware")));
        var bot = new CapturingBot(_ => order.Add("bot"));

        await ProcessAsync("POST", TestActivities.Serialize(TestActivities.Message()), bot);

        Assert.Equal(["middleware", "bot"], order);
    }

    [Fact]
    public async Task ProcessAsync_Authenticated_PutsAuthenticationInTurnState()
    {
        var bot = new CapturingBot();

        await ProcessAsync("POST", TestActivities.Serialize(TestActivities.Message()), bot);

        var result = Assert.IsType<BotAuthenticationResult>(bot.Context?.TurnState[TurnStateKeys.Authentication]);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task ProcessAsync_CallerGoesAwayDuringTheTurn_TheTurnRunsToItsEndAndNoResponseIsWritten()
    {
        // Teams closes the request of a slow turn and redelivers it; the redelivery is skipped as a duplicate, so this
        // run is the only one: stopped where the caller left, the user's message was lost (or half done).
        using var caller = new CancellationTokenSource();
        var bot = new CallerLeavesBot(caller);
        var context = NewContext("POST", new MemoryStream(Encoding.UTF8.GetBytes(TestActivities.Serialize(TestActivities.Message("book it")))));
        var adapter = new CloudAdapter(
            authenticator.Object, trustedServiceUrls.Object, connector, middleware, Options.Create(options), logger);

        await adapter.ProcessAsync(context.Request, context.Response, bot, caller.Token);

        Assert.True(bot.Finished);
        Assert.Equal(0, context.Response.Body.Length);
        Assert.Single(logger.Entries, e => e.EventId.Id == 1305);
    }

    private void AuthenticateAs(BotAuthenticationResult result)
    {
        authenticator.Setup(a => a.AuthenticateHeaderAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(result);
        authenticator.Setup(a => a.AuthorizeActivity(It.IsAny<BotAuthenticationResult>(), It.IsAny<Activity>())).Returns((BotAuthenticationResult token, Activity _) => token);
    }

    private Task<DefaultHttpContext> ProcessAsync(string method, string body, IBot bot, string? authorization = null)
    {
        var context = NewContext(method, new MemoryStream(Encoding.UTF8.GetBytes(body)));
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return ProcessAsync(context, bot);
    }

    private static DefaultHttpContext NewContext(string method, Stream body, long? contentLength = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Body = body;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = contentLength;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private async Task<DefaultHttpContext> ProcessAsync(DefaultHttpContext context, IBot bot)
    {
        var adapter = new CloudAdapter(
            authenticator.Object, trustedServiceUrls.Object, connector, middleware, Options.Create(options), logger);
        await adapter.ProcessAsync(context.Request, context.Response, bot, CancellationToken.None);
        return context;
    }

    /// <summary>Processes the request and asserts the 413: a short plain-text reason, logged once, and no middleware, turn or call run.</summary>
    private async Task<DefaultHttpContext> AssertRefusedAsTooLargeAsync(DefaultHttpContext context)
    {
        var middlewareRan = false;
        middleware.Add(new CallbackMiddleware(() => middlewareRan = true));
        var bot = new CapturingBot();

        await ProcessAsync(context, bot);

        Assert.Equal(413, context.Response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", context.Response.ContentType);
        Assert.Equal("The request body is too large for an activity.", ReadBody(context));
        Assert.Null(bot.Context);
        Assert.False(middlewareRan);
        Assert.Empty(connector.Calls);
        Assert.Single(logger.Entries, e => e.EventId.Id == 1307);
        return context;
    }

    /// <summary>A message activity whose JSON is exactly <paramref name="bytes"/> bytes long.</summary>
    private static byte[] MessageOfSize(long bytes)
    {
        var empty = Encoding.UTF8.GetByteCount(TestActivities.Serialize(TestActivities.Message("")));
        var body = Encoding.UTF8.GetBytes(TestActivities.Serialize(TestActivities.Message(new string('a', (int)(bytes - empty)))));
        Assert.Equal(bytes, body.Length);
        return body;
    }

    private static string ReadBody(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    private sealed class MaxRequestBodySizeFeature : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; } = 30_000_000;
    }

    /// <summary>A body the server stops reading past its limit, as Kestrel does once <see cref="IHttpMaxRequestBodySizeFeature"/> is passed.</summary>
    private sealed class ServerLimitedBody : MemoryStream
    {
        public ServerLimitedBody(byte[] body)
            : base(body)
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
    }

    private sealed record ForeignBody(string SomeValue, string? Missing);

    private sealed class CapturingBot(Action<ITurnContext>? onTurn = null) : IBot
    {
        public ITurnContext? Context { get; private set; }

        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Context = turnContext;
            onTurn?.Invoke(turnContext);
            return Task.CompletedTask;
        }
    }

    /// <summary>A bot whose caller goes away in the middle of its turn; it then goes on with a token that says so.</summary>
    private sealed class CallerLeavesBot(CancellationTokenSource caller) : IBot
    {
        public bool Finished { get; private set; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            await caller.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            Finished = true;
        }
    }

    private sealed class EchoHandler(int replies = 1) : ActivityHandler
    {
        protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            for (var i = 0; i < replies; i++)
            {
                await turnContext.SendActivityAsync("echo: " + turnContext.Activity.Text, cancellationToken);
            }
        }
    }

    private sealed class CallbackMiddleware(Action callback) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            callback();
            return next(cancellationToken);
        }
    }
}
