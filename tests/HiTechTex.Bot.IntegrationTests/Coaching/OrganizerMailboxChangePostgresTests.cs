using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.IntegrationTests.Persistence;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Tests.Features.Coaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.IntegrationTests.Coaching;

/// <summary>
/// The organizer mailbox changed, with two hosts on one PostgreSQL database (schema from the migrations) racing their
/// outbox passes, the real Graph client against the fake Graph server: one live meeting, in the new mailbox; the old
/// one deleted in the old mailbox once; every seat holder told the new link once, after the deletion.
/// </summary>
[Collection(CoachingPostgreSqlCollection.Name)]
public sealed class OrganizerMailboxChangePostgresTests : IAsyncLifetime
{
    private const string MailboxA = "organizer@example.org";
    private const string MailboxB = "trainer.b@example.org";
    private const string MailboxC = "trainer.c@example.org";

    private readonly PostgreSqlHostDatabase database = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingMessenger messenger = new();
    private FakeGraphServer graph = null!;

    public async Task InitializeAsync()
    {
        graph = await FakeGraphServer.StartAsync();
        graph.Mailboxes.UnionWith([MailboxA, MailboxB, MailboxC]);
    }

    public async Task DisposeAsync()
    {
        database.Dispose();
        await graph.DisposeAsync();
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MailboxChanged_TwoInstances_OneLiveMeetingInTheLastMailbox_OldDeletedOnce_EachSeatHolderToldOnce(bool changedTwiceQuickly)
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var first = StartHost();
        using var second = StartHost();
        var session = await WithAsync<CatalogService, CoachingSession>(first, c => c.CreateAsync(Draft(MailboxA), "coordinator", CancellationToken.None));
        for (var i = 0; i < 6; i++)
        {
            await WithAsync<BookingService, RegistrationResult>(i % 2 == 0 ? first : second, b => b.RegisterAsync(
                session.Id, new Participant($"user-{i:D2}", $"User {i}", "tenant", $"user{i}@example.org", $"conv-user-{i:D2}", "en"), CancellationToken.None));
        }

        await DrainAsync(first, second);
        var old = Assert.Single(graph.Events.Keys);

        await WithAsync<CatalogService, CoachingSession?>(second, c => c.UpdateAsync(session.Id, Draft(MailboxB), CancellationToken.None));
        if (changedTwiceQuickly)
        {
            await WithAsync<CatalogService, CoachingSession?>(first, c => c.UpdateAsync(session.Id, Draft(MailboxC), CancellationToken.None));
        }

        await DrainAsync(first, second);

        var last = changedTwiceQuickly ? MailboxC : MailboxB;
        var (live, _) = Assert.Single(graph.Events);
        Assert.Equal(last, graph.MailboxOf[live]);
        Assert.Equal([(MailboxA, old)], graph.Deleted);
        Assert.Single(graph.GraphRequests, r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal) && r.Path.Contains(last, StringComparison.Ordinal));
        var stored = await WithAsync<BotDbContext, CoachingSession>(first, db => db.Set<CoachingSession>().AsNoTracking().SingleAsync(s => s.Id == session.Id));
        Assert.Equal((live, last, CalendarSyncState.Synced), (stored.GraphEventId, stored.GraphEventMailbox, stored.SyncState));
        var told = messenger.Sent.Where(s => s.Text?.Contains("has a new link", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"conv-user-{i:D2}"), told.Select(s => s.ConversationId).Order());
        Assert.All(told, s => Assert.Contains(stored.JoinUrl!, s.Text, StringComparison.Ordinal));
    }

    private async Task DrainAsync(params BotHostFactory[] hosts)
    {
        var processors = hosts.Select(h => h.Services.GetRequiredService<CoachingOutboxProcessor>()).ToArray();
        for (var pass = 0; pass < 30; pass++)
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => processors[i % processors.Length].RunOnceAsync(CancellationToken.None))));
            var pending = await WithAsync<BotDbContext, bool>(hosts[0], db => db.Set<CoachingOutboxMessage>().AnyAsync(o => o.Status == OutboxStatus.Pending));
            if (!pending)
            {
                return;
            }

            time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Fail("The outbox did not drain.");
    }

    private BotHostFactory StartHost()
    {
        var host = database.CreateHost(services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IProactiveMessenger>(messenger);
        });
        host.Settings["Coaching:SeedDemoCatalog"] = "false";
        host.Settings["Coaching:ReminderInterval"] = "14.00:00:00";
        host.Settings["Coaching:OutboxInterval"] = "14.00:00:00";
        foreach (var (key, value) in graph.Settings())
        {
            host.Settings[key] = value;
        }

        _ = host.Services;
        return host;
    }

    private SessionDraft Draft(string mailbox)
    {
        var start = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        return new SessionDraft("Moved organizer", "", "Testing", "Trainer", "EN", start, start.AddHours(1), "Europe/Prague",
            10, SessionMode.Online, null, time.GetUtcNow(), start, mailbox);
    }

    private static async Task<T> WithAsync<TService, T>(BotHostFactory host, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
