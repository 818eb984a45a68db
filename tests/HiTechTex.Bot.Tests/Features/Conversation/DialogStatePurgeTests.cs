using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Tests.Persistence;
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

    private DialogStatePurgeService Purge(TimeSpan expiry) => new(
        database.ScopeFactory, Options.Create(new ConversationOptions { DialogExpiry = expiry }), time, NullLogger<DialogStatePurgeService>.Instance);

    private static Task WriteAsync(SqlStorage storage, params string[] keys) =>
        storage.WriteAsync(keys.ToDictionary(k => k, _ => new StoreItem(JsonSerializer.SerializeToElement(new { n = 1 }), "*")));
}

public sealed class DialogStatePurgeSqliteTests(SqliteDatabaseFixture database) : DialogStatePurgeTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class DialogStatePurgePostgreSqlTests(PostgreSqlDatabaseFixture database) : DialogStatePurgeTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
