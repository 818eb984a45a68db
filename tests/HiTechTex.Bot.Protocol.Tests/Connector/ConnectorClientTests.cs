using System.Net;
using System.Text.Json;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string ThreadId = "19:abc@thread.tacv2;messageid=123";
    private const string EscapedThreadId = "19%3Aabc%40thread.tacv2%3Bmessageid%3D123";

    private readonly ObservableTimeProvider time = new();
    private readonly StubTokenProvider tokens = new("connector-token");
    private FakeConnector connector = null!;
    private ServiceProvider services = null!;

    private IConnectorClient Client => services.GetRequiredService<IConnectorClient>();

    public async Task InitializeAsync()
    {
        connector = await FakeConnector.StartAsync();
        services = ConnectorTestServices.Build(time, tokens);
        services.GetRequiredService<ITrustedServiceUrls>().Trust(connector.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task SendToConversationAsync_ThreadConversationId_EscapesIdInPath()
    {
        await Client.SendToConversationAsync(connector.BaseUrl, ThreadId, Activity.CreateMessage("hi"), CancellationToken.None);

        var request = Assert.Single(connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/activities", Assert.Single(connector.RawTargets));
        Assert.Equal($"/v3/conversations/{ThreadId}/activities", request.Path);
    }

    [Fact]
    public async Task SendToConversationAsync_TextWithEmoji_PostsThemAsUtf8NotAsEscapedPairs()
    {
        var activity = Activity.CreateMessage("Bom dia 👋 — a tua candidatura foi aprovada 🎉");
        activity.Conversation = new ConversationAccount { Id = ThreadId };

        await Client.SendToConversationAsync(connector.BaseUrl, ThreadId, activity, CancellationToken.None);

        var request = Assert.Single(connector.Requests);
        Assert.Contains("\"text\":\"Bom dia 👋 — a tua candidatura foi aprovada 🎉\"", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\uD83D", request.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SendToConversationAsync_Activity_PostsCamelCaseBodyWithoutIdTimestampOrNulls()
    {
        var activity = Activity.CreateMessage("Grüße <at>Bot</at>");
        activity.Id = "inbound-id";
        activity.Timestamp = DateTimeOffset.UnixEpoch;
        activity.ReplyToId = "card-1";
        activity.Conversation = new ConversationAccount { Id = ThreadId, TenantId = "tenant-1" };

        var response = await Client.SendToConversationAsync(connector.BaseUrl, ThreadId, activity, CancellationToken.None);

        Assert.Equal("activity-1", response.Id);
        var request = Assert.Single(connector.Requests);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        using var body = JsonDocument.Parse(request.Body);
        var names = body.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["type", "conversation", "text", "replyToId"], names);
        Assert.Equal("Grüße <at>Bot</at>", body.RootElement.GetProperty("text").GetString());
        Assert.Contains("Grüße", request.Body);
        Assert.Equal(["id", "tenantId"], body.RootElement.GetProperty("conversation").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("null", request.Body);

        // The caller's object is left as it was.
        Assert.Equal("inbound-id", activity.Id);
        Assert.Equal(DateTimeOffset.UnixEpoch, activity.Timestamp);
    }

    [Fact]
    public async Task ReplyToActivityAsync_NoReplyToId_PostsToActivityPathWithReplyToId()
    {
        await Client.ReplyToActivityAsync(connector.BaseUrl, ThreadId, "1:msg/id", Activity.CreateMessage("re"), CancellationToken.None);

        var request = Assert.Single(connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/activities/1%3Amsg%2Fid", Assert.Single(connector.RawTargets));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("1:msg/id", body.RootElement.GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task UpdateActivityAsync_Activity_PutsToActivityPath()
    {
        var activity = Activity.CreateMessage("updated");
        activity.Id = "act-7";

        var response = await Client.UpdateActivityAsync(connector.BaseUrl, ThreadId, "act-7", activity, CancellationToken.None);

        var request = Assert.Single(connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/activities/act-7", Assert.Single(connector.RawTargets));
        Assert.Equal("""{"type":"message","text":"updated"}""", request.Body);
        Assert.Equal("activity-1", response.Id);
    }

    [Fact]
    public async Task DeleteActivityAsync_Ids_DeletesActivityPathWithoutBody()
    {
        await Client.DeleteActivityAsync(connector.BaseUrl, ThreadId, "act-7", CancellationToken.None);

        var request = Assert.Single(connector.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/activities/act-7", Assert.Single(connector.RawTargets));
        Assert.Equal("", request.Body);
    }

    [Fact]
    public async Task CreateConversationAsync_Parameters_PostsToConversationsAndParsesAnswer()
    {
        await using var server = await FakeConnector.StartAsync((_, _) => FakeResponse.Ok("""{"id":"a:1xyz","activityId":"m1","serviceUrl":"https://smba.trafficmanager.net/emea/"}"""));
        services.GetRequiredService<ITrustedServiceUrls>().Trust(server.BaseUrl);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "aad-user" }],
            TenantId = "tenant-1",
        };

        var response = await Client.CreateConversationAsync(server.BaseUrl + "/teams/", parameters, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/teams/v3/conversations", request.Path);
        Assert.Equal("""{"isGroup":false,"bot":{"id":"28:bot"},"members":[{"id":"aad-user"}],"tenantId":"tenant-1"}""", request.Body);
        Assert.Equal(new ConversationResourceResponse("a:1xyz", "m1", "https://smba.trafficmanager.net/emea/"), response);
    }

    [Fact]
    public async Task GetConversationMembersAsync_ConversationId_GetsMembersAndParsesList()
    {
        await using var server = await FakeConnector.StartAsync((_, _) => FakeResponse.Ok(
            """[{"id":"29:1","name":"Ana","aadObjectId":"aad-1","email":"ana@example.org","userRole":"user"},{"id":"29:2","name":"Bo"}]"""));
        services.GetRequiredService<ITrustedServiceUrls>().Trust(server.BaseUrl);

        var members = await Client.GetConversationMembersAsync(server.BaseUrl, ThreadId, CancellationToken.None);

        Assert.Equal("GET", Assert.Single(server.Requests).Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/members", Assert.Single(server.RawTargets));
        Assert.Equal(["29:1", "29:2"], members.Select(m => m.Id));
        Assert.Equal("ana@example.org", members[0].Email);
    }

    [Fact]
    public async Task GetConversationMemberAsync_MemberId_GetsEscapedMemberPath()
    {
        await using var server = await FakeConnector.StartAsync((_, _) => FakeResponse.Ok("""{"id":"29:1","name":"Ana"}"""));

        var member = await Client.GetConversationMemberAsync(server.BaseUrl, "a:1", "29:1", CancellationToken.None);

        Assert.Equal("/v3/conversations/a%3A1/members/29%3A1", Assert.Single(server.RawTargets));
        Assert.Equal("Ana", member.Name);
    }

    [Theory]
    [InlineData("", "/v3/conversations/a%3A1/activities")]
    [InlineData("/", "/v3/conversations/a%3A1/activities")]
    [InlineData("/emea", "/emea/v3/conversations/a%3A1/activities")]
    [InlineData("/emea/", "/emea/v3/conversations/a%3A1/activities")]
    public async Task SendToConversationAsync_ServiceUrlWithOrWithoutSlash_KeepsServiceUrlPath(string suffix, string expectedTarget)
    {
        await Client.SendToConversationAsync(connector.BaseUrl + suffix, "a:1", Activity.CreateMessage("x"), CancellationToken.None);

        Assert.Equal(expectedTarget, Assert.Single(connector.RawTargets));
    }

    [Fact]
    public async Task SendToConversationAsync_TrustedServiceUrl_AttachesBearerToken()
    {
        await Client.SendToConversationAsync(connector.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None);

        Assert.Equal("Bearer connector-token", Assert.Single(connector.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task SendToConversationAsync_UntrustedServiceUrl_SendsWithoutToken()
    {
        // Same server, but addressed as "localhost": a different authority that no activity has verified.
        var untrusted = connector.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        await Client.SendToConversationAsync(untrusted, "a:1", Activity.CreateMessage("x"), CancellationToken.None);

        Assert.False(Assert.Single(connector.Requests).Headers.ContainsKey("Authorization"));
        Assert.Equal(0, tokens.Calls);
    }

    [Fact]
    public async Task SendToConversationAsync_NoAppIdConfigured_SendsWithoutToken()
    {
        await using var devServices = ConnectorTestServices.Build(time, new StubTokenProvider(null));
        devServices.GetRequiredService<ITrustedServiceUrls>().Trust(connector.BaseUrl);

        await devServices.GetRequiredService<IConnectorClient>().SendToConversationAsync(connector.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None);

        Assert.False(Assert.Single(connector.Requests).Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task SendToConversationAsync_ActivityOver40KbUtf16_ThrowsBeforeHttp()
    {
        // One character more than the largest accepted activity (see the test below): 40962 bytes.
        var activity = Activity.CreateMessage(new string('x', 20453));

        var ex = await Assert.ThrowsAsync<ActivityTooLargeException>(
            () => Client.SendToConversationAsync(connector.BaseUrl, "a:1", activity, CancellationToken.None));

        Assert.Empty(connector.Requests);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, ex.StatusCode);
        Assert.Equal(40962, ex.SizeBytes);
        Assert.Equal(40 * 1024, ex.LimitBytes);
    }

    [Fact]
    public async Task SendToConversationAsync_ActivityJustUnderLimit_IsSent()
    {
        // {"type":"message","text":""} is 28 characters; 28 + 20452 = 20480 characters = 40960 bytes as UTF-16.
        var activity = Activity.CreateMessage(new string('x', 20452));

        await Client.SendToConversationAsync(connector.BaseUrl, "a:1", activity, CancellationToken.None);

        Assert.Equal(20480, Assert.Single(connector.Requests).Body.Length);
    }

    [Fact]
    public async Task SendToConversationAsync_413MessageSizeTooBig_ThrowsWithoutRetry()
    {
        await using var server = await FakeConnector.StartAsync((_, _) => FakeResponse.Error(413, "MessageSizeTooBig"));
        services.GetRequiredService<ITrustedServiceUrls>().Trust(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<ConnectorException>(
            () => Client.SendToConversationAsync(server.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None));

        Assert.Single(server.Requests);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, ex.StatusCode);
        Assert.Equal("MessageSizeTooBig", ex.Error?.Error?.Code);
    }

    [Fact]
    public async Task SendToConversationAsync_403MessageWritesBlocked_ThrowsBlockedException()
    {
        await using var server = await FakeConnector.StartAsync((_, _) => FakeResponse.Error(403, "Forbidden", "MessageWritesBlocked"));
        services.GetRequiredService<ITrustedServiceUrls>().Trust(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<ConnectorException>(
            () => Client.SendToConversationAsync(server.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None));

        Assert.Single(server.Requests);
        Assert.True(ex.IsMessageWritesBlocked);
    }

    [Fact]
    public async Task SendToConversationAsync_EighthSendInOneSecond_WaitsForThrottleBeforeSending()
    {
        for (var i = 0; i < 7; i++)
        {
            await Client.SendToConversationAsync(connector.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None);
        }

        var eighth = Client.SendToConversationAsync(connector.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None);
        var wait = await time.NextWaitAsync();

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Equal(7, connector.Requests.Count);

        time.Advance(wait);
        await eighth.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(8, connector.Requests.Count);
    }
}
