using System.Text.Json;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>Checklist 29 and 32, through the real connector client against a fake connector.</summary>
public sealed class ProactiveMessengerTests : IAsyncLifetime
{
    private const string TenantId = "tenant-1";
    private const string UserAadId = "aad-user-1";

    private readonly ObservableTimeProvider time = new();
    private readonly InMemoryConversationReferenceStore store = new();
    private readonly Queue<FakeResponse> script = new();
    private FakeConnector connector = null!;
    private ServiceProvider services = null!;
    private AsyncServiceScope scope;

    private IProactiveMessenger Messenger => scope.ServiceProvider.GetRequiredService<IProactiveMessenger>();

    public async Task InitializeAsync()
    {
        connector = await FakeConnector.StartAsync((_, _) => script.TryDequeue(out var next) ? next : FakeResponse.Ok("""{"id":"activity-1"}"""));
        services = ConnectorTestServices.Build(
            time,
            new StubTokenProvider("t"),
            o => o.DefaultServiceUrl = connector.BaseUrl + "/teams/",
            store);
        services.GetRequiredService<ITrustedServiceUrls>().Trust(connector.BaseUrl);
        scope = services.CreateAsyncScope();
    }

    public async Task DisposeAsync()
    {
        await scope.DisposeAsync();
        await services.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task SendToConversationAsync_StoredReference_SendsToItsServiceUrlAndConversation()
    {
        store.Add(Reference("19:chan@thread.tacv2", "channel"));
        var activity = Activity.CreateMessage("news");

        var result = await Messenger.SendToConversationAsync("19:chan@thread.tacv2", activity, CancellationToken.None);

        Assert.Equal(new ProactiveSendResult(ProactiveSendStatus.Sent, "19:chan@thread.tacv2", "activity-1"), result);
        var request = Assert.Single(connector.Requests);
        Assert.Equal("/emea/v3/conversations/19%3Achan%40thread.tacv2/activities", Assert.Single(connector.RawTargets));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("19:chan@thread.tacv2", body.RootElement.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal($"28:{ConnectorTestServices.AppId}", body.RootElement.GetProperty("from").GetProperty("id").GetString());
        Assert.Null(activity.Conversation);
    }

    [Fact]
    public async Task UpdateInConversationAsync_StoredReference_PutsTheActivityUnderItsId()
    {
        store.Add(Reference("a:1", "personal"));

        var result = await Messenger.UpdateInConversationAsync("a:1", "act-7", Activity.CreateMessage("decided"), CancellationToken.None);

        Assert.Equal(new ProactiveSendResult(ProactiveSendStatus.Sent, "a:1", "act-7"), result);
        var request = Assert.Single(connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/emea/v3/conversations/a%3A1/activities/act-7", Assert.Single(connector.RawTargets));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("decided", body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task UpdateInConversationAsync_NoReference_ReturnsNoReferenceWithoutRequest()
    {
        var result = await Messenger.UpdateInConversationAsync("a:unknown", "act-1", Activity.CreateMessage("x"), CancellationToken.None);

        Assert.Equal(ProactiveSendStatus.NoReference, result.Status);
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_NoReference_ReturnsNoReferenceWithoutRequest()
    {
        var result = await Messenger.SendToConversationAsync("a:unknown", Activity.CreateMessage("x"), CancellationToken.None);

        Assert.Equal(ProactiveSendStatus.NoReference, result.Status);
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_InactiveReference_ReturnsBlockedWithoutRequest()
    {
        store.Add(Reference("a:1", "personal"), isActive: false);

        var result = await Messenger.SendToConversationAsync("a:1", Activity.CreateMessage("x"), CancellationToken.None);

        Assert.Equal(ProactiveSendStatus.Blocked, result.Status);
        Assert.Empty(connector.Requests);
    }

    [Theory]
    [InlineData("Forbidden", "MessageWritesBlocked")]   // the spec's
    [InlineData("ConversationBlockedByUser", null)]     // the user blocked the bot (what Teams' error table documents)
    [InlineData("BotNotInConversationRoster", null)]    // the bot was removed from the conversation
    [InlineData("BotDisabledByAdmin", null)]            // the tenant admin blocked the app for the user
    public async Task SendToConversationAsync_403TheBotMayNotWriteThere_MarksInactiveAndReturnsBlocked(string code, string? subCode)
    {
        store.Add(Reference("a:1", "personal"));
        script.Enqueue(FakeResponse.Error(403, code, subCode));

        var result = await Messenger.SendToConversationAsync("a:1", Activity.CreateMessage("x"), CancellationToken.None);
        var again = await Messenger.SendToConversationAsync("a:1", Activity.CreateMessage("x"), CancellationToken.None);

        Assert.Equal(new ProactiveSendResult(ProactiveSendStatus.Blocked, "a:1"), result);
        Assert.Equal(["a:1"], store.MarkedInactive);
        Assert.Equal(ProactiveSendStatus.Blocked, again.Status);
        Assert.Single(connector.Requests);
    }

    [Theory]
    [InlineData("NotEnoughPermissions")]
    [InlineData("InvalidBotApiHost")]
    public async Task SendToConversationAsync_Other403_Throws(string code)
    {
        store.Add(Reference("a:1", "personal"));
        script.Enqueue(FakeResponse.Error(403, code));

        await Assert.ThrowsAsync<ConnectorException>(
            () => Messenger.SendToConversationAsync("a:1", Activity.CreateMessage("x"), CancellationToken.None));

        Assert.Empty(store.MarkedInactive);
    }

    [Fact]
    public async Task SendToUserAsync_NoStoredConversation_CreatesOneToOneConversationStoresItAndSends()
    {
        script.Enqueue(FakeResponse.Ok("""{"id":"a:new-chat"}"""));

        var result = await Messenger.SendToUserAsync(UserAadId, TenantId, Activity.CreateMessage("hello"), CancellationToken.None);

        Assert.Equal(new ProactiveSendResult(ProactiveSendStatus.Sent, "a:new-chat", "activity-1"), result);
        Assert.Equal(2, connector.Requests.Count);
        var create = connector.Requests[0];
        Assert.Equal("POST", create.Method);
        Assert.Equal("/teams/v3/conversations", create.Path);
        Assert.Equal(
            """{"isGroup":false,"bot":{"id":"28:00000000-0000-0000-0000-0000000000b0"},"members":[{"id":"aad-user-1"}],"tenantId":"tenant-1","channelData":{"tenant":{"id":"tenant-1"}}}""",
            create.Body);
        Assert.Equal("/teams/v3/conversations/a%3Anew-chat/activities", connector.RawTargets[1]);

        var stored = Assert.Single(store.All);
        Assert.True(stored.IsActive);
        Assert.Equal("a:new-chat", stored.Reference.Conversation?.Id);
        Assert.Equal("personal", stored.Reference.Conversation?.ConversationType);
        Assert.Equal(TenantId, stored.Reference.Conversation?.TenantId);
        Assert.Equal(UserAadId, stored.Reference.User?.AadObjectId);
        Assert.Equal(connector.BaseUrl + "/teams/", stored.Reference.ServiceUrl);
    }

    [Fact]
    public async Task SendToUserAsync_NoStoredConversationButTheTenantIsKnown_CreatesItAtTheTenantsServiceUrl()
    {
        // The user wrote in a channel of their tenant, served by a regional (or sovereign-cloud) endpoint.
        var channel = Reference("19:chan@thread.tacv2", "channel");
        channel.ServiceUrl = connector.BaseUrl + "/emea/";
        store.Add(channel);
        var otherTenant = Reference("19:other@thread.tacv2", "channel");
        otherTenant.ServiceUrl = connector.BaseUrl + "/amer/";
        otherTenant.Conversation!.TenantId = "tenant-2";
        store.Add(otherTenant);
        script.Enqueue(FakeResponse.Ok("""{"id":"a:new-chat"}"""));

        var result = await Messenger.SendToUserAsync(UserAadId, TenantId, Activity.CreateMessage("hello"), CancellationToken.None);

        Assert.True(result.IsSent);
        Assert.Equal("/emea/v3/conversations", connector.Requests[0].Path);
        Assert.Equal("/emea/v3/conversations/a%3Anew-chat/activities", connector.RawTargets[1]);
        Assert.Equal(connector.BaseUrl + "/emea/", (await store.GetAsync("a:new-chat", CancellationToken.None))!.Reference.ServiceUrl);
    }

    [Fact]
    public async Task SendToUserAsync_SecondMessage_ReusesStoredConversation()
    {
        script.Enqueue(FakeResponse.Ok("""{"id":"a:new-chat"}"""));
        await Messenger.SendToUserAsync(UserAadId, TenantId, Activity.CreateMessage("one"), CancellationToken.None);

        var result = await Messenger.SendToUserAsync(UserAadId, TenantId, Activity.CreateMessage("two"), CancellationToken.None);

        Assert.Equal(ProactiveSendStatus.Sent, result.Status);
        Assert.Equal(["/teams/v3/conversations", "/teams/v3/conversations/a:new-chat/activities", "/teams/v3/conversations/a:new-chat/activities"],
            connector.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task SendToUserAsync_StoredPersonalConversation_SendsWithoutCreating()
    {
        store.Add(Reference("a:existing", "personal"));

        var result = await Messenger.SendToUserAsync(UserAadId, TenantId, Activity.CreateMessage("x"), CancellationToken.None);

        Assert.Equal(ProactiveSendStatus.Sent, result.Status);
        Assert.Equal("/emea/v3/conversations/a:existing/activities", Assert.Single(connector.Requests).Path);
    }

    [Fact]
    public async Task SendToUserAsync_CreateAnswersMessageWritesBlocked_ReturnsBlockedAndStoresNothing()
    {
        script.Enqueue(FakeResponse.Error(403, "Forbidden", "MessageWritesBlocked"));

        var result = await Messenger.SendToUserAsync(UserAadId, TenantId, Activity.CreateMessage("x"), CancellationToken.None);

        Assert.Equal(ProactiveSendStatus.Blocked, result.Status);
        Assert.Single(connector.Requests);
        Assert.Empty(store.All);
    }

    private ConversationReference Reference(string conversationId, string conversationType) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = connector.BaseUrl + "/emea/",
        Bot = new ChannelAccount { Id = $"28:{ConnectorTestServices.AppId}", Name = "Bot" },
        User = new ChannelAccount { Id = "29:user", AadObjectId = UserAadId },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = conversationType, TenantId = TenantId },
    };
}
