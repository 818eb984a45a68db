using System.Text.Json;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>How a state is written back: untouched properties as stored, handed-out objects serialized in place.</summary>
public sealed class BotStateSaveTests
{
    private const string Key = "msteams/conversations/a:conversation-1";

    private static TestTurnContext Turn() => new(new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = "a:conversation-1" },
        From = new ChannelAccount { Id = "29:user-1" },
    });

    private static async Task<MemoryStorage> StoredAsync(string json)
    {
        var storage = new MemoryStorage();
        using var document = JsonDocument.Parse(json);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [Key] = new(document.RootElement.Clone(), null) });
        return storage;
    }

    private static async Task<string> ReadAsync(IStorage storage) => (await storage.ReadAsync([Key]))[Key].Value.GetRawText();

    [Fact]
    public async Task SaveChangesAsync_OneChangedProperty_OthersKeptAsStoredAndInOrder()
    {
        var storage = await StoredAsync("""{"a":{"x":"Zé"},"b":1,"c":[1,2]}""");
        var state = new ConversationState(storage);
        var turn = Turn();

        await state.CreateProperty<int>("b").SetAsync(turn, 2);
        await state.CreateProperty<string>("d").SetAsync(turn, "new");
        await state.SaveChangesAsync(turn);

        Assert.Equal("""{"a":{"x":"Z\u00E9"},"b":2,"c":[1,2],"d":"new"}""", await ReadAsync(storage));
    }

    [Fact]
    public async Task SaveChangesAsync_DeletedProperty_IsGone()
    {
        var storage = await StoredAsync("""{"a":1,"b":2}""");
        var state = new ConversationState(storage);
        var turn = Turn();

        await state.CreateProperty<int>("a").DeleteAsync(turn);
        await state.SaveChangesAsync(turn);

        Assert.Equal("""{"b":2}""", await ReadAsync(storage));
    }

    [Fact]
    public async Task GetAsync_SamePropertyAsAnotherType_ConvertsThroughJson()
    {
        var storage = await StoredAsync("""{"p":{"name":"Ana","age":30}}""");
        var state = new ConversationState(storage);
        var turn = Turn();

        var asElement = await state.CreateProperty<JsonElement>("p").GetAsync(turn);
        var asDictionary = await state.CreateProperty<Dictionary<string, JsonElement>>("p").GetAsync(turn);

        Assert.Equal("Ana", asElement.GetProperty("name").GetString());
        Assert.Equal(30, asDictionary!["age"].GetInt32());
    }

    [Fact]
    public async Task SaveChangesAsync_SecondSaveInTheTurnWithoutChange_WritesOnce()
    {
        var storage = await StoredAsync("""{"n":1}""");
        var state = new ConversationState(storage);
        var turn = Turn();
        await state.CreateProperty<int>("n").SetAsync(turn, 2);
        await state.SaveChangesAsync(turn);
        var etag = (await storage.ReadAsync([Key]))[Key].ETag;

        await state.SaveChangesAsync(turn);

        Assert.Equal(etag, (await storage.ReadAsync([Key]))[Key].ETag);
    }

    [Fact]
    public async Task SaveChangesAsync_SeveralStatesOneAfterAnother_EachWritesItsOwnJson()
    {
        // The JSON buffer is reused per thread: a small state after a large one must not carry any of its bytes.
        var large = await StoredAsync("{}");
        var small = await StoredAsync("{}");
        var turn = Turn();
        var largeState = new ConversationState(large);
        await largeState.CreateProperty<string>("text").SetAsync(turn, new string('x', 100_000));
        await largeState.SaveChangesAsync(turn);
        var otherTurn = Turn();
        var smallState = new ConversationState(small);
        await smallState.CreateProperty<int>("n").SetAsync(otherTurn, 7);
        await smallState.SaveChangesAsync(otherTurn);

        Assert.Equal(100_000, (await large.ReadAsync([Key]))[Key].Value.GetProperty("text").GetString()!.Length);
        Assert.Equal("""{"n":7}""", await ReadAsync(small));
    }

    [Fact]
    public async Task SaveChangesAsync_AValueThatFailsToSerialize_ThrowsAndTheNextSaveIsClean()
    {
        var storage = await StoredAsync("""{"n":1}""");
        var turn = Turn();
        var state = new ConversationState(storage);
        await state.CreateProperty<object>("bad").SetAsync(turn, new Unserializable());

        await Assert.ThrowsAnyAsync<Exception>(() => state.SaveChangesAsync(turn));

        var next = Turn();
        var again = new ConversationState(storage);
        await again.CreateProperty<int>("m").SetAsync(next, 2);
        await again.SaveChangesAsync(next);
        Assert.Equal("""{"n":1,"m":2}""", await ReadAsync(storage));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("7")]
    public async Task SaveChangesAsync_StoredStateNotAnObject_ReadsAsEmptyAndIsReplacedOnSave(string stored)
    {
        // A row no save of this engine writes (edited by hand, another tool): the turn sees no state, and its save
        // replaces the row under the row's ETag — it used to insert, conflict with the row on every turn, and so never save.
        var storage = await StoredAsync(stored);
        var turn = Turn();
        var state = new ConversationState(storage);

        Assert.Null(await state.CreateProperty<string>("a").GetAsync(turn));
        await state.CreateProperty<int>("n").SetAsync(turn, 1);
        await state.SaveChangesAsync(turn);

        Assert.Equal("""{"n":1}""", await ReadAsync(storage));
    }

    private sealed class Unserializable
    {
        public string Value => throw new InvalidOperationException("cannot be written");
    }
}
