using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.IntegrationTests.Persistence;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Coaching;

/// <summary>
/// The catalogue's queries and the once-only create on PostgreSQL (the unit tests run them on SQLite): they must
/// translate there too, and the same form saved on two instances at once must still make one session.
/// </summary>
[Collection(CoachingPostgreSqlCollection.Name)]
public sealed class PostgreSqlCatalogTests : IDisposable
{
    private readonly PostgreSqlHostDatabase database = new();

    [SkippableFact]
    public async Task CreateOnceAsync_SameFormOnTwoInstancesAtOnce_OneSession()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var first = StartHost();
        using var second = StartHost();
        var formId = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await using var scope = (i % 2 == 0 ? first : second).Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CatalogService>().CreateOnceAsync(formId, Draft("Once", "Testing"), "coordinator", CancellationToken.None);
        })));

        Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal(formId, r.Session.Id));
        await using var check = first.Services.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<BotDbContext>().Sessions().CountAsync(s => s.Id == formId));
    }

    [SkippableFact]
    public async Task UpcomingPageAsync_NonAsciiTopicMonthInTheSessionsZoneAndPages_TranslateOnPostgreSql()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var host = StartHost();
        await using var scope = host.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
        var january = new DateTimeOffset(DateTimeOffset.UtcNow.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await catalog.CreateAsync(Draft("Istanbul", "İhracat") with
        {
            StartsAt = january.AddHours(-2), EndsAt = january, TimeZone = "Europe/Istanbul", RegistrationClosesAt = january.AddDays(-2),
        }, "coordinator", CancellationToken.None);
        for (var i = 0; i < 11; i++)
        {
            await catalog.CreateAsync(Draft($"Quality {i}", "Řízení kvality"), "coordinator", CancellationToken.None);
        }

        var turkish = await catalog.UpcomingPageAsync(new SessionFilter(Topic: "ihracat"), 0, CancellationToken.None);
        var czech = await catalog.UpcomingPageAsync(new SessionFilter(Topic: "řízení KVALITY"), 1, CancellationToken.None);
        var inJanuary = await catalog.UpcomingPageAsync(new SessionFilter(Month: DateOnly.FromDateTime(january.UtcDateTime)), 0, CancellationToken.None);

        Assert.Equal(["Istanbul"], turkish.Sessions.Select(s => s.Session.Title));
        Assert.Equal((1, 11), (czech.Sessions.Count, czech.Total));
        Assert.Equal(["Istanbul"], inJanuary.Sessions.Select(s => s.Session.Title));
    }

    [SkippableFact]
    public async Task UpdateAsync_SessionMoved_NoticesQueuedAndRemindersReArmedOnPostgreSql()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var host = StartHost();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var draft = Draft("Moved", "Testing");
        var session = await services.GetRequiredService<CatalogService>().CreateAsync(draft, "coordinator", CancellationToken.None);
        await services.GetRequiredService<BookingService>().RegisterAsync(session.Id, new Participant("u1", "User", "tenant", null, "conv", "en"), CancellationToken.None);
        var db = services.GetRequiredService<BotDbContext>();
        var registration = await db.Registrations().AsNoTracking().SingleAsync(r => r.SessionId == session.Id);
        db.ReminderClaims().Add(new CoachingReminderClaim { RegistrationId = registration.Id, MinutesBefore = 1440, ClaimedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        await services.GetRequiredService<CatalogService>().UpdateAsync(session.Id, draft with { StartsAt = draft.StartsAt.AddDays(1), EndsAt = draft.EndsAt.AddDays(1) }, CancellationToken.None);

        Assert.Equal(0, await db.ReminderClaims().CountAsync(c => c.RegistrationId == registration.Id));
        Assert.Equal(1, await db.Outbox().CountAsync(o => o.SessionId == session.Id && o.Kind == OutboxKind.NotifySessionMoved));
    }

    [SkippableFact]
    public async Task UpdateAsync_SessionMovedIntoTheReminderWindow_ThatReminderClaimedWithTheMoveOnPostgreSql()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var host = StartHost();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var draft = Draft("Moved closer", "Testing");
        var session = await services.GetRequiredService<CatalogService>().CreateAsync(draft, "coordinator", CancellationToken.None);
        await services.GetRequiredService<BookingService>().RegisterAsync(session.Id, new Participant("u1", "User", "tenant", null, "conv", "en"), CancellationToken.None);
        var db = services.GetRequiredService<BotDbContext>();
        var registration = await db.Registrations().AsNoTracking().SingleAsync(r => r.SessionId == session.Id);
        db.ReminderClaims().Add(new CoachingReminderClaim { RegistrationId = registration.Id, MinutesBefore = 1440, ClaimedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var tomorrow = DateTimeOffset.UtcNow.AddHours(20);

        await services.GetRequiredService<CatalogService>().UpdateAsync(session.Id, draft with { StartsAt = tomorrow, EndsAt = tomorrow.AddHours(2), RegistrationClosesAt = tomorrow }, CancellationToken.None);

        Assert.Equal([1440], await db.ReminderClaims().Where(c => c.RegistrationId == registration.Id).Select(c => c.MinutesBefore).ToListAsync());
        Assert.Equal(1, await db.Outbox().CountAsync(o => o.SessionId == session.Id && o.Kind == OutboxKind.NotifySessionMoved));
    }

    [SkippableFact]
    public async Task TimeZoneChangedAsync_UserWritesFromAnotherZone_TheirRegistrationsFollowOnPostgreSql()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var host = StartHost();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var catalog = services.GetRequiredService<CatalogService>();
        var first = await catalog.CreateAsync(Draft("First", "Testing"), "coordinator", CancellationToken.None);
        var second = await catalog.CreateAsync(Draft("Second", "Testing"), "coordinator", CancellationToken.None);
        var booking = services.GetRequiredService<BookingService>();
        await booking.RegisterAsync(first.Id, new Participant("u1", "User", "tenant", null, "conv", "en", "Europe/Lisbon"), CancellationToken.None);
        await booking.RegisterAsync(second.Id, new Participant("u1", "User", "tenant", null, "conv", "en"), CancellationToken.None);
        await booking.RegisterAsync(first.Id, new Participant("u2", "Other", "tenant", null, "conv2", "en", "Europe/Lisbon"), CancellationToken.None);

        await services.GetServices<HiTechTex.Bot.Features.Conversation.ITimeZoneListener>().OfType<CoachingTimeZoneListener>().Single()
            .TimeZoneChangedAsync("u1", "America/New_York", CancellationToken.None);

        var db = services.GetRequiredService<BotDbContext>();
        var zones = await db.Registrations().AsNoTracking().Where(r => r.SessionId == first.Id || r.SessionId == second.Id)
            .OrderBy(r => r.UserAadObjectId).Select(r => new { r.UserAadObjectId, r.TimeZone }).ToListAsync();
        Assert.Equal([("u1", "America/New_York"), ("u1", "America/New_York"), ("u2", "Europe/Lisbon")], zones.Select(z => (z.UserAadObjectId, z.TimeZone)));
    }

    [SkippableFact]
    public async Task RetrySyncAsync_SameFailedSyncRetriedOnTwoInstancesAtOnce_QueuedOnce()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        // Graph on (the retry queues only then), at an address nothing answers; the outbox's next pass a day away.
        using var first = StartHost(withGraph: true);
        using var second = StartHost(withGraph: true);
        var draft = Draft("Failed sync", "Testing");
        var session = new CoachingSession
        {
            Id = Guid.NewGuid(), Title = draft.Title, Topic = draft.Topic, Trainer = draft.Trainer, Language = "EN", StartsAt = draft.StartsAt,
            EndsAt = draft.EndsAt, TimeZone = draft.TimeZone, Capacity = 10, RegistrationOpensAt = draft.RegistrationOpensAt,
            RegistrationClosesAt = draft.RegistrationClosesAt, OrganizerMailbox = draft.OrganizerMailbox, Status = SessionStatus.Scheduled,
            SyncState = CalendarSyncState.Failed, SyncError = "HTTP 403 ErrorAccessDenied", UpdatedAt = DateTimeOffset.UtcNow,
        };
        await using (var seed = first.Services.CreateAsyncScope())
        {
            var db = seed.ServiceProvider.GetRequiredService<BotDbContext>();
            db.Sessions().Add(session);
            await db.SaveChangesAsync();
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await using var scope = (i % 2 == 0 ? first : second).Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<CatalogService>().RetrySyncAsync(session.Id, CancellationToken.None)).Outcome;
        })));

        Assert.Single(outcomes, o => o == SyncRetryOutcome.Requeued);
        Assert.All(outcomes.Where(o => o != SyncRetryOutcome.Requeued), o => Assert.Equal(SyncRetryOutcome.AlreadyPending, o));
        await using var check = first.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<BotDbContext>().Outbox().AsNoTracking().Where(o => o.SessionId == session.Id).ToListAsync();
        Assert.Equal(OutboxKind.CreateEvent, Assert.Single(rows).Kind);
    }

    public void Dispose() => database.Dispose();

    private static SessionDraft Draft(string title, string topic)
    {
        var now = DateTimeOffset.UtcNow;
        var start = now.AddDays(7);
        return new SessionDraft(title, "About it", topic, "Trainer", "EN", start, start.AddHours(2), "Europe/Lisbon",
            10, SessionMode.Online, null, now.AddDays(-1), start.AddDays(-1), "organizer@example.org");
    }

    private BotHostFactory StartHost(bool withGraph = false)
    {
        var host = database.CreateHost();
        host.Settings["Coaching:SeedDemoCatalog"] = "false";
        if (withGraph)
        {
            host.Settings["Graph:TenantId"] = "tenant-1";
            host.Settings["Graph:ClientId"] = "client-1";
            host.Settings["Graph:ClientSecret"] = "secret-1";
            host.Settings["Graph:BaseUrl"] = "http://127.0.0.1:9/v1.0";
            host.Settings["Graph:TokenEndpoint"] = "http://127.0.0.1:9/tenant-1/oauth2/v2.0/token";
            host.Settings["Coaching:OutboxInterval"] = "1.00:00:00";
        }

        _ = host.Services;  // starts the host (migrations) before the next one, so they never migrate at once
        return host;
    }
}
