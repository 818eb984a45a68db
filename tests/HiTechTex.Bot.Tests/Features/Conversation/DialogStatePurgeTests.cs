using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>The hourly purge of dialog states older than <c>Conversation:DialogExpiry</c>, on each provider.</summary>
public abstract class DialogStatePurgeTests(DatabaseFixture database)
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero));

    [SkippableFact]
    public async Task PurgeAsync_DeletesConversationAndMemberStatesOlderThanTheExpiry_KeepsProfilesAndRecentOnes()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var id = Guid.NewGuid().ToString("N");
        var oldConversation = $"msteams/conversations/a:{id}";
        var oldMember = $"msteams/conversations/19:{id}@thread.v2/users/29:{id}";
        var profile = $"msteams/users/29:{id}";
        var recent = $"msteams/conversations/a:recent-{id}";
        var storage = new SqlStorage(database.Pool, time);
        await WriteAsync(storage, oldConversation, oldMember, profile);
        time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
        await WriteAsync(storage, recent);

        var deleted = await Purge(TimeSpan.FromDays(7)).PurgeAsync(CancellationToken.None);

        Assert.True(deleted >= 2, $"deleted {deleted}");
        var left = await storage.ReadAsync([oldConversation, oldMember, profile, recent]);
        Assert.Equal(new[] { profile, recent }.Order(StringComparer.Ordinal), left.Keys.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task PurgeAsync_ExpiryZero_DeletesNothing()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var key = $"msteams/conversations/a:{Guid.NewGuid():N}";
        var storage = new SqlStorage(database.Pool, time);
        await WriteAsync(storage, key);
        time.Advance(TimeSpan.FromDays(400));

        Assert.Equal(0, await Purge(TimeSpan.Zero).PurgeAsync(CancellationToken.None));
        Assert.Single(await storage.ReadAsync([key]));
    }

    /// <summary>
    /// The note of the channel thread where a member's question waits (user state, "channelThreads") goes once that
    /// thread's state is gone: a row that held only notes is deleted, a profile keeps the notes still pointing to a
    /// member state, and a row written since the cutoff is left alone.
    /// </summary>
    [SkippableFact]
    public async Task PurgeAsync_ChannelThreadNotesOfThreadsWithoutState_Forgotten_ProfilesAndLiveNotesKept()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var id = Guid.NewGuid().ToString("N");
        var channelA = $"19:a{id}@thread.tacv2";
        var channelB = $"19:b{id}@thread.tacv2";
        var threadA = channelA + ";messageid=1001";
        var threadB = channelB + ";messageid=2002";
        var newcomer = $"msteams/users/29:new{id}";
        var member = $"msteams/users/29:ana{id}";
        var recentNewcomer = $"msteams/users/29:recent{id}";
        var storage = new SqlStorage(database.Pool, time);
        await storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            // Someone who never finished the first-use questions in channel A: nothing but the note.
            [newcomer] = Item(new { channelThreads = new Dictionary<string, string> { [channelA] = threadA } }),
            [$"msteams/conversations/{threadA}/users/29:new{id}"] = Item(new { dialogState = new { } }),
            // A member with a profile: a note for A (its state will be purged) and one for B (its state stays).
            [member] = Item(new { profile = new { name = "Ana" }, channelThreads = new Dictionary<string, string> { [channelA] = threadA, [channelB] = threadB } }),
            [$"msteams/conversations/{threadA}/users/29:ana{id}"] = Item(new { dialogState = new { } }),
        });
        time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
        await storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            [$"msteams/conversations/{threadB}/users/29:ana{id}"] = Item(new { dialogState = new { } }),
            [recentNewcomer] = Item(new { channelThreads = new Dictionary<string, string> { [channelA] = threadA } }),
        });

        await Purge(TimeSpan.FromDays(7)).PurgeAsync(CancellationToken.None);

        var left = await storage.ReadAsync([newcomer, member, recentNewcomer]);
        Assert.False(left.ContainsKey(newcomer));
        Assert.True(left.ContainsKey(recentNewcomer));
        var kept = left[member].Value;
        Assert.Equal("Ana", kept.GetProperty("profile").GetProperty("name").GetString());
        Assert.Equal([channelB], kept.GetProperty("channelThreads").EnumerateObject().Select(p => p.Name));
        Assert.Equal(threadB, kept.GetProperty("channelThreads").GetProperty(channelB).GetString());
    }

    [SkippableFact]
    public async Task PurgeAsync_AUserRowThatIsNotJson_IsLeftAndTheOtherNotesAreStillForgotten()
    {
        // A user row cut short that mentions "channelThreads" failed every hourly pass for good (JsonNode.Parse threw),
        // and with it the forgetting of every other note. It is left as it is (the user's next save replaces it).
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var id = Guid.NewGuid().ToString("N");
        var thread = $"19:c{id}@thread.tacv2;messageid=3003";
        var broken = $"msteams/users/29:aa{id}";
        var newcomer = $"msteams/users/29:new{id}";
        var storage = new SqlStorage(database.Pool, time);
        await storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            [newcomer] = Item(new { channelThreads = new Dictionary<string, string> { [$"19:c{id}@thread.tacv2"] = thread } }),
        });
        await using (var scope = database.ScopeFactory.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            db.StateItems.Add(new StateItemEntity { Key = broken, Document = """{"channelThreads":{"19:c""", ETag = "cut-short", UpdatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        time.Advance(TimeSpan.FromDays(8));
        await Purge(TimeSpan.FromDays(7)).PurgeAsync(CancellationToken.None);

        var left = await storage.ReadAsync([broken, newcomer]);
        Assert.False(left.ContainsKey(newcomer));
        Assert.Equal("cut-short", left[broken].ETag);
    }

    [SkippableFact]
    public async Task PurgeAsync_MoreLiveChannelThreadNotesThanABatchSortedBeforeAStaleOne_TheStaleOneIsForgottenStill()
    {
        // Before: each pass read the first 500 candidate rows by key; with more than 500 whose notes were still live, the
        // stale note after them was never looked at and stayed for good.
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var id = Guid.NewGuid().ToString("N");
        var channel = $"19:d{id}@thread.tacv2";
        var thread = channel + ";messageid=4004";
        var live = Enumerable.Range(0, DialogStatePurgeService.ChannelThreadBatch + 1).Select(i => $"29:a{id}-{i:D4}").ToList();
        var stale = $"msteams/users/29:z{id}";
        var storage = new SqlStorage(database.Pool, time);
        var notes = live.ToDictionary(
            user => $"msteams/users/{user}",
            _ => Item(new { channelThreads = new Dictionary<string, string> { [channel] = thread } }));
        notes[stale] = Item(new { channelThreads = new Dictionary<string, string> { [channel] = thread } });
        await storage.WriteAsync(notes);
        time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
        await storage.WriteAsync(live.ToDictionary(user => $"msteams/conversations/{thread}/users/{user}", _ => Item(new { dialogState = new { } })));

        await Purge(TimeSpan.FromDays(7)).PurgeAsync(CancellationToken.None);

        var left = await storage.ReadAsync([stale, $"msteams/users/{live[0]}", $"msteams/users/{live[^1]}"]);
        Assert.False(left.ContainsKey(stale));
        Assert.Equal(2, left.Count);
    }

    private static StoreItem Item(object value) => new(JsonSerializer.SerializeToElement(value), "*");

    private DialogStatePurgeService Purge(TimeSpan expiry) => new(
        database.ScopeFactory, Options.Create(new ConversationOptions { DialogExpiry = expiry }), time, NullLogger<DialogStatePurgeService>.Instance);

    private static Task WriteAsync(SqlStorage storage, params string[] keys) =>
        storage.WriteAsync(keys.ToDictionary(k => k, _ => new StoreItem(JsonSerializer.SerializeToElement(new { n = 1 }), "*")));
}

public sealed class DialogStatePurgeSqliteTests(SqliteDatabaseFixture database) : DialogStatePurgeTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class DialogStatePurgePostgreSqlTests(PostgreSqlDatabaseFixture database) : DialogStatePurgeTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
