using System.Net;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests;

public sealed class ConversationReferencePersistenceTests : IDisposable
{
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Fact]
    public async Task InstallationAdd_ReferenceSurvivesAHostRestart()
    {
        var conversationId = Activities.NewConversationId();
        using (var first = new BotHostFactory(databasePath))
        {
            using var response = await first.CreateClient().PostActivityAsync(Activities.Installation(conversationId, "add"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var second = new BotHostFactory(databasePath);
        _ = second.CreateClient();
        var stored = await GetStoredAsync(second, conversationId);

        Assert.NotNull(stored);
        Assert.True(stored.IsActive);
        Assert.Equal("http://127.0.0.1:56150/_connector", stored.Reference.ServiceUrl);
        Assert.Equal(Activities.TenantId, stored.Reference.Conversation?.TenantId);
        Assert.Equal(Activities.BotId, stored.Reference.Bot?.Id);
        Assert.Equal("aad-user-1", stored.Reference.User?.AadObjectId);
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("remove-upgrade")]
    public async Task InstallationRemove_DeletesTheReference(string action)
    {
        var conversationId = Activities.NewConversationId();
        using var factory = new BotHostFactory(databasePath);
        var client = factory.CreateClient();
        await client.PostActivityAsync(Activities.Installation(conversationId, "add"));
        Assert.NotNull(await GetStoredAsync(factory, conversationId));

        using var response = await client.PostActivityAsync(Activities.Installation(conversationId, action));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await GetStoredAsync(factory, conversationId));
    }

    [Fact]
    public async Task InstallationRemove_DeletesTheChatsDialogStateAndTheUsersProfileFromTheDatabase()
    {
        var conversationId = Activities.NewConversationId();
        using var factory = new BotHostFactory(databasePath);
        var client = factory.CreateClient();
        foreach (var text in new[] { "hello", "yes", "CITEVE", "English", "hello" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostActivityAsync(Activities.Message(conversationId, text))).StatusCode);
        }

        string[] keys = [$"msteams/conversations/{conversationId}", "msteams/users/29:user-1"];
        Assert.Equal(2, (await ReadStateAsync(factory, keys)).Count);

        using var response = await client.PostActivityAsync(Activities.Installation(conversationId, "remove"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await ReadStateAsync(factory, keys));
        Assert.Null(await GetStoredAsync(factory, conversationId));
    }

    [Fact]
    public async Task BotRemovedFromMembers_DeletesTheReference()
    {
        var conversationId = Activities.NewConversationId();
        using var factory = new BotHostFactory(databasePath);
        var client = factory.CreateClient();
        await client.PostActivityAsync(Activities.BotAdded(conversationId));

        await client.PostActivityAsync(Activities.Base("conversationUpdate", conversationId, a =>
            a["membersRemoved"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["id"] = Activities.BotId })));

        Assert.Null(await GetStoredAsync(factory, conversationId));
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);

    private static async Task<IReadOnlyDictionary<string, StoreItem>> ReadStateAsync(BotHostFactory factory, string[] keys)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IStorage>().ReadAsync(keys, CancellationToken.None);
    }

    private static async Task<StoredConversationReference?> GetStoredAsync(BotHostFactory factory, string conversationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>().GetAsync(conversationId, CancellationToken.None);
    }
}
