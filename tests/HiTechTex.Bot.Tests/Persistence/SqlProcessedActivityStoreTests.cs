using HiTechTex.Bot.Persistence;
using Microsoft.Extensions.Time.Testing;

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

    private void SkipUnlessAvailable() => Skip.If(database.SkipReason is not null, database.SkipReason);

    private static string NewConversationId() => $"a:{Guid.NewGuid():N}";
}
