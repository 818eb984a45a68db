using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>
/// A reference marked inactive by a proactive send (403 MessageWritesBlocked) is forgotten by the turn pipeline's
/// <see cref="ConversationReferenceCache"/>: the user's next message must re-activate it at once (a stale memory may
/// cost an extra write, never a missed one).
/// </summary>
public sealed class ProactiveMessengerReferenceCacheTests : IAsyncLifetime
{
    private readonly ObservableTimeProvider time = new();
    private readonly InMemoryConversationReferenceStore store = new();
    private FakeConnector connector = null!;
    private ServiceProvider services = null!;
    private ConversationReferenceCache cache = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeConnector.StartAsync((_, _) => FakeResponse.Error(403, "Forbidden", "MessageWritesBlocked"));
        cache = new ConversationReferenceCache(time);
        services = ConnectorTestServices.Build(
            time,
            new StubTokenProvider("t"),
            o => o.DefaultServiceUrl = connector.BaseUrl + "/teams/",
            store,
            configureServices: s => s.AddSingleton(cache));
        services.GetRequiredService<ITrustedServiceUrls>().Trust(connector.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task SendToConversationAsync_MessageWritesBlocked_ForgetsTheRememberedReference()
    {
        store.Add(new ConversationReference
        {
            ServiceUrl = connector.BaseUrl + "/teams/",
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal", TenantId = "tenant-1" },
            Bot = new ChannelAccount { Id = "28:bot" },
            User = new ChannelAccount { Id = "29:user", AadObjectId = "aad-user-1" },
        });
        cache.Remember("a:1", "fingerprint");
        cache.Remember("a:2", "fingerprint");
        await using var scope = services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<IProactiveMessenger>()
            .SendToConversationAsync("a:1", Activity.CreateMessage("x"), CancellationToken.None);

        Assert.Equal(ProactiveSendStatus.Blocked, result.Status);
        Assert.Equal(["a:1"], store.MarkedInactive);
        Assert.False(cache.IsUnchanged("a:1", "fingerprint"));
        Assert.True(cache.IsUnchanged("a:2", "fingerprint"));
    }
}
