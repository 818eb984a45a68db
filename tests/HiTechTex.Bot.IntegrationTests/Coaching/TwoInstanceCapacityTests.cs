using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.IntegrationTests.Persistence;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Coaching;

/// <summary>
/// Capacity under concurrency: two real hosts (two service providers, two connection pools) on one PostgreSQL
/// database, so nothing in-process can be what keeps the count right — only the database's row lock.
/// </summary>
[Collection(CoachingPostgreSqlCollection.Name)]
public sealed class TwoInstanceCapacityTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly PostgreSqlHostDatabase database = new();

    [SkippableFact]
    public async Task RegisterAsync_500ConcurrentUsersOn50SeatsAcrossTwoInstances_Exactly50ConfirmedRestWaitlistedInArrivalOrder()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var first = StartHost();
        using var second = StartHost();
        var session = await CreateSessionAsync(first, capacity: 50);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var attempts = Enumerable.Range(0, 500).Select(i => Task.Run(() =>
            RegisterAsync(i % 2 == 0 ? first : second, session.Id, $"user-{i:D3}"))).ToArray();
        var results = await Task.WhenAll(attempts);
        output.WriteLine($"500 registrations on two instances: {clock.ElapsedMilliseconds} ms");

        Assert.Equal(50, results.Count(r => r.Outcome == RegistrationOutcome.Confirmed));
        Assert.Equal(450, results.Count(r => r.Outcome == RegistrationOutcome.Waitlisted));
        Assert.Equal(Enumerable.Range(1, 450), results.Where(r => r.WaitlistPosition is not null).Select(r => r.WaitlistPosition!.Value).Order());
        var rows = await RegistrationsAsync(second, session.Id);
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), rows.Select(r => r.Sequence));
        Assert.All(rows.Take(50), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
        Assert.All(rows.Skip(50), r => Assert.Equal(RegistrationStatus.Waitlisted, r.Status));
    }

    [SkippableFact]
    public async Task CancelAsync_ConfirmedPersonLeavesFullSession_FirstWaitlistedPromotedOnceAndNotified()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var first = StartHost();
        using var second = StartHost();
        var session = await CreateSessionAsync(first, capacity: 2);
        foreach (var user in new[] { "a", "b", "c", "d" })
        {
            await RegisterAsync(first, session.Id, user);
        }

        // Two confirmed people leave at the same moment on two instances: c and d move up, each once.
        var cancels = await Task.WhenAll(
            Task.Run(() => CancelAsync(first, session.Id, "a")),
            Task.Run(() => CancelAsync(second, session.Id, "b")));

        Assert.All(cancels, c => Assert.Equal(CancellationOutcome.Cancelled, c.Outcome));
        Assert.Equal(["c", "d"], cancels.Select(c => c.Promoted!.UserAadObjectId).Order());
        var rows = await RegistrationsAsync(first, session.Id);
        Assert.Equal(["c", "d"], rows.Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => r.UserAadObjectId).Order());
        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var notified = await db.Outbox().Where(o => o.Kind == OutboxKind.NotifyPromoted).Select(o => o.RegistrationId).ToListAsync();
        Assert.Equal(2, notified.Count);
        Assert.Equal(2, notified.Distinct().Count());
    }

    [SkippableFact]
    public async Task RegisterAsync_SameUserClicksTwiceOnBothInstances_OneRegistration()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var first = StartHost();
        using var second = StartHost();
        var session = await CreateSessionAsync(first, capacity: 10);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            RegisterAsync(i % 2 == 0 ? first : second, session.Id, "same-user"))));

        Assert.Single(results, r => r.Outcome == RegistrationOutcome.Confirmed);
        Assert.All(results.Where(r => r.Outcome != RegistrationOutcome.Confirmed), r => Assert.Equal(RegistrationOutcome.AlreadyConfirmed, r.Outcome));
        Assert.Single(await RegistrationsAsync(second, session.Id));
    }

    [SkippableFact]
    public async Task RegisterAsync_NameOver200WithAnEmojiAtTheCut_RegisteredWithTheEmojiLeftOutWhole()
    {
        // The name was cut at 200 UTF-16 units inside the emoji; PostgreSQL refuses half a surrogate pair, so the
        // registration failed ("Sorry, something went wrong" on Register).
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var host = StartHost();
        var session = await CreateSessionAsync(host, capacity: 10);
        var name = new string('n', 199) + "🧵 Silva";

        var result = await RegisterAsync(host, session.Id, "emoji-user", name);

        Assert.Equal(RegistrationOutcome.Confirmed, result.Outcome);
        Assert.Equal(new string('n', 199), Assert.Single(await RegistrationsAsync(host, session.Id)).UserName);
    }

    public void Dispose() => database.Dispose();

    private BotHostFactory StartHost()
    {
        var host = database.CreateHost();
        host.Settings["Coaching:SeedDemoCatalog"] = "false";
        _ = host.Services;  // starts the host (migrations) before the next one, so they never migrate at once
        return host;
    }

    private static async Task<CoachingSession> CreateSessionAsync(BotHostFactory host, int capacity)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var now = DateTimeOffset.UtcNow;
        var start = now.AddDays(7);
        var draft = new SessionDraft("Load test", "Many people", "Testing", "Trainer", "EN", start, start.AddHours(2), "Europe/Lisbon",
            capacity, SessionMode.Online, null, now.AddDays(-1), start.AddDays(-1), "organizer@example.org");
        return await scope.ServiceProvider.GetRequiredService<CatalogService>().CreateAsync(draft, "coordinator", CancellationToken.None);
    }

    private static async Task<RegistrationResult> RegisterAsync(BotHostFactory host, Guid sessionId, string user, string? name = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        return await booking.RegisterAsync(sessionId, new Participant(user, name ?? "User " + user, "tenant", null, "conv-" + user, "en"), CancellationToken.None);
    }

    private static async Task<CancellationResult> CancelAsync(BotHostFactory host, Guid sessionId, string user)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BookingService>().CancelAsync(sessionId, user, CancellationToken.None);
    }

    private static async Task<List<CoachingRegistration>> RegistrationsAsync(BotHostFactory host, Guid sessionId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        return await db.Registrations().AsNoTracking().Where(r => r.SessionId == sessionId).OrderBy(r => r.Sequence).ToListAsync();
    }
}
