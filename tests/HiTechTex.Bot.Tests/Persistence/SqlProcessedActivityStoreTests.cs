using System.Data.Common;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Tests.Language;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HiTechTex.Bot.Tests.Persistence;

/// <summary><see cref="SqlProcessedActivityStore"/> on each provider.</summary>
public abstract class SqlProcessedActivityStoreTests(DatabaseFixture database)
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [SkippableFact]
    public async Task TryMarkProcessedAsync_SameActivityTwice_TrueThenFalse()
    {
        SkipUnlessAvailable();
        var store = new SqlProcessedActivityStore(database.CreatePool(), time);
        var conversationId = NewConversationId();

        var first = await store.TryMarkProcessedAsync("msteams", conversationId, "act-1", CancellationToken.None);
        var second = await store.TryMarkProcessedAsync("msteams", conversationId, "act-1", CancellationToken.None);
        var otherConversation = await store.TryMarkProcessedAsync("msteams", NewConversationId(), "act-1", CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.True(otherConversation);
    }

    [SkippableFact]
    public async Task TryMarkProcessedAsync_ConcurrentDeliveriesOnTwoInstances_ExactlyOneTrue()
    {
        SkipUnlessAvailable();
        var instances = Enumerable.Range(0, 4).Select(_ => new SqlProcessedActivityStore(database.CreatePool(), time)).ToList();
        var conversationId = NewConversationId();
        using var start = new ManualResetEventSlim();

        var tasks = instances.Select(s => Task.Run(() =>
        {
            start.Wait();
            return s.TryMarkProcessedAsync("msteams", conversationId, "act-race", CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        Assert.Single(results, r => r);
    }

    [SkippableFact]
    public async Task TryMarkProcessedAsync_EntryOlderThanRetention_IsCleanedUp()
    {
        SkipUnlessAvailable();
        var store = new SqlProcessedActivityStore(database.CreatePool(), time) { CleanupEvery = 1, Retention = TimeSpan.FromDays(1) };
        var conversationId = NewConversationId();
        await store.TryMarkProcessedAsync("msteams", conversationId, "old", CancellationToken.None);
        time.Advance(TimeSpan.FromHours(23));
        await store.TryMarkProcessedAsync("msteams", conversationId, "recent", CancellationToken.None);

        time.Advance(TimeSpan.FromHours(2));
        await store.TryMarkProcessedAsync("msteams", conversationId, "trigger", CancellationToken.None);

        Assert.True(await store.TryMarkProcessedAsync("msteams", conversationId, "old", CancellationToken.None));
        Assert.False(await store.TryMarkProcessedAsync("msteams", conversationId, "recent", CancellationToken.None));
    }

    [SkippableFact]
    public async Task TryMarkProcessedAsync_ReferenceMarkedInactiveByAnotherInstance_ReactivatesIt()
    {
        SkipUnlessAvailable();
        var conversationId = NewConversationId();
        var otherInstance = new SqlConversationReferenceStore(database.CreatePool(), Mock.Of<ITrustedServiceUrls>(), time);
        await otherInstance.SaveAsync(Reference(conversationId), CancellationToken.None);
        await otherInstance.MarkInactiveAsync(conversationId, CancellationToken.None);
        var store = new SqlProcessedActivityStore(database.CreatePool(), time);

        // This instance's reference middleware remembers the reference as saved and would skip it: the claim restores it.
        await store.TryMarkProcessedAsync("msteams", conversationId, "act-after-unblock", CancellationToken.None);

        Assert.True((await otherInstance.GetAsync(conversationId, CancellationToken.None))?.IsActive);
    }

    [SkippableFact]
    public async Task TryMarkProcessedAsync_Duplicate_LeavesAnInactiveReferenceAlone()
    {
        SkipUnlessAvailable();
        var conversationId = NewConversationId();
        var references = new SqlConversationReferenceStore(database.CreatePool(), Mock.Of<ITrustedServiceUrls>(), time);
        var store = new SqlProcessedActivityStore(database.CreatePool(), time);
        await references.SaveAsync(Reference(conversationId), CancellationToken.None);
        await store.TryMarkProcessedAsync("msteams", conversationId, "act-1", CancellationToken.None);
        await references.MarkInactiveAsync(conversationId, CancellationToken.None);

        var again = await store.TryMarkProcessedAsync("msteams", conversationId, "act-1", CancellationToken.None);

        Assert.False(again);
        Assert.False((await references.GetAsync(conversationId, CancellationToken.None))?.IsActive);
    }

    [SkippableFact]
    public async Task TryMarkProcessedAsync_WithReference_FirstMarkStoresItADuplicateDoesNot()
    {
        SkipUnlessAvailable();
        var conversationId = NewConversationId();
        var trusted = new Mock<ITrustedServiceUrls>();
        trusted.Setup(t => t.IsTrusted("https://smba.trafficmanager.net/emea/")).Returns(true);
        var references = new SqlConversationReferenceStore(database.CreatePool(), trusted.Object, time);
        var store = new SqlProcessedActivityStore(database.CreatePool(), time, references);
        var changed = Reference(conversationId);
        changed.ServiceUrl = "https://smba.trafficmanager.net/amer/";

        var first = await store.TryMarkProcessedAsync("msteams", conversationId, "act-1", Reference(conversationId), CancellationToken.None);
        var again = await store.TryMarkProcessedAsync("msteams", conversationId, "act-1", changed, CancellationToken.None);

        Assert.Equal(new ActivityMark(IsFirst: true, ReferenceSaved: true), first);
        Assert.Equal(new ActivityMark(IsFirst: false, ReferenceSaved: false), again);
        var stored = await references.GetAsync(conversationId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.True(stored.IsActive);
        Assert.Equal("https://smba.trafficmanager.net/emea/", stored.Reference.ServiceUrl);
        Assert.Equal("aad-1", stored.Reference.User?.AadObjectId);
        Assert.NotNull(await references.FindPersonalAsync("aad-1", "tenant-1", CancellationToken.None));
    }

    [SkippableFact]
    public async Task TryMarkProcessedAsync_WithReferenceButNoReferenceStore_OnlyMarks()
    {
        SkipUnlessAvailable();
        var conversationId = NewConversationId();
        var store = new SqlProcessedActivityStore(database.CreatePool(), time);
        var references = new SqlConversationReferenceStore(database.CreatePool(), Mock.Of<ITrustedServiceUrls>(), time);

        var mark = await store.TryMarkProcessedAsync("msteams", conversationId, "act-1", Reference(conversationId), CancellationToken.None);

        Assert.Equal(new ActivityMark(IsFirst: true, ReferenceSaved: false), mark);
        Assert.Null(await references.GetAsync(conversationId, CancellationToken.None));
    }

    [SkippableFact]
    public async Task TryMarkProcessedAsync_ReactivationFails_TheTurnRunsOrTheRedeliveryDoes()
    {
        SkipUnlessAvailable();
        var conversationId = NewConversationId();
        var references = new SqlConversationReferenceStore(database.CreatePool(), Mock.Of<ITrustedServiceUrls>(), time);
        await references.SaveAsync(Reference(conversationId), CancellationToken.None);
        await references.MarkInactiveAsync(conversationId, CancellationToken.None);
        var logger = new ListLogger<SqlProcessedActivityStore>();
        var store = new SqlProcessedActivityStore(database.CreatePool(), time, logger: logger);

        // The mark's re-activation UPDATE fails (as on a dropped connection): the mark must not outlive a failed turn.
        var (failed, redelivered) = await MarkWhileFailingAsync(store, "UPDATE", "ConversationReferences", conversationId, "act-1");

        AssertNotLost(failed, redelivered, logger);
    }

    [SkippableFact]
    public async Task TryMarkProcessedAsync_CleanupFails_TheTurnRunsOrTheRedeliveryDoes()
    {
        SkipUnlessAvailable();
        var conversationId = NewConversationId();
        var logger = new ListLogger<SqlProcessedActivityStore>();
        var store = new SqlProcessedActivityStore(database.CreatePool(), time, logger: logger) { CleanupEvery = 1 };
        await store.TryMarkProcessedAsync("msteams", conversationId, "old", CancellationToken.None);
        time.Advance(store.Retention + TimeSpan.FromHours(1));

        // The clean-up DELETE of the old mark fails (as in a deadlock between two instances' clean-ups).
        var (failed, redelivered) = await MarkWhileFailingAsync(store, "DELETE", "ProcessedActivities", conversationId, "act-1");

        AssertNotLost(failed, redelivered, logger);
    }

    /// <summary>
    /// Marks <paramref name="activityId"/> while a trigger fails the <paramref name="operation"/> of the conversation's
    /// rows of <paramref name="table"/>, then marks it again as Teams' redelivery would, the trigger gone.
    /// </summary>
    private async Task<(bool Failed, bool Redelivered)> MarkWhileFailingAsync(
        SqlProcessedActivityStore store, string operation, string table, string conversationId, string activityId)
    {
        var postgreSql = database is PostgreSqlDatabaseFixture;
        var name = $"htt_fail_{Guid.NewGuid():N}";
        await ExecuteSqlAsync(postgreSql
            ? $"""
              CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
              CREATE TRIGGER {name} BEFORE {operation} ON "{table}" FOR EACH ROW WHEN (OLD."ConversationId" = '{conversationId}') EXECUTE FUNCTION {name}();
              """
            : $"""
              CREATE TRIGGER {name} BEFORE {operation} ON "{table}" FOR EACH ROW WHEN OLD."ConversationId" = '{conversationId}'
              BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
              """);
        bool failed;
        try
        {
            Assert.True(await store.TryMarkProcessedAsync("msteams", conversationId, activityId, CancellationToken.None));
            failed = false;
        }
        catch (DbException)
        {
            failed = true;
        }
        finally
        {
            await ExecuteSqlAsync(postgreSql
                ? $"""DROP TRIGGER {name} ON "{table}"; DROP FUNCTION {name}();"""
                : $"DROP TRIGGER {name};");
        }

        return (failed, await store.TryMarkProcessedAsync("msteams", conversationId, activityId, CancellationToken.None));
    }

    private void AssertNotLost(bool failed, bool redelivered, ListLogger<SqlProcessedActivityStore> logger)
    {
        if (database is PostgreSqlDatabaseFixture)
        {
            // The mark committed on its own: its housekeeping's failure is logged and the turn runs.
            Assert.False(failed);
            Assert.False(redelivered);
            Assert.Equal(LogLevel.Warning, Assert.Single(logger.Entries, e => e.EventId.Id == 1347).Level);
        }
        else
        {
            // One savepoint of the group commit: the failure undoes the mark, and the redelivery runs the turn.
            Assert.True(failed);
            Assert.True(redelivered);
            Assert.Empty(logger.Entries);
        }
    }

    private async Task ExecuteSqlAsync(string sql)
    {
        using var scope = database.ScopeFactory.CreateScope();
        await scope.ServiceProvider.GetRequiredService<BotDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private static ConversationReference Reference(string conversationId) => new()
    {
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = "tenant-1" },
        Bot = new ChannelAccount { Id = "28:bot" },
        User = new ChannelAccount { Id = "29:user", AadObjectId = "aad-1" },
    };

    private void SkipUnlessAvailable() => Skip.If(database.SkipReason is not null, database.SkipReason);

    private static string NewConversationId() => $"a:{Guid.NewGuid():N}";
}
