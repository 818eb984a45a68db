using HiTechTex.Bot.Features.Coaching;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>Booking rules on SQLite (the local default): window, capacity, waitlist order, cancel and promotion.</summary>
public sealed class BookingServiceTests : IDisposable
{
    private readonly CoachingTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task RegisterAsync_SeatsLeft_Confirmed()
    {
        var session = await host.CreateSessionAsync();

        var result = await RegisterAsync(session.Id, "u1");

        Assert.Equal(RegistrationOutcome.Confirmed, result.Outcome);
        var row = Assert.Single(await host.RegistrationsAsync(session.Id));
        Assert.Equal(RegistrationStatus.Confirmed, row.Status);
        Assert.Equal(1, row.Sequence);
    }

    [Fact]
    public async Task RegisterAsync_Full_WaitlistedInArrivalOrder()
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));

        var results = new List<RegistrationResult>();
        foreach (var user in new[] { "u1", "u2", "u3" })
        {
            results.Add(await RegisterAsync(session.Id, user));
        }

        Assert.Equal([RegistrationOutcome.Confirmed, RegistrationOutcome.Waitlisted, RegistrationOutcome.Waitlisted], results.Select(r => r.Outcome));
        Assert.Equal([null, 1, 2], results.Select(r => r.WaitlistPosition));
    }

    [Fact]
    public async Task RegisterAsync_SameUserTwice_OneRegistrationAndAlreadyConfirmed()
    {
        var session = await host.CreateSessionAsync();

        var results = await Task.WhenAll(RegisterAsync(session.Id, "u1"), RegisterAsync(session.Id, "u1"), RegisterAsync(session.Id, "u1"));

        Assert.Single(results, r => r.Outcome == RegistrationOutcome.Confirmed);
        Assert.Equal(2, results.Count(r => r.Outcome == RegistrationOutcome.AlreadyConfirmed));
        Assert.Single(await host.RegistrationsAsync(session.Id));
    }

    [Fact]
    public async Task RegisterAsync_ConcurrentUsersOnSqlite_NeverOverbooks()
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 5));

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => RegisterAsync(session.Id, $"u{i}"))));

        Assert.Equal(5, results.Count(r => r.Outcome == RegistrationOutcome.Confirmed));
        Assert.Equal(35, results.Count(r => r.Outcome == RegistrationOutcome.Waitlisted));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), (await host.RegistrationsAsync(session.Id)).Select(r => r.Sequence));
    }

    [Fact]
    public async Task RegisterAsync_BeforeWindowOpens_NotOpenYet()
    {
        var draft = CoachingTestHost.Draft() with { RegistrationOpensAt = CoachingTestHost.Now.AddDays(1) };
        var session = await host.CreateSessionAsync(draft);

        Assert.Equal(RegistrationOutcome.NotOpenYet, (await RegisterAsync(session.Id, "u1")).Outcome);
        host.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(RegistrationOutcome.Confirmed, (await RegisterAsync(session.Id, "u1")).Outcome);
    }

    [Fact]
    public async Task RegisterAsync_AfterWindowCloses_ClosedAndNothingStored()
    {
        var session = await host.CreateSessionAsync();
        host.Time.Advance(TimeSpan.FromDays(6) + TimeSpan.FromMinutes(1));

        var result = await RegisterAsync(session.Id, "u1");

        Assert.Equal(RegistrationOutcome.Closed, result.Outcome);
        Assert.Empty(await host.RegistrationsAsync(session.Id));
    }

    [Fact]
    public async Task RegisterAsync_UnknownSession_NotFound()
    {
        Assert.Equal(RegistrationOutcome.NotFound, (await RegisterAsync(Guid.NewGuid(), "u1")).Outcome);
    }

    [Fact]
    public async Task CancelAsync_ConfirmedWithWaitlist_PromotesFirstWaitlistedAndQueuesNotification()
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(session.Id, "u1");
        await RegisterAsync(session.Id, "u2");
        await RegisterAsync(session.Id, "u3");

        var result = await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));

        Assert.Equal(CancellationOutcome.Cancelled, result.Outcome);
        Assert.Equal("u2", result.Promoted?.UserAadObjectId);
        var rows = await host.RegistrationsAsync(session.Id);
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], rows.Select(r => r.Status));
        var notification = Assert.Single(await host.OutboxAsync(), o => o.Kind == OutboxKind.NotifyPromoted);
        Assert.Equal(rows[1].Id, notification.RegistrationId);
    }

    [Fact]
    public async Task CancelAsync_WaitlistedPerson_NobodyPromoted()
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(session.Id, "u1");
        await RegisterAsync(session.Id, "u2");
        await RegisterAsync(session.Id, "u3");

        var result = await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u2", CancellationToken.None));

        Assert.Null(result.Promoted);
        Assert.Equal(1, (await RegisterAsync(session.Id, "u3")).WaitlistPosition);
    }

    [Fact]
    public async Task CancelAsync_AfterTheSessionStarted_CancelledButNobodyPromoted()
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(session.Id, "u1");
        await RegisterAsync(session.Id, "u2");
        host.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(10));

        var result = await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));

        Assert.Equal(CancellationOutcome.Cancelled, result.Outcome);
        Assert.Null(result.Promoted);
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Waitlisted], (await host.RegistrationsAsync(session.Id)).Select(r => r.Status));
        Assert.DoesNotContain(await host.OutboxAsync(), o => o.Kind == OutboxKind.NotifyPromoted);
    }

    [Fact]
    public async Task UpdateAsync_CapacityRaisedAfterTheStart_NobodyPromoted()
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(session.Id, "u1");
        await RegisterAsync(session.Id, "u2");
        host.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(10));

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft(capacity: 2), CancellationToken.None));

        Assert.Equal(RegistrationStatus.Waitlisted, (await host.RegistrationsAsync(session.Id))[1].Status);
    }

    [Fact]
    public async Task CancelAsync_AfterTheSessionEnded_SessionOverAndNothingChanged()
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(session.Id, "u1");
        await RegisterAsync(session.Id, "u2");
        host.Time.Advance(TimeSpan.FromDays(8));

        var result = await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));

        Assert.Equal(CancellationOutcome.SessionOver, result.Outcome);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], (await host.RegistrationsAsync(session.Id)).Select(r => r.Status));
    }

    [Fact]
    public async Task CancelAsync_NotRegistered_NotRegistered()
    {
        var session = await host.CreateSessionAsync();

        var result = await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "stranger", CancellationToken.None));

        Assert.Equal(CancellationOutcome.NotRegistered, result.Outcome);
    }

    [Fact]
    public async Task CancelAsync_AlreadyCancelled_AlreadyCancelledAndNothingChanged()
    {
        var session = await host.CreateSessionAsync();
        var booking = (Func<IServiceProvider, Task<CancellationResult>>)(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));
        await RegisterAsync(session.Id, "u1");
        Assert.Equal(CancellationOutcome.Cancelled, (await host.WithScopeAsync(booking)).Outcome);
        var before = Assert.Single(await host.RegistrationsAsync(session.Id));

        var second = await host.WithScopeAsync(booking);

        Assert.Equal(CancellationOutcome.AlreadyCancelled, second.Outcome);
        Assert.Null(second.Promoted);
        Assert.Equal(before.UpdatedAt, Assert.Single(await host.RegistrationsAsync(session.Id)).UpdatedAt);
    }

    [Fact]
    public async Task RegisterAsync_AgainAfterCancelling_SameRowNewPlaceInLine()
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(session.Id, "u1");
        await RegisterAsync(session.Id, "u2");
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));

        var again = await RegisterAsync(session.Id, "u1");

        Assert.Equal(RegistrationOutcome.Waitlisted, again.Outcome);
        var rows = await host.RegistrationsAsync(session.Id);
        Assert.Equal(2, rows.Count);
        Assert.Equal(3, rows.Single(r => r.UserAadObjectId == "u1").Sequence);
    }

    [Fact]
    public async Task UpdateAsync_CapacityRaised_PromotesWaitlisted()
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(session.Id, "u1");
        await RegisterAsync(session.Id, "u2");

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft(capacity: 2), CancellationToken.None));

        Assert.All(await host.RegistrationsAsync(session.Id), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
    }

    [Fact]
    public async Task MySessionsAsync_ConfirmedAndWaitlisted_SoonestFirstWithPosition()
    {
        var later = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1, title: "Later", inDays: 20));
        var sooner = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 5, title: "Sooner", inDays: 3));
        await RegisterAsync(later.Id, "other");
        await RegisterAsync(later.Id, "u1");
        await RegisterAsync(sooner.Id, "u1");

        var mine = await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().MySessionsAsync("u1", CancellationToken.None));

        Assert.Equal(["Sooner", "Later"], mine.Select(m => m.Session.Title));
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], mine.Select(m => m.Status));
        Assert.Equal(1, mine[1].WaitlistPosition);
    }

    [Fact]
    public async Task UpcomingAsync_FilteredByTopicLanguageAndMonth_OnlyMatches()
    {
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "A", topic: "Circular economy", language: "EN", inDays: 7));
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "B", topic: "Smart textiles", language: "PT", inDays: 8));
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "C", topic: "Circular economy", language: "EN", inDays: 40));

        async Task<IEnumerable<string>> TitlesAsync(SessionFilter filter) =>
            (await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpcomingAsync(filter, CancellationToken.None))).Select(s => s.Session.Title);

        Assert.Equal(["A", "B", "C"], await TitlesAsync(SessionFilter.Any));
        Assert.Equal(["A", "C"], await TitlesAsync(new SessionFilter(Topic: "circular ECONOMY")));
        Assert.Equal(["B"], await TitlesAsync(new SessionFilter(Language: "pt")));
        Assert.Equal(["A", "B"], await TitlesAsync(new SessionFilter(Month: new DateOnly(2026, 12, 1))));
    }

    [Theory]
    [InlineData("Řízení kvality", "řízení KVALITY")]
    [InlineData("İhracat", "ihracat")]
    [InlineData("Économie circulaire", "ÉCONOMIE CIRCULAIRE")]
    [InlineData("Économie circulaire", "économie circulaire")]
    public async Task UpcomingAsync_TopicWithNonAsciiCapitals_FoundWhateverTheCase(string topic, string typed)
    {
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "A", topic: topic));
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "B", topic: "Smart textiles"));

        var found = await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpcomingAsync(new SessionFilter(Topic: typed), CancellationToken.None));

        Assert.Equal(["A"], found.Select(s => s.Session.Title));
    }

    [Fact]
    public async Task UpcomingAsync_MonthFilter_TheMonthOfTheSessionsOwnTimeZone()
    {
        // 1 January 2027 01:00 in Istanbul (UTC+3) is 31 December 22:00 UTC; 31 January 2027 20:00 in New York is 1 February in UTC.
        var istanbul = new DateTimeOffset(2026, 12, 31, 22, 0, 0, TimeSpan.Zero);
        var newYork = new DateTimeOffset(2027, 2, 1, 1, 0, 0, TimeSpan.Zero);
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Istanbul") with { StartsAt = istanbul, EndsAt = istanbul.AddHours(2), TimeZone = "Europe/Istanbul" });
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "New York") with { StartsAt = newYork, EndsAt = newYork.AddHours(2), TimeZone = "America/New_York" });

        async Task<IEnumerable<string>> TitlesAsync(int year, int month) =>
            (await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpcomingAsync(new SessionFilter(Month: new DateOnly(year, month, 1)), CancellationToken.None))).Select(s => s.Session.Title);

        Assert.Empty(await TitlesAsync(2026, 12));
        Assert.Equal(["Istanbul", "New York"], await TitlesAsync(2027, 1));
        Assert.Empty(await TitlesAsync(2027, 2));
    }

    private Task<RegistrationResult> RegisterAsync(Guid sessionId, string user) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<BookingService>().RegisterAsync(sessionId, new Participant(user, "User " + user, "tenant", null, "conv", "en"), CancellationToken.None));
}
