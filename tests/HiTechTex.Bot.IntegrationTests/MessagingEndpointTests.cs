using System.Net;
using System.Text;
using System.Text.Json;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests;

public sealed class MessagingEndpointTests(DevelopmentHostFixture host) : IClassFixture<DevelopmentHostFixture>
{
    [Fact]
    public void Host_RunsTheHourlyPurgeOfExpiredDialogStates()
    {
        var hosted = host.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>();

        Assert.Single(hosted.OfType<HiTechTex.Bot.Features.Conversation.DialogStatePurgeService>());
    }

    private readonly HttpClient client = host.Client;

    [Fact]
    public async Task Post_ExpectRepliesMessage_Answers200WithReplyInBodyAndPostsNothing()
    {
        var conversationId = Activities.NewConversationId();
        var activity = Activities.Message(conversationId, "hello");
        activity["from"] = NewUser();
        activity["deliveryMode"] = "expectReplies";

        using var response = await client.PostActivityAsync(activity);

        // A first contact: the profile capture starts by confirming the name Teams gave.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(body.RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal("Nice to meet you! Shall I call you Alex Wilber?", reply.GetProperty("text").GetString());
        Assert.Equal(conversationId, reply.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Empty(host.Factory.Connector.SentTo(conversationId));
    }

    [Fact]
    public async Task Post_FirstRequestThenProfile_JourneyAnswerShowsUserTextLiterally()
    {
        var conversationId = Activities.NewConversationId();
        var user = NewUser();

        await SendAsync(conversationId, user, "find partners <b>bold</b> & co");
        await SendAsync(conversationId, user, "yes");
        await SendAsync(conversationId, user, "ACME Textiles");
        using var response = await SendAsync(conversationId, user, "English");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var replies = host.Factory.Connector.SentTo(conversationId);
        Assert.Equal("Which organisation do you work for?", replies[1].Text);
        Assert.Equal("Thanks, Alex Wilber! Your profile is saved.", replies[3].Text);
        Assert.Equal("No organisation matches. Try other words or fewer filters.", replies[4].Text);
        Assert.All(replies.Where(r => r.Text?.Contains("<b>", StringComparison.Ordinal) == true), r => Assert.Equal("plain", r.TextFormat));
    }

    [Fact]
    public async Task Post_BotMentioned_RoutesTextWithoutTheMention()
    {
        var conversationId = Activities.NewConversationId();
        var user = NewUser();
        await CompleteProfileAsync(conversationId, user);
        var activity = Activities.Message(conversationId, "<at>HiTechTex</at> find partners");
        activity["from"] = user;
        activity["entities"] = JsonNodeArray($$"""[{"type":"mention","mentioned":{"id":"{{Activities.BotId}}","name":"HiTechTex"},"text":"<at>HiTechTex</at>"}]""");
        var before = host.Factory.Connector.SentTo(conversationId).Count;

        await client.PostActivityAsync(activity);

        var replies = host.Factory.Connector.SentTo(conversationId).Skip(before).ToList();
        Assert.Contains("partners.search", replies[0].Attachments?.Single().Content?.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => r.Text?.Contains("<at>", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Post_BotAdded_StoresReferenceAndWelcomesWithACard()
    {
        var conversationId = Activities.NewConversationId();

        using var response = await client.PostActivityAsync(Activities.BotAdded(conversationId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(host.Factory.Connector.SentTo(conversationId));
        var card = Assert.Single(welcome.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        var json = card.Content!.Value.GetRawText();
        Assert.Contains("Welcome to the Hi-Tech-TEX partnership bot", json, StringComparison.Ordinal);
        Assert.Contains("ClusterXchange", json, StringComparison.Ordinal);
        Assert.Contains("findPartners", json, StringComparison.Ordinal);
        var stored = await GetStoredAsync(conversationId);
        Assert.Equal(Activities.TenantId, stored?.Reference.Conversation?.TenantId);
    }

    [Fact]
    public async Task Post_InstallationAdd_StoresReferenceWithoutWelcomingTwice()
    {
        var conversationId = Activities.NewConversationId();

        await client.PostActivityAsync(Activities.Installation(conversationId, "add"));

        Assert.NotNull(await GetStoredAsync(conversationId));
        Assert.Empty(host.Factory.Connector.SentTo(conversationId));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task NotPost_Answers405(string method)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Head_Answers200()
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/messages"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"text":"no type"}""")]
    public async Task Post_BodyIsNotAnActivity_Answers400(string body)
    {
        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("someTypeNobodyKnows")]
    [InlineData("event")]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    public async Task Post_ActivityTheBotIgnores_Answers200(string type)
    {
        var activity = Activities.Base(type, Activities.NewConversationId(), a => a["name"] = "application/vnd.unknown");

        using var response = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnhandledInvoke_Answers501()
    {
        var activity = Activities.Base("invoke", Activities.NewConversationId(), a => a["name"] = "task/fetch");

        using var response = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Post_AdaptiveCardActionWithoutAction_Answers200WithBadRequestBody()
    {
        var activity = Activities.Base("invoke", Activities.NewConversationId(), a =>
        {
            a["name"] = "adaptiveCard/action";
            a["value"] = JsonNodeObject("""{"trigger":"manual"}""");
        });

        using var response = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("BadRequest", body.RootElement.GetProperty("value").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("nope", """{}""")]
    [InlineData("exchange.approveAll", """{"exchangeId":"x"}""")]
    [InlineData(null, """{"anything":"else"}""")]
    public async Task Post_AdaptiveCardActionWithAVerbNobodyHandles_SaysNotRecognisedAndRunsNothing(string? verb, string data)
    {
        var conversationId = Activities.NewConversationId();
        var action = new System.Text.Json.Nodes.JsonObject { ["type"] = "Action.Execute", ["data"] = System.Text.Json.Nodes.JsonNode.Parse(data) };
        if (verb is not null)
        {
            action["verb"] = verb;
        }

        var activity = Activities.Base("invoke", conversationId, a =>
        {
            a["name"] = "adaptiveCard/action";
            a["from"] = NewUser();
            a["value"] = new System.Text.Json.Nodes.JsonObject { ["action"] = action, ["trigger"] = "manual" };
        });

        using var response = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
        Assert.StartsWith("This button is out of date or not one of mine", body.RootElement.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Factory.Connector.SentTo(conversationId));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_ActivityOverTheDefaultLimit_Answers413AndRunsNothing(bool withContentLength)
    {
        var conversationId = Activities.NewConversationId();
        var activity = Activities.Message(conversationId, new string('a', 1024 * 1024));
        activity["from"] = NewUser();
        var body = Encoding.UTF8.GetBytes(activity.ToJsonString());
        using HttpContent content = withContentLength ? new ByteArrayContent(body) : new ChunkedContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The request body is too large for an activity.", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Factory.Connector.SentTo(conversationId));
        Assert.Null(await GetStoredAsync(conversationId));
    }

    [Fact]
    public async Task Post_TokenSentWithoutAppIdInDevMode_Answers401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Activities.Message(Activities.NewConversationId(), "hi").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-real-token");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_Answers200()
    {
        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_DatabaseAnswers_Answers200()
    {
        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A user of their own, so that no other test's profile or half-done profile capture interferes.</summary>
    private static System.Text.Json.Nodes.JsonObject NewUser() => new()
    {
        ["id"] = $"29:user-{Guid.NewGuid():N}",
        ["name"] = "Alex Wilber",
        ["aadObjectId"] = Guid.NewGuid().ToString(),
    };

    private Task<HttpResponseMessage> SendAsync(string conversationId, System.Text.Json.Nodes.JsonObject user, string text)
    {
        var activity = Activities.Message(conversationId, text);
        activity["from"] = user.DeepClone();
        return client.PostActivityAsync(activity);
    }

    private async Task CompleteProfileAsync(string conversationId, System.Text.Json.Nodes.JsonObject user)
    {
        foreach (var text in (string[])["hi", "yes", "ACME Textiles", "English"])
        {
            using var response = await SendAsync(conversationId, user, text);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task<StoredConversationReference?> GetStoredAsync(string conversationId)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>().GetAsync(conversationId, CancellationToken.None);
    }

    private static System.Text.Json.Nodes.JsonNode JsonNodeArray(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!;

    private static System.Text.Json.Nodes.JsonNode JsonNodeObject(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!;
}
