using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>Reminders on a <c>FakeTimeProvider</c>: 24 h and 1 h before, once each, none after a cancel.</summary>
public sealed class CoachingReminderTests : IDisposable
{
    private readonly CoachingTestHost host = new();
    private readonly List<(string Conversation, string? Text)> sent = [];

    public CoachingReminderTests()
    {
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, Activity, CancellationToken>((c, a, _) => { lock (sent) { sent.Add((c, a.Text)); } })
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task RunOnceAsync_ClockPassesBothReminders_EachSentOnceToConfirmedOnly()
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 2));   // starts 2026-12-03 09:00 UTC
        await RegisterAsync(session.Id, "u1");
        await RegisterAsync(session.Id, "u2");
        await RegisterAsync(session.Id, "u3");   // waitlisted: no reminder

        await RunEveryQuarterHourUntilAsync(session.StartsAt.AddHours(-24).AddMinutes(-15));
        Assert.Empty(sent);
        await RunEveryQuarterHourUntilAsync(session.StartsAt.AddHours(-23));
        Assert.Equal(["conv-u1", "conv-u2"], sent.Select(s => s.Conversation).Order());
        Assert.Equal("Reminder: Circular economy starts Thu 3 Dec 2026 09:00 (Europe/Lisbon).", sent[0].Text);
        await RunEveryQuarterHourUntilAsync(session.StartsAt.AddMinutes(5));

        Assert.Equal(4, sent.Count);
        Assert.Equal(2, sent.Count(s => s.Conversation == "conv-u1"));
        Assert.DoesNotContain(sent, s => s.Conversation == "conv-u3");
    }

    [Fact]
    public async Task RunOnceAsync_CancelledBetweenReminders_NoSecondReminder()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session.Id, "u1");
        await RunEveryQuarterHourUntilAsync(session.StartsAt.AddHours(-20));
        Assert.Single(sent);

        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));
        await RunEveryQuarterHourUntilAsync(session.StartsAt);

        Assert.Single(sent);
    }

    [Fact]
    public async Task RunOnceAsync_RegisteredTwoHoursBefore_OnlyTheOneHourReminder()
    {
        var draft = CoachingTestHost.Draft();
        var session = await host.CreateSessionAsync(draft with { RegistrationClosesAt = draft.StartsAt });
        host.Time.SetUtcNow(session.StartsAt.AddHours(-2));
        await RegisterAsync(session.Id, "u1");

        await RunEveryQuarterHourUntilAsync(session.StartsAt);

        Assert.Single(sent);
    }

    [Fact]
    public async Task RunOnceAsync_SessionCancelled_NoReminder()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session.Id, "u1");
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));

        await RunEveryQuarterHourUntilAsync(session.StartsAt);

        Assert.Empty(sent);
    }

    [Fact]
    public async Task SessionMovedAfterItsReminders_EveryoneToldTheNewTimeAndRemindedAgainForIt()
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));   // 2026-12-03 09:00 UTC
        await RegisterAsync(session.Id, "u1");
        await RegisterAsync(session.Id, "u2");   // waitlisted: told of the move, no reminder
        await RunEveryQuarterHourUntilAsync(session.StartsAt.AddMinutes(-30));
        Assert.Equal(2, sent.Count);

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft(capacity: 1, inDays: 9), CancellationToken.None));
        await host.Services.GetRequiredService<CoachingOutboxProcessor>().RunOnceAsync(CancellationToken.None);
        var notices = sent.Skip(2).ToList();
        await RunEveryQuarterHourUntilAsync(session.StartsAt.AddDays(2));

        const string moved = "Circular economy has moved: it now takes place Sat 5 Dec 2026 09:00–11:00 (Europe/Lisbon).";
        Assert.Equal([("conv-u1", moved), ("conv-u2", moved)], notices.Select(n => (n.Conversation, FirstLine(n.Text))).Order());   // the calendar line under it: CoachingNoticeCalendarTests
        Assert.Equal(
            ["Reminder: Circular economy starts Sat 5 Dec 2026 09:00 (Europe/Lisbon).", "Reminder: Circular economy starts Sat 5 Dec 2026 09:00 (Europe/Lisbon)."],
            sent.Skip(4).Select(s => s.Text));
        Assert.DoesNotContain(sent.Skip(4), s => s.Conversation == "conv-u2");
    }

    [Fact]
    public async Task SessionMoved_WaitlistedPeople_TheCardShowsTheirRealPosition()
    {
        var cards = new List<(string Conversation, string Card)>();
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, Activity, CancellationToken>((c, a, _) => { lock (cards) { cards.Add((c, a.Attachments?.FirstOrDefault()?.Content?.GetRawText() ?? "")); } })
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(session.Id, "u1");
        await RegisterAsync(session.Id, "u2");
        await RegisterAsync(session.Id, "u3");

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft(capacity: 1, inDays: 9), CancellationToken.None));
        await host.Services.GetRequiredService<CoachingOutboxProcessor>().RunOnceAsync(CancellationToken.None);

        Assert.Contains("Waitlist, position 1", cards.Single(c => c.Conversation == "conv-u2").Card, StringComparison.Ordinal);
        Assert.Contains("Waitlist, position 2", cards.Single(c => c.Conversation == "conv-u3").Card, StringComparison.Ordinal);
        Assert.DoesNotContain("position 0", string.Join("\n", cards.Select(c => c.Card)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionMovedIntoTheDayBefore_MoveNoticeWithoutA24HourReminderThenTheOneHourOne()
    {
        var session = await host.CreateSessionAsync();   // 2026-12-03 09:00 UTC, registered a week before
        await RegisterAsync(session.Id, "u1");
        await RunEveryQuarterHourUntilAsync(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        Assert.Empty(sent);
        var newStart = host.Time.GetUtcNow().AddHours(23);   // next week → tomorrow morning

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(
            session.Id, CoachingTestHost.Draft() with { StartsAt = newStart, EndsAt = newStart.AddHours(2) }, CancellationToken.None));
        await host.Services.GetRequiredService<CoachingOutboxProcessor>().RunOnceAsync(CancellationToken.None);
        await host.Services.GetRequiredService<CoachingReminderProcessor>().RunOnceAsync(CancellationToken.None);
        var rightAfterTheMove = sent.Select(s => s.Text).ToList();
        await RunEveryQuarterHourUntilAsync(newStart);

        Assert.Equal(["Circular economy has moved: it now takes place Tue 1 Dec 2026 08:00–10:00 (Europe/Lisbon)."], rightAfterTheMove.Select(FirstLine));
        Assert.Equal(["Reminder: Circular economy starts Tue 1 Dec 2026 08:00 (Europe/Lisbon)."], sent.Skip(1).Select(s => s.Text));
    }

    [Fact]
    public async Task SessionMovedIntoTheDayBefore_MoveNoticeFailsForGood_The24HourReminderGoesOnceWithTheNewTime()
    {
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.Is<Activity>(a => a.Text!.Contains("has moved")), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException(System.Net.HttpStatusCode.NotFound, null, "conversation not found"));
        var session = await host.CreateSessionAsync();   // 2026-12-03 09:00 UTC, registered a week before
        await RegisterAsync(session.Id, "u1");
        await RunEveryQuarterHourUntilAsync(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var newStart = host.Time.GetUtcNow().AddHours(23);

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(
            session.Id, CoachingTestHost.Draft() with { StartsAt = newStart, EndsAt = newStart.AddHours(2) }, CancellationToken.None));
        await host.Services.GetRequiredService<CoachingOutboxProcessor>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(OutboxStatus.Failed, (await host.OutboxAsync()).Single(o => o.Kind == OutboxKind.NotifySessionMoved).Status);
        await host.Services.GetRequiredService<CoachingReminderProcessor>().RunOnceAsync(CancellationToken.None);
        var rightAfterTheMove = sent.Select(s => s.Text).ToList();
        await RunEveryQuarterHourUntilAsync(newStart);

        // The notice never arrived, so the reminder due then says the new time; the 1 h one follows at its time.
        const string reminder = "Reminder: Circular economy starts Tue 1 Dec 2026 08:00 (Europe/Lisbon).";
        Assert.Equal([reminder], rightAfterTheMove);
        Assert.Equal([reminder, reminder], sent.Select(s => s.Text));
    }

    [Fact]
    public async Task SessionMovedIntoTheDayBefore_MoveNoticeFailsForSomeoneWhoRegisteredWithinThe24Hours_TheyGetTheReminderStillDue()
    {
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.Is<Activity>(a => a.Text!.Contains("has moved")), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException(System.Net.HttpStatusCode.NotFound, null, "conversation not found"));
        var session = await host.CreateSessionAsync();   // 2026-12-03 09:00 UTC
        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 30, 0, TimeSpan.Zero));
        await RegisterAsync(session.Id, "u1");           // told the old time (3 December) by the confirmation
        host.Time.Advance(TimeSpan.FromMinutes(30));
        var newStart = host.Time.GetUtcNow().AddHours(23);   // u1 registered 23.5 h before the new start

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(
            session.Id, CoachingTestHost.Draft() with { StartsAt = newStart, EndsAt = newStart.AddHours(2) }, CancellationToken.None));
        await host.Services.GetRequiredService<CoachingOutboxProcessor>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(OutboxStatus.Failed, (await host.OutboxAsync()).Single(o => o.Kind == OutboxKind.NotifySessionMoved).Status);
        await RegisterAsync(session.Id, "u2");           // registers after the move: the confirmation has the new time
        await host.Services.GetRequiredService<CoachingReminderProcessor>().RunOnceAsync(CancellationToken.None);
        var rightAfterTheMove = sent.ToList();
        await RunEveryQuarterHourUntilAsync(newStart);

        const string reminder = "Reminder: Circular economy starts Tue 1 Dec 2026 08:00 (Europe/Lisbon).";
        Assert.Equal([("conv-u1", (string?)reminder)], rightAfterTheMove);
        Assert.Equal([("conv-u1", (string?)reminder), ("conv-u1", reminder), ("conv-u2", reminder)], sent.OrderBy(s => s.Conversation, StringComparer.Ordinal));
    }

    [Fact]
    public async Task SessionMovedTwice_FirstNoticeFailsForGoodSecondArrives_NoReminderRightAfterIt()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session.Id, "u1");
        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var attempts = 0;
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns<string, Activity, CancellationToken>((c, a, _) =>
            {
                if (++attempts == 1)
                {
                    throw new ConnectorException(System.Net.HttpStatusCode.NotFound, null, "conversation not found");
                }

                sent.Add((c, a.Text));
                return Task.FromResult(new ProactiveSendResult(ProactiveSendStatus.Sent));
            });
        var catalog = (DateTimeOffset start) => host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(
            session.Id, CoachingTestHost.Draft() with { StartsAt = start, EndsAt = start.AddHours(2) }, CancellationToken.None));
        await catalog(host.Time.GetUtcNow().AddHours(23));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var newStart = host.Time.GetUtcNow().AddHours(22);
        await catalog(newStart);

        await host.Services.GetRequiredService<CoachingOutboxProcessor>().RunOnceAsync(CancellationToken.None);
        await host.Services.GetRequiredService<CoachingReminderProcessor>().RunOnceAsync(CancellationToken.None);

        // The second notice told the newest time: its claim of the 24 h reminder stands (the failed first one gives back only its own).
        Assert.Equal(["Circular economy has moved: it now takes place Tue 1 Dec 2026 07:01–09:01 (Europe/Lisbon)."], sent.Select(s => FirstLine(s.Text)));
        Assert.Equal([OutboxStatus.Failed, OutboxStatus.Done], (await host.OutboxAsync()).Where(o => o.Kind == OutboxKind.NotifySessionMoved).Select(o => o.Status));
    }

    [Fact]
    public async Task SessionMovedIntoTheLastHour_MoveNoticeOnlyNoReminderAfterIt()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session.Id, "u1");
        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var newStart = host.Time.GetUtcNow().AddMinutes(45);

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(
            session.Id, CoachingTestHost.Draft() with { StartsAt = newStart, EndsAt = newStart.AddHours(2) }, CancellationToken.None));
        await host.Services.GetRequiredService<CoachingOutboxProcessor>().RunOnceAsync(CancellationToken.None);
        await RunEveryQuarterHourUntilAsync(newStart);

        Assert.StartsWith("Circular economy has moved", Assert.Single(sent).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, 60)]
    [InlineData(60, 60)]
    [InlineData(61, 1440)]
    [InlineData(1440, 1440)]
    [InlineData(1441, null)]
    [InlineData(0, null)]
    public void DueReminder_MinutesAhead_TheReminderWhoseWindowItIsIn(int minutesAhead, int? expected)
    {
        var now = CoachingTestHost.Now;

        var due = CoachingReminderProcessor.DueReminder([TimeSpan.FromHours(24), TimeSpan.FromHours(1)], now.AddMinutes(minutesAhead), now);

        Assert.Equal(expected, due is { } d ? (int)d.TotalMinutes : null);
    }

    [Fact]
    public async Task SessionEditedWithoutMoving_NobodyToldAndNoSecondReminder()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session.Id, "u1");
        await RunEveryQuarterHourUntilAsync(session.StartsAt.AddMinutes(-30));

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { Title = "Circular economy II" }, CancellationToken.None));
        await host.Services.GetRequiredService<CoachingOutboxProcessor>().RunOnceAsync(CancellationToken.None);
        await RunEveryQuarterHourUntilAsync(session.StartsAt);

        Assert.Equal(2, sent.Count);
    }

    [Fact]
    public async Task RunOnceAsync_LanguageChangedSinceRegistering_ReminderInTheProfilesLanguageNow()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        var submit = host.Conversation.Submit(new { action = "coaching.register", sessionId = session.Id.ToString() });
        submit.Conversation = new ConversationAccount { Id = "a:conversation-1", ConversationType = "personal", TenantId = "tenant-1" };
        await host.SendAsync(submit);
        var registration = Assert.Single(await host.RegistrationsAsync(session.Id));
        Assert.Equal(("en", "tenant-1"), (registration.Language, registration.TenantId));
        host.References.Setup(r => r.FindPersonalAsync(registration.UserAadObjectId, registration.TenantId!, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredConversationReference(
                new ConversationReference { ChannelId = "msteams", User = new ChannelAccount { Id = "29:user-1" }, Conversation = new ConversationAccount { Id = "a:ana" } },
                IsActive: true, UpdatedAt: CoachingTestHost.Now));
        await host.Conversation.SeedProfileAsync("pt");

        await RunEveryQuarterHourUntilAsync(session.StartsAt.AddHours(-23));

        Assert.StartsWith("Lembrete: Circular economy começa", Assert.Single(sent).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnceAsync_RegisteredFromNewYork_ReminderInTheirTimeWithTheSessionsOwn()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        var submit = host.Conversation.Submit(new { action = "coaching.register", sessionId = session.Id.ToString() });
        submit.LocalTimezone = "America/New_York";
        await host.SendAsync(submit);

        await RunEveryQuarterHourUntilAsync(session.StartsAt.AddHours(-23));

        Assert.Equal("America/New_York", Assert.Single(await host.RegistrationsAsync(session.Id)).TimeZone);
        Assert.Equal("Reminder: Circular economy starts Thu 3 Dec 2026 04:00 (America/New_York) · Thu 3 Dec 2026 09:00 (Europe/Lisbon).", Assert.Single(sent).Text);
    }

    [Fact]
    public async Task RunOnceAsync_WritesLaterFromAnotherTimeZone_ReminderInTheNewZone()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        var submit = host.Conversation.Submit(new { action = "coaching.register", sessionId = session.Id.ToString() });
        submit.LocalTimezone = "Europe/Lisbon";
        await host.SendAsync(submit);
        var later = host.Conversation.Adapter.MakeMessage("my sessions");
        later.LocalTimezone = "America/New_York";

        await host.SendAsync(later);
        await RunEveryQuarterHourUntilAsync(session.StartsAt.AddHours(-23));

        Assert.Equal("America/New_York", Assert.Single(await host.RegistrationsAsync(session.Id)).TimeZone);
        Assert.Equal("Reminder: Circular economy starts Thu 3 Dec 2026 04:00 (America/New_York) · Thu 3 Dec 2026 09:00 (Europe/Lisbon).", Assert.Single(sent).Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Mars/Olympus")]
    [InlineData("W. Europe Standard Time")]   // a Windows id, not an IANA zone
    public async Task Message_WithoutAValidIanaZone_RegistrationKeepsItsZone(string? zone)
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        var submit = host.Conversation.Submit(new { action = "coaching.register", sessionId = session.Id.ToString() });
        submit.LocalTimezone = "America/New_York";
        await host.SendAsync(submit);
        var later = host.Conversation.Adapter.MakeMessage("my sessions");
        later.LocalTimezone = zone;

        await host.SendAsync(later);

        Assert.Equal("America/New_York", Assert.Single(await host.RegistrationsAsync(session.Id)).TimeZone);
    }

    [Theory]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    [InlineData("europe/lisbon", "Europe/Lisbon")]
    [InlineData("America/New_York", "America/New_York")]
    public async Task Register_ZoneSentAnotherWay_StoredAsTheCanonicalIanaId(string sent, string stored)
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        var submit = host.Conversation.Submit(new { action = "coaching.register", sessionId = session.Id.ToString() });
        submit.LocalTimezone = sent;

        await host.SendAsync(submit);

        Assert.Equal(stored, Assert.Single(await host.RegistrationsAsync(session.Id)).TimeZone);
    }

    [Fact]
    public async Task Messages_SameTimeZoneEveryTurn_FollowedOnlyWhenItChanges()
    {
        var listener = new CountingTimeZoneListener();
        using var counted = new CoachingTestHost(configureServices: s => s.AddSingleton<HiTechTex.Bot.Features.Conversation.ITimeZoneListener>(listener));
        await counted.Conversation.SeedProfileAsync("en");

        foreach (var zone in new[] { "Europe/Lisbon", "Europe/Lisbon", "Europe/Lisbon", "America/New_York", "America/New_York", "Europe/Lisbon" })
        {
            var message = counted.Conversation.Adapter.MakeMessage("my sessions");
            message.LocalTimezone = zone;
            await counted.SendAsync(message);
        }

        Assert.Equal(["Europe/Lisbon", "America/New_York", "Europe/Lisbon"], listener.Zones);
    }

    [Fact]
    public async Task Messages_BeforeTheUserHasAProfile_NoListenerCalledThenTheZoneIsFollowedOnceTheyHaveOne()
    {
        var listener = new CountingTimeZoneListener();
        using var counted = new CoachingTestHost(configureServices: s => s.AddSingleton<HiTechTex.Bot.Features.Conversation.ITimeZoneListener>(listener));
        var first = counted.Conversation.Adapter.MakeMessage("hello");
        first.LocalTimezone = "Europe/Lisbon";

        await counted.SendAsync(first);
        var withoutProfile = listener.Zones.ToList();
        await counted.Conversation.SeedProfileAsync("en");
        var later = counted.Conversation.Adapter.MakeMessage("my sessions");
        later.LocalTimezone = "Europe/Lisbon";
        await counted.SendAsync(later);

        Assert.Empty(withoutProfile);
        Assert.Equal(["Europe/Lisbon"], listener.Zones);
    }

    [Fact]
    public async Task RunOnceAsync_SendFails_RetriedOnTheNextPass()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session.Id, "u1");
        host.Time.SetUtcNow(session.StartsAt.AddHours(-3));
        host.Messenger.SetupSequence(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException(System.Net.HttpStatusCode.ServiceUnavailable, null, "down"))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
        var processor = host.Services.GetRequiredService<CoachingReminderProcessor>();

        Assert.Equal(0, await processor.RunOnceAsync(CancellationToken.None));
        Assert.Equal(1, await processor.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await processor.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunOnceAsync_HostStoppedWhileTheConnectorClientWaitsToRetry_ReminderGivenBackAndSentOnceAfterTheRestart()
    {
        // Before: the claim stayed although nothing was delivered, and the participant never got the reminder.
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session.Id, "u1");
        host.Time.SetUtcNow(session.StartsAt.AddHours(-3));
        using var stop = new CancellationTokenSource();
        host.Messenger.SetupSequence(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await stop.CancelAsync();
                throw new DeliveryCancelledException(new OperationCanceledException(stop.Token), stop.Token);
            })
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
        var processor = host.Services.GetRequiredService<CoachingReminderProcessor>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processor.RunOnceAsync(stop.Token));
        Assert.Equal(1, await processor.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await processor.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunOnceAsync_HostStoppedWithTheReminderOnTheWire_ClaimKeptNeverSentTwice()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session.Id, "u1");
        host.Time.SetUtcNow(session.StartsAt.AddHours(-3));
        using var stop = new CancellationTokenSource();
        var calls = 0;
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                calls++;
                await stop.CancelAsync();
                throw new TaskCanceledException(null, null, stop.Token);
            });
        var processor = host.Services.GetRequiredService<CoachingReminderProcessor>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processor.RunOnceAsync(stop.Token));
        Assert.Equal(0, await processor.RunOnceAsync(CancellationToken.None));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task RunOnceAsync_HostStoppedWhileTheReminderIsMadeBeforeAnythingIsSent_ReminderSentOnceAfterTheRestart()
    {
        // Before: the shutdown during a database read of the notifier (the recipient's language) threw a plain
        // OperationCanceledException, the claim stayed although nothing was sent, and the reminder never went.
        using var stop = new CancellationTokenSource();
        var references = new Mock<IConversationReferenceStore>();
        var reads = 0;
        references.Setup(r => r.FindPersonalAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                if (++reads == 1)
                {
                    await stop.CancelAsync();
                    throw new OperationCanceledException(stop.Token);
                }

                return null;
            });
        using var stopping = new CoachingTestHost(configureServices: s => s.AddSingleton(references.Object));
        var calls = 0;
        stopping.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback(() => calls++)
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
        var session = await stopping.CreateSessionAsync();
        await stopping.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().RegisterAsync(
            session.Id, new Participant("u1", "User u1", "tenant", null, "conv-u1", "en"), CancellationToken.None));
        stopping.Time.SetUtcNow(session.StartsAt.AddHours(-3));
        var processor = stopping.Services.GetRequiredService<CoachingReminderProcessor>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processor.RunOnceAsync(stop.Token));
        Assert.Equal(0, calls);
        Assert.Equal(1, await processor.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await processor.RunOnceAsync(CancellationToken.None));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task RunOnceAsync_ProcessKilledBetweenTheClaimAndTheEndOfTheSend_ReminderSentByALaterPassAndNeverAgainOnceSent()
    {
        // Before: the claim of a process killed mid-send (a crash, not a clean stop) stayed for good, and the reminder
        // was never sent. Now its sending mark, older than any send, gives it back: at least once.
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session.Id, "u1");
        host.Time.SetUtcNow(session.StartsAt.AddHours(-3));
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killedSend = new TaskCompletionSource<ProactiveSendResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    reached.SetResult();
                    return killedSend.Task;   // the process dies here: the send never ends
                }

                return Task.FromResult(new ProactiveSendResult(ProactiveSendStatus.Sent));
            });
        var processor = host.Services.GetRequiredService<CoachingReminderProcessor>();
        var killed = processor.RunOnceAsync(CancellationToken.None);
        await reached.Task;

        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await processor.RunOnceAsync(CancellationToken.None));   // a send in progress elsewhere: left alone
        host.Time.Advance(CoachingReminderClaim.InFlightBound);
        Assert.Equal(1, await processor.RunOnceAsync(CancellationToken.None));   // the restarted process sends it
        host.Time.Advance(CoachingReminderClaim.InFlightBound + TimeSpan.FromMinutes(1));
        Assert.Equal(0, await processor.RunOnceAsync(CancellationToken.None));   // sent: never again
        Assert.Equal(2, calls);

        killedSend.SetResult(new ProactiveSendResult(ProactiveSendStatus.Sent));   // only to end the abandoned task
        await killed;
    }

    [Fact]
    public async Task RunOnceAsync_RegisteredFromAGroupChat_ReminderGoesToTheOneToOneChatNotToTheGroup()
    {
        var toUser = new List<(string Aad, Activity Activity)>();
        host.Messenger.Setup(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, Activity, CancellationToken>((aad, _, activity, _) => { lock (toUser) { toUser.Add((aad, activity)); } })
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        var submit = host.Conversation.Submit(new { action = "coaching.register", sessionId = session.Id.ToString() });
        submit.Conversation = new ConversationAccount { Id = "19:coaching-group@thread.v2", ConversationType = "groupChat", IsGroup = true, TenantId = "tenant-1" };

        // A registration asked for in a group chat is not made there: the button goes to the person's 1:1 chat.
        await host.SendAsync(submit);
        Assert.Empty(await host.RegistrationsAsync(session.Id));
        var moved = Assert.Single(toUser);
        Assert.Contains("coaching.details", moved.Activity.Attachments![0].Content!.Value.GetRawText(), StringComparison.Ordinal);
        toUser.Clear();

        // One made in a group before that (no 1:1 chat kept with it) still has its reminders sent to the 1:1 chat.
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().RegisterAsync(
            session.Id, new Participant("00000000-0000-0000-0000-000000000001", "Ana", "tenant-1", null, null, "en"), CancellationToken.None));
        Assert.Null(Assert.Single(await host.RegistrationsAsync(session.Id)).ConversationId);
        await RunEveryQuarterHourUntilAsync(session.StartsAt.AddHours(-23));

        Assert.Empty(sent);
        Assert.Equal(["00000000-0000-0000-0000-000000000001"], toUser.Select(s => s.Aad));
    }

    private async Task RunEveryQuarterHourUntilAsync(DateTimeOffset until)
    {
        var processor = host.Services.GetRequiredService<CoachingReminderProcessor>();
        if (host.Time.GetUtcNow() < until.AddHours(-26))
        {
            host.Time.SetUtcNow(until.AddHours(-26));   // nothing can be due that early; skip the quiet days
        }

        while (host.Time.GetUtcNow() < until)
        {
            await processor.RunOnceAsync(CancellationToken.None);
            host.Time.Advance(TimeSpan.FromMinutes(15));
        }
    }

    /// <summary>A notice's first line (a seat holder's move notice has a line about their calendar under it).</summary>
    private static string? FirstLine(string? text) => text?.Split('\n')[0];

    private Task<RegistrationResult> RegisterAsync(Guid sessionId, string user) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<BookingService>().RegisterAsync(sessionId, new Participant(user, "User " + user, "tenant", null, "conv-" + user, "en"), CancellationToken.None));

    private sealed class CountingTimeZoneListener : HiTechTex.Bot.Features.Conversation.ITimeZoneListener
    {
        public List<string> Zones { get; } = [];

        public Task TimeZoneChangedAsync(string aadObjectId, string timeZone, CancellationToken cancellationToken)
        {
            Zones.Add(timeZone);
            return Task.CompletedTask;
        }
    }
}
