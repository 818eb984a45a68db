using System.Text.Json;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

public sealed class StateTests
{
    private const string ConversationKey = "msteams/conversations/a:conversation-1";

    private static StoreItem Item(string json, string? etag)
    {
        using var document = JsonDocument.Parse(json);
        return new StoreItem(document.RootElement.Clone(), etag);
    }

    private static TestTurnContext Turn(string conversationId = "a:conversation-1", string userId = "29:user-1") => new(new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = userId },
        Text = "hi",
    });

    [Fact]
    public async Task DeleteAsync_RemovesTheStoredStateAndTheRestOfTheTurnSeesNone()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["msteams/users/29:user-1"] = Item("""{"profile":"Ana"}""", "*") });
        var state = new UserState(storage);
        var profile = state.CreateProperty<string>("profile");
        var turn = Turn();
        await state.LoadAsync(turn);
        Assert.Equal("Ana", await profile.GetAsync(turn, null));

        await state.DeleteAsync(turn);

        Assert.Empty(await storage.ReadAsync(["msteams/users/29:user-1"]));
        Assert.Null(await profile.GetAsync(turn, null));     // read in the same turn: absent, no "not loaded" failure
        await state.SaveChangesAsync(turn);                  // the end-of-turn save writes nothing back
        Assert.Empty(await storage.ReadAsync(["msteams/users/29:user-1"]));
    }

    [Fact]
    public async Task DeleteAsync_ThenSetAgainInTheTurn_SavesTheNewValue()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["msteams/users/29:user-1"] = Item("""{"profile":"Ana"}""", "*") });
        var state = new UserState(storage);
        var profile = state.CreateProperty<string>("profile");
        var turn = Turn();
        await state.LoadAsync(turn);

        await state.DeleteAsync(turn);
        await profile.SetAsync(turn, "Bea");
        await state.SaveChangesAsync(turn);

        var stored = Assert.Single(await storage.ReadAsync(["msteams/users/29:user-1"])).Value;
        Assert.Equal("""{"profile":"Bea"}""", stored.Value.GetRawText());
    }

    [Fact]
    public async Task WriteAsync_NullETagOnNewKey_InsertsAndReturnsETag()
    {
        var storage = new MemoryStorage();

        var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("""{"a":1}""", null) });
        var read = await storage.ReadAsync(["k", "missing"]);

        var item = Assert.Single(read).Value;
        Assert.Equal(etags["k"], item.ETag);
        Assert.Equal(1, item.Value.GetProperty("a").GetInt32());
    }

    [Fact]
    public async Task WriteAsync_NullETagOnExistingKey_ThrowsConcurrency()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{}", null) });

        var exception = await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("""{"b":2}""", null) }));

        Assert.Equal("k", exception.Key);
    }

    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsAndWritesNothingOfTheBatch()
    {
        var storage = new MemoryStorage();
        var first = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("""{"v":1}""", null) });
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("""{"v":2}""", first["k"]) });

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["other"] = Item("""{"v":9}""", null),
            ["k"] = Item("""{"v":3}""", first["k"]),
        }));

        var read = await storage.ReadAsync(["k", "other"]);
        Assert.Equal(2, Assert.Single(read).Value.Value.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task WriteAsync_StarETag_OverwritesUnconditionally()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("""{"v":1}""", null) });

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("""{"v":5}""", "*") });

        Assert.Equal(5, (await storage.ReadAsync(["k"]))["k"].Value.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task WriteAsync_ETagOfDeletedKey_ThrowsConcurrency()
    {
        var storage = new MemoryStorage();
        var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{}", null) });
        await storage.DeleteAsync(["k", "never-existed"]);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item("{}", etags["k"]) }));
        Assert.Equal(0, storage.Count);
    }

    [Fact]
    public async Task DeleteByPrefixAndSuffixAsync_DeletesOneUserInEveryConversationOnly()
    {
        var storage = new MemoryStorage();
        var (prefix, suffix) = PrivateConversationState.KeysOfUser("msteams", "29:ana");
        string[] mine = [$"{prefix}19:a{suffix}", $"{prefix}19:b{suffix}"];
        string[] others = [$"{prefix}19:a/users/29:ana2", $"{prefix}19:a/users/29:bob", $"{prefix}19:a", "msteams/users/29:ana", $"slack/conversations/19:a{suffix}"];
        var empty = System.Text.Json.JsonSerializer.SerializeToElement(new { });
        await storage.WriteAsync(mine.Concat(others).ToDictionary(k => k, _ => new StoreItem(empty, "*")));

        Assert.Equal(2, await storage.DeleteByPrefixAndSuffixAsync(prefix, suffix));
        Assert.Empty(await storage.ReadAsync(mine));
        Assert.Equal(others.Length, (await storage.ReadAsync(others)).Count);
    }

    [Fact]
    public async Task DeleteByPrefixAsync_DeletesTheMembersOfOneConversationOnly()
    {
        var storage = new MemoryStorage();
        var prefix = PrivateConversationState.MembersPrefixOf("msteams", "19:g_1@thread.v2");
        Assert.Equal("msteams/conversations/19:g_1@thread.v2/users/", prefix);
        var item = new StoreItem(JsonSerializer.SerializeToElement(new { a = 1 }), "*");
        await storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            [prefix + "29:a"] = item,
            [prefix + "29:b"] = item,
            [ConversationState.StorageKeyOf("msteams", "19:g_1@thread.v2")] = item,
            [PrivateConversationState.MembersPrefixOf("msteams", "19:g_10@thread.v2") + "29:a"] = item,
        });

        Assert.Equal(2, await storage.DeleteByPrefixAsync(prefix));

        var left = await storage.ReadAsync([prefix + "29:a", prefix + "29:b", "msteams/conversations/19:g_1@thread.v2", "msteams/conversations/19:g_10@thread.v2/users/29:a"]);
        Assert.Equal(["msteams/conversations/19:g_10@thread.v2/users/29:a", "msteams/conversations/19:g_1@thread.v2"], left.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_ParallelInsertsOfOneKey_ExactlyOneWins()
    {
        var storage = new MemoryStorage();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = Item($$"""{"i":{{i}}}""", null) });
                return true;
            }
            catch (StorageConcurrencyException)
            {
                return false;
            }
        })));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task SaveChangesAsync_UsesConversationAndUserKeys()
    {
        var storage = new MemoryStorage();
        var turn = Turn();
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);

        await conversation.CreateProperty<int>("count").SetAsync(turn, 3);
        await user.CreateProperty<string>("language").SetAsync(turn, "pt");
        await conversation.SaveChangesAsync(turn);
        await user.SaveChangesAsync(turn);

        var read = await storage.ReadAsync([ConversationKey, "msteams/users/29:user-1"]);
        Assert.Equal(3, read[ConversationKey].Value.GetProperty("count").GetInt32());
        Assert.Equal("pt", read["msteams/users/29:user-1"].Value.GetProperty("language").GetString());
    }

    [Fact]
    public async Task PrivateConversationState_KeysPerMemberOfTheConversation()
    {
        var storage = new MemoryStorage();
        var state = new PrivateConversationState(storage);
        var accessor = state.CreateProperty<string>("step");
        var ana = Turn(userId: "29:user-1");
        var bruno = Turn(userId: "29:user-2");

        await accessor.SetAsync(ana, "ana's");
        await accessor.SetAsync(bruno, "bruno's");
        await state.SaveChangesAsync(ana);
        await state.SaveChangesAsync(bruno);

        var read = await storage.ReadAsync([ConversationKey, ConversationKey + "/users/29:user-1", ConversationKey + "/users/29:user-2"]);
        Assert.Equal(2, read.Count);
        Assert.Equal("ana's", read[ConversationKey + "/users/29:user-1"].Value.GetProperty("step").GetString());
        Assert.Equal("bruno's", read[ConversationKey + "/users/29:user-2"].Value.GetProperty("step").GetString());
        Assert.Equal("ana's", await accessor.GetAsync(Turn(userId: "29:user-1")));
    }

    [Fact]
    public async Task PrivateConversationState_WithoutASender_Throws()
    {
        var state = new PrivateConversationState(new MemoryStorage());
        var turn = new TestTurnContext(new Activity { Type = ActivityTypes.Message, ChannelId = "msteams", Conversation = new ConversationAccount { Id = "c" } });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => state.CreateProperty<string>("step").GetAsync(turn));

        Assert.Contains("from.id", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("personal", null, false)]
    [InlineData(null, null, false)]
    [InlineData("groupChat", true, true)]
    [InlineData("groupChat", null, true)]
    [InlineData("channel", null, true)]
    [InlineData(null, true, true)]
    public void IsGroupConversation_FromConversationTypeOrIsGroup(string? conversationType, bool? isGroup, bool expected)
    {
        var activity = new Activity { Conversation = new ConversationAccount { Id = "c", ConversationType = conversationType, IsGroup = isGroup } };

        Assert.Equal(expected, activity.IsGroupConversation());
        Assert.False(new Activity().IsGroupConversation());
    }

    [Fact]
    public async Task GetAsync_NextTurn_ReadsValueAndDefaultFactoryOnlyWhenAbsent()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var accessor = state.CreateProperty<List<string>>("items");
        var first = Turn();
        (await accessor.GetAsync(first, () => []))!.Add("a");
        await state.SaveChangesAsync(first);

        var second = Turn();
        var items = await accessor.GetAsync(second, () => ["default"]);

        Assert.Equal(["a"], items);
    }

    [Fact]
    public async Task SaveChangesAsync_Unchanged_DoesNotWrite()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var first = Turn();
        await state.CreateProperty<int>("n").SetAsync(first, 1);
        await state.SaveChangesAsync(first);
        var etag = (await storage.ReadAsync([ConversationKey]))[ConversationKey].ETag;

        var second = Turn();
        Assert.Equal(1, await state.CreateProperty<int>("n").GetAsync(second));
        await state.SaveChangesAsync(second);

        Assert.Equal(etag, (await storage.ReadAsync([ConversationKey]))[ConversationKey].ETag);
    }

    [Fact]
    public async Task SaveChangesAsync_TwoTurnsLoadedSameState_SecondSaveThrows()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var accessor = state.CreateProperty<int>("n");
        var turnA = Turn();
        var turnB = Turn();
        await accessor.SetAsync(turnA, 1);
        await accessor.SetAsync(turnB, 2);

        await state.SaveChangesAsync(turnA);
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => state.SaveChangesAsync(turnB));

        Assert.Equal(1, (await storage.ReadAsync([ConversationKey]))[ConversationKey].Value.GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task SaveChangesAsync_Force_OverwritesDespiteStaleETag()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var accessor = state.CreateProperty<int>("n");
        var turnA = Turn();
        var turnB = Turn();
        await accessor.SetAsync(turnA, 1);
        await accessor.SetAsync(turnB, 2);
        await state.SaveChangesAsync(turnA);

        await state.SaveChangesAsync(turnB, force: true);

        Assert.Equal(2, (await storage.ReadAsync([ConversationKey]))[ConversationKey].Value.GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task SaveChangesAsync_SameTurnSavesTwice_UsesNewETag()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var accessor = state.CreateProperty<int>("n");
        var turn = Turn();
        await accessor.SetAsync(turn, 1);
        await state.SaveChangesAsync(turn);

        await accessor.SetAsync(turn, 2);
        await state.SaveChangesAsync(turn);

        Assert.Equal(2, (await storage.ReadAsync([ConversationKey]))[ConversationKey].Value.GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task DeleteAsync_Property_RemovesItOnSave()
    {
        var storage = new MemoryStorage();
        var state = new ConversationState(storage);
        var turn = Turn();
        await state.CreateProperty<int>("n").SetAsync(turn, 1);
        await state.SaveChangesAsync(turn);

        var next = Turn();
        await state.CreateProperty<int>("n").DeleteAsync(next);
        await state.SaveChangesAsync(next);

        Assert.False((await storage.ReadAsync([ConversationKey]))[ConversationKey].Value.TryGetProperty("n", out _));
    }

    [Fact]
    public async Task GetAsync_ActivityWithoutConversation_Throws()
    {
        var state = new ConversationState(new MemoryStorage());
        var turn = new TestTurnContext(new Activity { Type = ActivityTypes.Message, ChannelId = "msteams" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => state.CreateProperty<int>("n").GetAsync(turn));
    }

    [Fact]
    public async Task RunAsync_TwoConcurrentTurnsInOneConversation_SecondSaveThrowsConcurrency()
    {
        // Arrange: a conversation waiting at the name prompt.
        var storage = new MemoryStorage();
        await DialogTestHost.Flow(storage, () => new ProfileDialog()).Send("hi").AssertReply(ProfileDialog.NamePrompt).StartTestAsync();
        var state = new ConversationState(storage);
        var accessor = state.CreateProperty<DialogState>(DialogTestHost.DialogStateProperty);
        var turnA = Turn();
        var turnB = Turn();
        turnA.Activity.Text = "Ana";
        turnB.Activity.Text = "Rui";

        // Act: both turns load and advance the same stored stack before either saves.
        await new ProfileDialog().RunAsync(turnA, accessor);
        await new ProfileDialog().RunAsync(turnB, accessor);
        await state.SaveChangesAsync(turnA);
        var save = state.SaveChangesAsync(turnB);

        // Assert: the second turn cannot overwrite the first; the stored conversation is turn A's.
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => save);
        Assert.Equal("How old are you, Ana?", turnA.SentActivities.Single().Text);
        await DialogTestHost.Flow(storage, () => new ProfileDialog())
            .Send("25").AssertReply("Thanks, Ana (25).")
            .StartTestAsync();
    }
}
