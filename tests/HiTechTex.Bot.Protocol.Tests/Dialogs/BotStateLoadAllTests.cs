using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

public sealed class BotStateLoadAllTests
{
    private static TestTurnContext Turn() => new(new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = "a:conversation-1" },
        From = new ChannelAccount { Id = "29:user-1" },
        Text = "hi",
    });

    private static async Task SeedAsync(IStorage storage)
    {
        var turn = Turn();
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        await conversation.CreateProperty<int>("step").SetAsync(turn, 3);
        await user.CreateProperty<string>("name").SetAsync(turn, "Ana");
        await conversation.SaveChangesAsync(turn);
        await user.SaveChangesAsync(turn);
    }

    [Fact]
    public async Task LoadAllAsync_ConversationAndUserState_OneReadWithBothKeys()
    {
        var storage = new CountingStorage();
        await SeedAsync(storage);
        storage.Reads.Clear();
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var turn = Turn();

        await BotState.LoadAllAsync(turn, [conversation, user]);
        var step = await conversation.CreateProperty<int>("step").GetAsync(turn);
        var name = await user.CreateProperty<string>("name").GetAsync(turn);

        var read = Assert.Single(storage.Reads);
        Assert.Equal(["msteams/conversations/a:conversation-1", "msteams/users/29:user-1"], read.Order(StringComparer.Ordinal));
        Assert.Equal(3, step);
        Assert.Equal("Ana", name);
    }

    [Fact]
    public async Task LoadAllAsync_StateAlreadyLoaded_ReadsOnlyTheOthers()
    {
        var storage = new CountingStorage();
        await SeedAsync(storage);
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var turn = Turn();
        await conversation.LoadAsync(turn);
        storage.Reads.Clear();

        await BotState.LoadAllAsync(turn, [conversation, user]);

        Assert.Equal(["msteams/users/29:user-1"], Assert.Single(storage.Reads));
    }

    [Fact]
    public async Task LoadAllAsync_UnchangedState_SavesNothing()
    {
        var storage = new CountingStorage();
        await SeedAsync(storage);
        var conversation = new ConversationState(storage);
        var turn = Turn();
        await BotState.LoadAllAsync(turn, [conversation]);
        var etag = (await storage.ReadAsync(["msteams/conversations/a:conversation-1"]))["msteams/conversations/a:conversation-1"].ETag;

        await conversation.CreateProperty<int>("step").GetAsync(turn);
        await conversation.SaveChangesAsync(turn);

        // The snapshot is the stored text: reading a value back unchanged is no change, so the ETag stays.
        Assert.Equal(etag, (await storage.ReadAsync(["msteams/conversations/a:conversation-1"]))["msteams/conversations/a:conversation-1"].ETag);
    }

    [Fact]
    public async Task LoadAllAsync_AnotherTurnSavedInBetween_SaveThrowsConcurrency()
    {
        var storage = new CountingStorage();
        await SeedAsync(storage);
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var turnA = Turn();
        var turnB = Turn();
        await BotState.LoadAllAsync(turnA, [conversation, user]);
        await BotState.LoadAllAsync(turnB, [conversation, user]);
        await user.CreateProperty<string>("name").SetAsync(turnB, "Rui");
        await user.SaveChangesAsync(turnB);

        await user.CreateProperty<string>("name").SetAsync(turnA, "Eva");

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => user.SaveChangesAsync(turnA));
    }
}
