using System.Net;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// Proactive notices the connector keeps refusing with a transient error (503) on a <c>FakeTimeProvider</c> clock:
/// retried, but never delivered after they stopped being useful — at the session's start, or
/// <c>Coaching:OutboxNoticeMaxAge</c> after the change — and then failed for good with the reason.
/// </summary>
public sealed class CoachingOutboxNoticeDeadlineTests : IDisposable
{
    private static readonly DateTimeOffset MoveDay = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly List<CoachingTestHost> hosts = [];
    private readonly List<(DateTimeOffset At, string? Text)> attempts = [];
    private readonly List<string?> delivered = [];

    public void Dispose()
    {
        foreach (var host in hosts)
        {
            host.Dispose();
        }
    }

    [Fact]
    public async Task MoveNotice_Connector503Forever_RetriedUntilTheNewStartThenFailedAndTheClaimedReminderGivenBack()
    {
        var host = Host(failWhen: _ => true);
        var session = await host.CreateSessionAsync();   // 2026-12-03 09:00 UTC
        var registration = await RegisterAsync(host, session.Id, "u1");
        host.Time.SetUtcNow(MoveDay);
        var newStart = MoveDay.AddHours(23);             // into the day before: the move claims the 24 h reminder
        await MoveAsync(host, session.Id, newStart);
        Assert.Single(await ClaimsAsync(host, registration));

        await RunOutboxEveryFiveMinutesUntilAsync(host, newStart);

        var retrying = await MoveNoticeAsync(host);
        Assert.Equal(OutboxStatus.Pending, retrying.Status);
        Assert.True(attempts.Count > 10, $"only {attempts.Count} attempts");
        Assert.Equal("connector HTTP 503", retrying.LastError);
        Assert.Equal(newStart, retrying.DueAt);           // the back-off never goes past the start
        Assert.Single(await ClaimsAsync(host, registration));
        var attemptsBeforeTheStart = attempts.Count;

        host.Time.SetUtcNow(newStart);
        await Processor(host).RunOnceAsync(CancellationToken.None);

        var failed = await MoveNoticeAsync(host);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal("not sent: the session had started, too late for this notice (last error: connector HTTP 503)", failed.LastError);
        Assert.Equal(attemptsBeforeTheStart, failed.Attempts);
        Assert.Equal(attemptsBeforeTheStart, attempts.Count);   // not tried once more at the start
        Assert.All(attempts, a => Assert.True(a.At < newStart));
        Assert.Empty(await ClaimsAsync(host, registration));    // the reminder claimed at the move is given back
        host.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Processor(host).RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MoveNotice_NotDeliveredWithinTheMaxAge_FailedAndTheReminderItClaimedGoesWithTheNewTime()
    {
        var host = Host(failWhen: a => a.Text!.Contains("has moved", StringComparison.Ordinal), maxAge: "06:00:00");
        var session = await host.CreateSessionAsync();
        await RegisterAsync(host, session.Id, "u1");
        host.Time.SetUtcNow(MoveDay);
        var newStart = MoveDay.AddHours(23);
        await MoveAsync(host, session.Id, newStart);

        var reminders = host.Services.GetRequiredService<CoachingReminderProcessor>();
        while (host.Time.GetUtcNow() < MoveDay.AddHours(7))
        {
            await Processor(host).RunOnceAsync(CancellationToken.None);
            await reminders.RunOnceAsync(CancellationToken.None);
            Assert.True(delivered.Count == 0 || host.Time.GetUtcNow() >= MoveDay.AddHours(6), "a reminder went while the notice was still being retried");
            host.Time.Advance(TimeSpan.FromMinutes(15));
        }

        var failed = await MoveNoticeAsync(host);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal("not sent: not delivered within 06:00:00 of the change, too late for this notice (last error: connector HTTP 503)", failed.LastError);
        Assert.All(attempts, a => Assert.True(a.At < MoveDay.AddHours(6)));
        Assert.Equal(["Reminder: Circular economy starts Tue 1 Dec 2026 08:00 (Europe/Lisbon)."], delivered);
    }

    [Fact]
    public async Task MoveNotice_OneTransientErrorThenTheConnectorAnswers_DeliveredOnceAndTheReminderStaysClaimed()
    {
        var failures = 0;
        var host = Host(failWhen: _ => failures++ == 0);
        var session = await host.CreateSessionAsync();
        var registration = await RegisterAsync(host, session.Id, "u1");
        host.Time.SetUtcNow(MoveDay);
        await MoveAsync(host, session.Id, MoveDay.AddHours(23));

        for (var pass = 0; pass < 10; pass++)
        {
            await Processor(host).RunOnceAsync(CancellationToken.None);
            await host.Services.GetRequiredService<CoachingReminderProcessor>().RunOnceAsync(CancellationToken.None);
            host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var done = await MoveNoticeAsync(host);
        Assert.Equal((OutboxStatus.Done, 2), (done.Status, done.Attempts));
        Assert.Equal(["Circular economy has moved: it now takes place Tue 1 Dec 2026 08:00–10:00 (Europe/Lisbon)."], delivered.Select(d => d?.Split('\n')[0]));   // the calendar line under it: CoachingNoticeCalendarTests
        Assert.Single(await ClaimsAsync(host, registration));
    }

    [Fact]
    public async Task PromotionNotice_Connector503UntilTheSessionStarts_FailedAsTooLateAndTheSeatStaysTheirs()
    {
        var host = Host(failWhen: _ => true);
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(host, session.Id, "u1");
        await RegisterAsync(host, session.Id, "u2");
        host.Time.SetUtcNow(session.StartsAt.AddHours(-2));
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));

        await RunOutboxEveryFiveMinutesUntilAsync(host, session.StartsAt);
        Assert.Equal(OutboxStatus.Pending, (await host.OutboxAsync()).Single(o => o.Kind == OutboxKind.NotifyPromoted).Status);
        host.Time.SetUtcNow(session.StartsAt);
        await Processor(host).RunOnceAsync(CancellationToken.None);

        var notice = (await host.OutboxAsync()).Single(o => o.Kind == OutboxKind.NotifyPromoted);
        Assert.Equal(OutboxStatus.Failed, notice.Status);
        Assert.StartsWith("not sent: the session had started", notice.LastError, StringComparison.Ordinal);
        Assert.All(attempts, a => Assert.True(a.At < session.StartsAt));
        var u2 = (await host.RegistrationsAsync(session.Id)).Single(r => r.UserAadObjectId == "u2");
        Assert.Equal(RegistrationStatus.Confirmed, u2.Status);
    }

    [Fact]
    public async Task CancellationNotice_FirstTakenUpAfterTheSessionsStart_FailedWithoutSending()
    {
        var host = Host(failWhen: _ => false);
        var session = await host.CreateSessionAsync();
        await RegisterAsync(host, session.Id, "u1");
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));

        // The bot was down (or the outbox stuck) until after the start.
        host.Time.SetUtcNow(session.StartsAt.AddMinutes(1));
        await Processor(host).RunOnceAsync(CancellationToken.None);

        var notice = (await host.OutboxAsync()).Single(o => o.Kind == OutboxKind.NotifySessionCancelled);
        Assert.Equal((OutboxStatus.Failed, 0), (notice.Status, notice.Attempts));
        Assert.Equal("not sent: the session had started, too late for this notice", notice.LastError);
        Assert.Empty(attempts);
    }

    [Fact]
    public async Task CancellationNotice_ConnectorBackBeforeTheStart_SentOnce()
    {
        var failures = 0;
        var host = Host(failWhen: _ => failures++ < 3);
        var session = await host.CreateSessionAsync();
        await RegisterAsync(host, session.Id, "u1");
        host.Time.SetUtcNow(session.StartsAt.AddHours(-1));
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));

        await RunOutboxEveryFiveMinutesUntilAsync(host, session.StartsAt.AddHours(1));

        Assert.Equal(OutboxStatus.Done, (await host.OutboxAsync()).Single(o => o.Kind == OutboxKind.NotifySessionCancelled).Status);
        Assert.Single(delivered);
        Assert.Equal(4, attempts.Count);
    }

    private CoachingTestHost Host(Func<Activity, bool> failWhen, string? maxAge = null)
    {
        var host = new CoachingTestHost(maxAge is null ? null : new Dictionary<string, string?> { ["Coaching:OutboxNoticeMaxAge"] = maxAge });
        hosts.Add(host);
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns<string, Activity, CancellationToken>((_, activity, _) =>
            {
                var isReminder = activity.Text?.StartsWith("Reminder", StringComparison.Ordinal) == true;
                if (!isReminder)
                {
                    attempts.Add((host.Time.GetUtcNow(), activity.Text));
                }

                if (failWhen(activity))
                {
                    throw new ConnectorException(HttpStatusCode.ServiceUnavailable, null, "down");
                }

                delivered.Add(activity.Text);
                return Task.FromResult(new ProactiveSendResult(ProactiveSendStatus.Sent));
            });
        return host;
    }

    private static CoachingOutboxProcessor Processor(CoachingTestHost host) => host.Services.GetRequiredService<CoachingOutboxProcessor>();

    /// <summary>Runs the outbox every 5 minutes while the clock is before <paramref name="until"/>.</summary>
    private static async Task RunOutboxEveryFiveMinutesUntilAsync(CoachingTestHost host, DateTimeOffset until)
    {
        while (host.Time.GetUtcNow() < until)
        {
            await Processor(host).RunOnceAsync(CancellationToken.None);
            host.Time.Advance(TimeSpan.FromMinutes(5));
            if (host.Time.GetUtcNow() > until)
            {
                host.Time.SetUtcNow(until);
                return;
            }
        }
    }

    private static Task MoveAsync(CoachingTestHost host, Guid sessionId, DateTimeOffset newStart) => host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(
        sessionId, CoachingTestHost.Draft() with { StartsAt = newStart, EndsAt = newStart.AddHours(2) }, CancellationToken.None));

    private static async Task<CoachingOutboxMessage> MoveNoticeAsync(CoachingTestHost host) =>
        (await host.OutboxAsync()).Single(o => o.Kind == OutboxKind.NotifySessionMoved);

    private static Task<List<CoachingReminderClaim>> ClaimsAsync(CoachingTestHost host, Guid registrationId) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<BotDbContext>().ReminderClaims().AsNoTracking().Where(c => c.RegistrationId == registrationId).ToListAsync());

    private static async Task<Guid> RegisterAsync(CoachingTestHost host, Guid sessionId, string user)
    {
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().RegisterAsync(
            sessionId, new Participant(user, "User " + user, "tenant", null, "conv-" + user, "en"), CancellationToken.None));
        return (await host.RegistrationsAsync(sessionId)).Single(r => r.UserAadObjectId == user).Id;
    }
}
