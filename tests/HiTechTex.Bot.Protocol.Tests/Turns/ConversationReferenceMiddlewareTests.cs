using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

public sealed class ConversationReferenceMiddlewareTests
{
    private readonly InMemoryConversationReferenceStore store = new();
    private readonly FakeTimeProvider time = new();
    private readonly ConversationReferenceMiddleware middleware;

    public ConversationReferenceMiddlewareTests() =>
        middleware = new ConversationReferenceMiddleware(store, new ConversationReferenceCache(time), NullLogger<ConversationReferenceMiddleware>.Instance);

    [Theory]
    [InlineData("add")]
    [InlineData("add-upgrade")]
    public async Task OnTurnAsync_InstallationAdd_StoresTheReference(string action)
    {
        var activity = TestActivities.Of(ActivityTypes.InstallationUpdate, a =>
        {
            a.Action = action;
            a.Conversation!.TenantId = null;
            a.ChannelData = TestActivities.Json("{\"tenant\":{\"id\":\"" + TestActivities.TenantId + "\"}}");
        });

        await RunAsync(activity);

        var reference = store.References["a:conv-1"];
        Assert.Equal(TestActivities.ServiceUrl, reference.ServiceUrl);
        Assert.Equal(TestActivities.TenantId, reference.Conversation?.TenantId);
        Assert.Equal(TestActivities.BotId, reference.Bot?.Id);
        Assert.Equal("29:user-1", reference.User?.Id);
        Assert.Equal("aad-user-1", reference.User?.AadObjectId);
    }

    [Fact]
    public async Task OnTurnAsync_InstallWithLocaleThenConversationUpdateWithout_KeepsTheKnownLocale()
    {
        // What Teams (and the Agents Playground) send on install: installationUpdate with the locale, then a
        // conversationUpdate without one. The second write must not forget the user's language.
        await RunAsync(TestActivities.Of(ActivityTypes.InstallationUpdate, a => { a.Action = "add"; a.Locale = "pt-PT"; }));
        await RunAsync(TestActivities.Of(ActivityTypes.ConversationUpdate, a =>
        {
            a.Locale = null;
            a.MembersAdded = [new ChannelAccount { Id = TestActivities.BotId }];
        }));

        Assert.Equal("pt-PT", store.References["a:conv-1"].Locale);

        // A locale that is sent replaces the stored one.
        await RunAsync(TestActivities.Of(ActivityTypes.InstallationUpdate, a => { a.Action = "add"; a.Locale = "cs-CZ"; }));
        Assert.Equal("cs-CZ", store.References["a:conv-1"].Locale);
    }

    [Fact]
    public async Task OnTurnAsync_BotInMembersAdded_StoresTheReference()
    {
        var activity = TestActivities.Of(ActivityTypes.ConversationUpdate, a => a.MembersAdded = [new ChannelAccount { Id = TestActivities.BotId }]);

        await RunAsync(activity);

        Assert.True(store.References.ContainsKey("a:conv-1"));
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("remove-upgrade")]
    public async Task OnTurnAsync_InstallationRemove_DeletesTheReference(string action)
    {
        await RunAsync(TestActivities.Message());

        await RunAsync(TestActivities.Of(ActivityTypes.InstallationUpdate, a => a.Action = action));

        Assert.Empty(store.References);
    }

    [Fact]
    public async Task OnTurnAsync_BotInMembersRemoved_DeletesTheReference()
    {
        await RunAsync(TestActivities.Message());

        await RunAsync(TestActivities.Of(ActivityTypes.ConversationUpdate, a => a.MembersRemoved = [new ChannelAccount { Id = TestActivities.BotId }]));

        Assert.Empty(store.References);
    }

    [Fact]
    public async Task OnTurnAsync_OtherMemberRemoved_KeepsTheReference()
    {
        await RunAsync(TestActivities.Message());

        await RunAsync(TestActivities.Of(ActivityTypes.ConversationUpdate, a => a.MembersRemoved = [new ChannelAccount { Id = "29:someone" }]));

        Assert.Single(store.References);
    }

    [Fact]
    public async Task OnTurnAsync_SameReferenceTwice_WritesOnce()
    {
        await RunAsync(TestActivities.Message("one"));
        await RunAsync(TestActivities.Message("two"));

        Assert.Equal(1, store.Saves);
    }

    [Fact]
    public async Task OnTurnAsync_ServiceUrlChanged_WritesAgain()
    {
        await RunAsync(TestActivities.Message());
        var moved = TestActivities.Message();
        moved.ServiceUrl = "https://smba.trafficmanager.net/amer/";

        await RunAsync(moved);

        Assert.Equal(2, store.Saves);
        Assert.Equal("https://smba.trafficmanager.net/amer/", store.References["a:conv-1"].ServiceUrl);
    }

    [Fact]
    public async Task OnTurnAsync_CachedEntryExpired_WritesAgain()
    {
        await RunAsync(TestActivities.Message());
        time.Advance(ConversationReferenceCache.TimeToLive);

        await RunAsync(TestActivities.Message());

        Assert.Equal(2, store.Saves);
    }

    [Fact]
    public async Task OnTurnAsync_InstallAfterRefresh_AlwaysWrites()
    {
        await RunAsync(TestActivities.Message());

        await RunAsync(TestActivities.Of(ActivityTypes.InstallationUpdate, a => a.Action = "add"));

        Assert.Equal(2, store.Saves);
    }

    [Fact]
    public async Task OnTurnAsync_RefreshFails_TurnGoesOn()
    {
        store.FailSavesWith = new InvalidOperationException("database down");

        var nextCalled = await RunAsync(TestActivities.Message());

        Assert.True(nextCalled);
    }

    [Fact]
    public async Task OnTurnAsync_NoServiceUrl_StoresNothingAndGoesOn()
    {
        var activity = TestActivities.Message();
        activity.ServiceUrl = null;

        var nextCalled = await RunAsync(activity);

        Assert.True(nextCalled);
        Assert.Empty(store.References);
    }

    private async Task<bool> RunAsync(Activity activity)
    {
        var nextCalled = false;
        var context = new TurnContext(activity, new RecordingConnectorClient());
        await middleware.OnTurnAsync(context, _ => { nextCalled = true; return Task.CompletedTask; }, CancellationToken.None);
        return nextCalled;
    }
}
