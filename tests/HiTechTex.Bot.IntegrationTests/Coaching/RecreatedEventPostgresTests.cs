using System.Collections.Concurrent;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.IntegrationTests.Persistence;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Abstractions;

namespace HiTechTex.Bot.IntegrationTests.Coaching;

/// <summary>
/// The session's event deleted from the organizer's calendar, then the session edited, with two hosts on one
/// PostgreSQL database racing their outbox passes: the event is made again once and every seat holder is told its new
/// link once (the conditional replacement of the lost event and the notices in one transaction, on PostgreSQL).
/// </summary>
[Collection(CoachingPostgreSqlCollection.Name)]
public sealed class RecreatedEventPostgresTests : IDisposable
{
    private readonly PostgreSqlHostDatabase database = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingMessenger messenger = new();
    private readonly LosingCalendar calendar = new();

    [SkippableFact]
    public async Task EventDeletedThenEdited_TwoInstances_OneNewEventAndEachSeatHolderToldOnce()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var first = StartHost();
        using var second = StartHost();
        var session = await CreateSessionAsync(first);
        for (var i = 0; i < 6; i++)
        {
            await WithAsync<BookingService, RegistrationResult>(i % 2 == 0 ? first : second, b => b.RegisterAsync(
                session.Id, new Participant($"user-{i:D2}", $"User {i}", "tenant", $"user{i}@example.org", $"conv-user-{i:D2}", "en"), CancellationToken.None));
        }

        await DrainAsync(first, second);
        var lost = Assert.Single(calendar.Events.Values);
        calendar.Deleted[lost] = 0;

        await WithAsync<CatalogService, CoachingSession?>(second, c => c.UpdateAsync(session.Id, Draft() with { Title = "Renamed" }, CancellationToken.None));
        await DrainAsync(first, second);

        Assert.Equal(2, calendar.Events.Count);
        var stored = await WithAsync<BotDbContext, CoachingSession>(first, db => db.Set<CoachingSession>().AsNoTracking().SingleAsync(s => s.Id == session.Id));
        Assert.NotEqual(lost, stored.GraphEventId);
        Assert.Equal(CalendarSyncState.Synced, stored.SyncState);
        var told = messenger.Sent.Where(s => s.Text?.Contains("has a new link", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"conv-user-{i:D2}"), told.Select(s => s.ConversationId).Order());
        Assert.All(told, s => Assert.Contains(stored.JoinUrl!, s.Text, StringComparison.Ordinal));
    }

    public void Dispose() => database.Dispose();

    private async Task DrainAsync(params BotHostFactory[] hosts)
    {
        var processors = hosts.Select(h => h.Services.GetRequiredService<CoachingOutboxProcessor>()).ToArray();
        for (var pass = 0; pass < 20; pass++)
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
            services.RemoveAll<ICalendarGateway>();
            services.AddSingleton<ICalendarGateway>(calendar);
        });
        host.Settings["Coaching:SeedDemoCatalog"] = "false";
        host.Settings["Coaching:ReminderInterval"] = "14.00:00:00";
        host.Settings["Coaching:OutboxInterval"] = "14.00:00:00";
        host.Settings["Graph:TenantId"] = "tenant-1";
        host.Settings["Graph:ClientId"] = "client-1";
        host.Settings["Graph:ClientSecret"] = "secret-1";
        _ = host.Services;
        return host;
    }

    private SessionDraft Draft()
    {
        var start = time.GetUtcNow().AddDays(7);
        return new SessionDraft("Recreated", "", "Testing", "Trainer", "EN", start, start.AddHours(1), "Europe/Prague",
            10, SessionMode.Online, null, time.GetUtcNow(), start, "organizer@example.org");
    }

    private Task<CoachingSession> CreateSessionAsync(BotHostFactory host) =>
        WithAsync<CatalogService, CoachingSession>(host, c => c.CreateAsync(Draft(), "coordinator", CancellationToken.None));

    private static async Task<T> WithAsync<TService, T>(BotHostFactory host, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A calendar whose events can be deleted behind the bot's back: a PATCH of one then answers 404.</summary>
    private sealed class LosingCalendar : ICalendarGateway
    {
        private int counter;

        /// <summary>Event ids by transaction id (a repeated create gives the same event, as Graph does).</summary>
        public ConcurrentDictionary<string, string> Events { get; } = new();

        public ConcurrentDictionary<string, byte> Deleted { get; } = new();

        public Task<CalendarEventResult> CreateEventAsync(CoachingSession session, IReadOnlyList<CalendarAttendee> attendees, string transactionId, CancellationToken cancellationToken)
        {
            var id = Events.GetOrAdd(transactionId, _ => "event-" + Interlocked.Increment(ref counter));
            return Task.FromResult(new CalendarEventResult(id, "https://teams.example/join/" + id));
        }

        public Task UpdateAttendeesAsync(CoachingSession session, IReadOnlyList<CalendarAttendee> attendees, CancellationToken cancellationToken) => Patch(session);

        public Task UpdateEventAsync(CoachingSession session, CancellationToken cancellationToken) => Patch(session);

        public Task CancelEventAsync(CoachingSession session, string comment, CancellationToken cancellationToken) => Patch(session);

        public Task DeleteEventAsync(string mailbox, string eventId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<string> RecreateUnansweredAsync(string mailbox, CoachingSession session, string transactionId, CancellationToken cancellationToken) =>
            Task.FromResult(Events.GetOrAdd(transactionId, _ => "event-" + Interlocked.Increment(ref counter)));

        public Task<bool> HoldsEventAsync(string mailbox, string eventId, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<DateTimeOffset?> EventStartAsync(string mailbox, string eventId, CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);

        public Task<IReadOnlyList<BusyPeriod>> GetScheduleAsync(string organizerMailbox, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<BusyPeriod>>([]);

        private Task Patch(CoachingSession session) =>
            session.GraphEventId is { } id && Deleted.ContainsKey(id)
                ? Task.FromException(new ApiException("gone") { ResponseStatusCode = 404 })
                : Task.CompletedTask;
    }
}
