using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// The durable outbox against a local server speaking Graph's REST shapes: the real <c>GraphServiceClient</c>, the
/// real token request, faults (429 + Retry-After, 503, a hanging call, a 10-minute outage, a restart), on a
/// <c>FakeTimeProvider</c> clock.
/// </summary>
public sealed class CoachingOutboxTests : IAsyncLifetime
{
    private FakeGraphServer graph = null!;
    private CoachingTestHost host = null!;

    public async Task InitializeAsync()
    {
        graph = await FakeGraphServer.StartAsync();
        host = new CoachingTestHost(graph.Settings());
    }

    public async Task DisposeAsync()
    {
        host.Dispose();
        await graph.DisposeAsync();
    }

    [Fact]
    public async Task RunOnceAsync_NewSessionWithRegistrant_CreatesOnlineMeetingThenPatchesFullAttendeeList()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(host, session.Id, "u1", "ana@example.org");
        await RegisterAsync(host, session.Id, "u2", "rui@example.org");

        await DrainAsync(host);

        var created = Assert.Single(graph.Events.Values);
        var create = graph.GraphRequests.First();
        Assert.Equal(("POST", "/v1.0/users/organizer@example.org/events"), (create.Method, create.Path));
        var body = JsonNode.Parse(create.Body)!;
        Assert.True(body["isOnlineMeeting"]!.GetValue<bool>());
        Assert.Equal("teamsForBusiness", body["onlineMeetingProvider"]!.GetValue<string>());
        Assert.Equal(GraphCalendarGateway.TransactionIdOf(session), body["transactionId"]!.GetValue<string>());
        Assert.Equal("2026-12-03T09:00:00", body["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("GMT Standard Time", body["start"]!["timeZone"]!.GetValue<string>());   // Europe/Lisbon's Windows zone: Graph takes every Windows zone
        Assert.Equal(["ana@example.org", "rui@example.org"], created["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
        var patch = graph.GraphRequests.Last(r => r.Method == "PATCH");
        Assert.Equal(["attendees"], JsonNode.Parse(patch.Body)!.AsObject().Select(p => p.Key).Where(k => !k.StartsWith('@')));
        var stored = await SessionAsync(host, session.Id);
        Assert.Equal(created["id"]!.GetValue<string>(), stored.GraphEventId);
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", stored.JoinUrl, StringComparison.Ordinal);
        Assert.Equal(CalendarSyncState.Synced, stored.SyncState);
        Assert.Equal(1, graph.TokenRequests);
        Assert.All(await host.OutboxAsync(), o => Assert.Equal(OutboxStatus.Done, o.Status));
    }

    [Fact]
    public async Task Details_SyncedSessionForConfirmedParticipant_ShowsJoinUrlAndNoCalendarFile()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        await DrainAsync(host);

        var replies = await host.SubmitAsync(new { action = "coaching.register", sessionId = session.Id.ToString() });

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains((await SessionAsync(host, session.Id)).JoinUrl!, card, StringComparison.Ordinal);
        Assert.Contains("Join the Teams meeting", card, StringComparison.Ordinal);
        Assert.DoesNotContain(".ics", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnceAsync_Throttled429WithRetryAfter_WaitsExactlyThatLongThenSucceeds()
    {
        var session = await host.CreateSessionAsync();
        graph.FailNext(429, "TooManyRequests", retryAfterSeconds: 42);

        await Processor(host).RunOnceAsync(CancellationToken.None);

        var pending = Assert.Single(await host.OutboxAsync());
        Assert.Equal(OutboxStatus.Pending, pending.Status);
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(42), pending.DueAt);
        var waiting = await SessionAsync(host, session.Id);
        Assert.Equal((CalendarSyncState.Pending, "Throttled"), (waiting.SyncState, waiting.SyncError));
        host.Time.Advance(TimeSpan.FromSeconds(41));
        Assert.Equal(0, await Processor(host).RunOnceAsync(CancellationToken.None));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Processor(host).RunOnceAsync(CancellationToken.None));
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(host, session.Id)).SyncState);
        Assert.Single(graph.Events);
    }

    [Fact]
    public async Task RunOnceAsync_503ThenRecovery_RetriedWithBackoffAndOneEvent()
    {
        var session = await host.CreateSessionAsync();
        graph.FailNext(503, "ServiceNotAvailable");
        graph.FailNext(503, "ServiceNotAvailable");

        await DrainAsync(host);

        var row = Assert.Single(await host.OutboxAsync());
        Assert.Equal((OutboxStatus.Done, 3), (row.Status, row.Attempts));
        Assert.Single(graph.Events);
        Assert.NotNull((await SessionAsync(host, session.Id)).JoinUrl);
    }

    [Fact]
    public async Task RunOnceAsync_Throttled429WithRetryAfterAsHttpDate_WaitsUntilThatDate()
    {
        // RFC 9110 lets Retry-After be an HTTP date as well as seconds; proxies in front of Graph send dates.
        var session = await host.CreateSessionAsync();
        var until = host.Time.GetUtcNow().AddSeconds(90);
        graph.AnswerNextRaw(429, "application/json", "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}", retryAfter: until.ToString("r", System.Globalization.CultureInfo.InvariantCulture));

        await Processor(host).RunOnceAsync(CancellationToken.None);

        var pending = Assert.Single(await host.OutboxAsync());
        Assert.Equal((OutboxStatus.Pending, until.AddTicks(-(until.Ticks % TimeSpan.TicksPerSecond))), (pending.Status, pending.DueAt));
        Assert.Equal("Throttled", (await SessionAsync(host, session.Id)).SyncError);
    }

    [Fact]
    public async Task RunOnceAsync_503WithAGatewayHtmlPage_RetriedAsUnavailableNotFailedForGood()
    {
        var session = await host.CreateSessionAsync();
        graph.AnswerNextRaw(503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>");

        await Processor(host).RunOnceAsync(CancellationToken.None);

        var pending = Assert.Single(await host.OutboxAsync());
        Assert.Equal(OutboxStatus.Pending, pending.Status);
        Assert.Equal((CalendarSyncState.Pending, "Unavailable"), ((await SessionAsync(host, session.Id)).SyncState, (await SessionAsync(host, session.Id)).SyncError));
        await DrainAsync(host);
        Assert.Single(graph.Events);
    }

    [Fact]
    public async Task RunOnceAsync_CreateAnsweredWithCutJson_RetriedWithSameTransactionIdAndOneEvent()
    {
        var session = await host.CreateSessionAsync();
        graph.AnswerNextRaw(201, "application/json", "{\"id\":\"AAMk-event-1\",\"onlineMeeting\":{\"joinUr", processFirst: true);

        await Processor(host).RunOnceAsync(CancellationToken.None);

        var row = Assert.Single(await host.OutboxAsync());
        Assert.Equal((OutboxStatus.Pending, "unreadable answer"), (row.Status, row.LastError));
        await DrainAsync(host);
        Assert.Single(graph.Events);
        var stored = await SessionAsync(host, session.Id);
        Assert.Equal((graph.Events.Keys.Single(), CalendarSyncState.Synced), (stored.GraphEventId, stored.SyncState));
    }

    [Theory]
    [InlineData(200, "text/html", "<html><body>Sign-in service is being updated</body></html>")]
    [InlineData(200, "application/json", "{\"token_type\":\"Bearer\",\"expires_in\":3599}")]
    [InlineData(503, "text/html", "<html><body>Service Unavailable</body></html>")]
    public async Task RunOnceAsync_TokenEndpointAnswersNoUsableToken_RetriedThenSynced(int status, string contentType, string body)
    {
        var session = await host.CreateSessionAsync();
        graph.TokenAnswers.Enqueue((status, contentType, body, null));

        await Processor(host).RunOnceAsync(CancellationToken.None);

        var pending = Assert.Single(await host.OutboxAsync());
        Assert.Equal(OutboxStatus.Pending, pending.Status);
        Assert.Empty(graph.GraphRequests);
        await DrainAsync(host);
        Assert.Single(graph.Events);
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(host, session.Id)).SyncState);
    }

    [Theory]
    [InlineData(429, "120", 120)]
    [InlineData(503, "240", 240)]
    [InlineData(503, "date", 90)]
    public async Task RunOnceAsync_TokenEndpointThrottlesWithRetryAfter_WaitsExactlyThatLong(int status, string retryAfter, int seconds)
    {
        // Before: the token endpoint's Retry-After was dropped with its answer, and the row came back after the
        // outbox's own short back-off — asking the throttled endpoint again too soon.
        var session = await host.CreateSessionAsync();
        var until = host.Time.GetUtcNow().AddSeconds(seconds);
        var sent = retryAfter == "date" ? until.ToString("r", System.Globalization.CultureInfo.InvariantCulture) : retryAfter;
        graph.TokenAnswers.Enqueue((status, "application/json", "{\"error\":\"temporarily_unavailable\"}", sent));

        await Processor(host).RunOnceAsync(CancellationToken.None);

        var pending = Assert.Single(await host.OutboxAsync());
        Assert.Equal((OutboxStatus.Pending, until.AddTicks(-(until.Ticks % TimeSpan.TicksPerSecond))), (pending.Status, pending.DueAt));
        Assert.Empty(graph.GraphRequests);
        host.Time.Advance(pending.DueAt - host.Time.GetUtcNow() - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await Processor(host).RunOnceAsync(CancellationToken.None));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Processor(host).RunOnceAsync(CancellationToken.None));
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(host, session.Id)).SyncState);
    }

    [Theory]
    [InlineData("Europe/Rome", "2026-12-03T09:00:00Z", "2026-12-03T10:00:00", "W. Europe Standard Time")]
    [InlineData("Europe/Prague", "2026-12-03T09:00:00Z", "2026-12-03T10:00:00", "Central Europe Standard Time")]
    [InlineData("Europe/Istanbul", "2026-12-03T09:00:00Z", "2026-12-03T12:00:00", "Turkey Standard Time")]
    [InlineData("CET", "2026-12-03T09:00:00Z", "2026-12-03T09:00:00", "UTC")]                  // no Windows zone
    [InlineData("Europe/Lisbon", "2027-10-31T01:30:00Z", "2027-10-31T01:30:00", "UTC")]        // 01:30 comes twice that night
    [InlineData("Europe/Lisbon", "2027-10-31T00:30:00Z", "2027-10-31T00:30:00", "UTC")]        // …the first time too
    public async Task RunOnceAsync_SessionZone_SentAsItsWindowsZoneOrInUtcWhenItHasNoneOrTheTimeComesTwice(string zone, string startsAt, string dateTime, string timeZone)
    {
        // Graph's create and update take every Windows zone but few IANA ids (not Europe/Rome, Prague or Lisbon).
        var start = DateTimeOffset.Parse(startsAt, System.Globalization.CultureInfo.InvariantCulture);
        await host.CreateSessionAsync(CoachingTestHost.Draft() with { TimeZone = zone, StartsAt = start, EndsAt = start.AddHours(2), RegistrationClosesAt = start.AddDays(-1) });

        await DrainAsync(host);

        var body = JsonNode.Parse(graph.GraphRequests.First(r => r.Method == "POST").Body)!;
        Assert.Equal((dateTime, timeZone), (body["start"]!["dateTime"]!.GetValue<string>(), body["start"]!["timeZone"]!.GetValue<string>()));
        var sent = DateTime.Parse(dateTime, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(start.UtcDateTime, TimeZoneInfo.ConvertTimeToUtc(sent, TimeZoneInfo.FindSystemTimeZoneById(timeZone)));   // the same instant
    }

    [Theory]
    [InlineData(403, "ErrorAccessDenied")]
    [InlineData(401, "InvalidAuthenticationToken")]
    public async Task RetrySyncAsync_AfterGraphRefusedTheToken_SentWithAFreshToken(int status, string code)
    {
        // An admin grants Calendars.ReadWrite after the bot's token was issued: only a new token carries the role.
        var session = await host.CreateSessionAsync();
        graph.FailNext(status, code);
        await DrainAsync(host);
        Assert.Equal((CalendarSyncState.Failed, "AccessDenied"), ((await SessionAsync(host, session.Id)).SyncState, (await SessionAsync(host, session.Id)).SyncError));

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().RetrySyncAsync(session.Id, CancellationToken.None));
        await DrainAsync(host);

        Assert.Equal(2, graph.TokenRequests);
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(host, session.Id)).SyncState);
    }

    [Fact]
    public async Task RunOnceAsync_MoreConfirmedThanAnEventTakes_TheFirst500RegisteredAreItsAttendeesAndTheSyncHolds()
    {
        // Graph: "the maximum number of attendees included in an event … is 500"; a session seats up to 1000.
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 501));
        await host.SeatConfirmedAsync(session.Id, 501);   // at once: 501 registrations one by one would queue 501 patches

        await DrainAsync(host);

        var patch = JsonNode.Parse(graph.GraphRequests.Last(r => r.Method == "PATCH").Body)!;
        var sent = patch["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()).ToList();
        Assert.Equal(GraphCalendarGateway.MaxAttendees, sent.Count);
        Assert.Equal(("p1@example.org", "p500@example.org"), (sent[0], sent[^1]));
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(host, session.Id)).SyncState);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(412)]
    public async Task RunOnceAsync_EditAnsweredIrresolvableConflict_RetriedAndPatched(int status)
    {
        // Graph answers ErrorIrresolvableConflict when the event was saved at the same moment (the organizer in Outlook).
        var session = await host.CreateSessionAsync();
        await DrainAsync(host);
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { Title = "Renamed" }, CancellationToken.None));
        graph.FailNext(status, "ErrorIrresolvableConflict");

        await Processor(host).RunOnceAsync(CancellationToken.None);
        Assert.Equal((CalendarSyncState.Pending, "Unavailable"), ((await SessionAsync(host, session.Id)).SyncState, (await SessionAsync(host, session.Id)).SyncError));
        await DrainAsync(host);

        Assert.Equal("Renamed", Assert.Single(graph.Events.Values)["subject"]!.GetValue<string>());
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(host, session.Id)).SyncState);
    }

    [Fact]
    public async Task RunOnceAsync_CreateAnswerLostInATimeout_RetrySameTransactionIdNoDuplicateEvent()
    {
        var session = await host.CreateSessionAsync();
        graph.HangNext(processFirst: true);

        var pass = Processor(host).RunOnceAsync(CancellationToken.None);
        await graph.HangArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        host.Time.Advance(TimeSpan.FromSeconds(30));   // the per-call timeout runs on the fake clock
        await pass.WaitAsync(TimeSpan.FromSeconds(30));

        var afterTimeout = Assert.Single(await host.OutboxAsync());
        Assert.Equal((OutboxStatus.Pending, "timeout"), (afterTimeout.Status, afterTimeout.LastError));
        await DrainAsync(host);

        Assert.Single(graph.Events);
        Assert.Equal(2, graph.GraphRequests.Count(r => r.Method == "POST"));
        Assert.Equal(graph.Events.Keys.Single(), (await SessionAsync(host, session.Id)).GraphEventId);
    }

    [Fact]
    public async Task RunOnceAsync_TenMinuteOutageAndRestart_NothingLostAndEverythingSyncedOnce()
    {
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
        graph.Down = true;
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 2));
        foreach (var user in new[] { "u1", "u2", "u3" })
        {
            await RegisterAsync(host, session.Id, user, user + "@example.org");
        }

        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));
        var outageEnds = host.Time.GetUtcNow().AddMinutes(10);
        while (host.Time.GetUtcNow() < outageEnds)
        {
            await Processor(host).RunOnceAsync(CancellationToken.None);
            host.Time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Empty(graph.Events);
        Assert.All((await host.OutboxAsync()).Where(o => o.Lane == CoachingOutboxMessage.GraphLane), o => Assert.Equal(OutboxStatus.Pending, o.Status));
        Assert.Equal("Unavailable", (await SessionAsync(host, session.Id)).SyncError);

        // A restart: a new host on the same database, with Graph back.
        graph.Down = false;
        using var restarted = new CoachingTestHost(graph.Settings(), database: host.Database);
        restarted.Time.SetUtcNow(host.Time.GetUtcNow());
        await DrainAsync(restarted);

        var created = Assert.Single(graph.Events.Values);
        Assert.Equal(["u2@example.org", "u3@example.org"], created["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
        Assert.All(await restarted.OutboxAsync(), o => Assert.Equal(OutboxStatus.Done, o.Status));
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(restarted, session.Id)).SyncState);
    }

    [Fact]
    public async Task RunOnceAsync_Graph500UntilTheSessionEnds_RetriedThenFailedAtTheEndWithTheReasonShownToTheCoordinator()
    {
        await host.Conversation.SeedProfileAsync("en");
        graph.Down = true;
        graph.DownStatus = (500, "InternalServerError");
        var session = await host.CreateSessionAsync();
        await RegisterAsync(host, session.Id, "u1", "ana@example.org");
        host.Time.SetUtcNow(session.StartsAt.AddMinutes(-30));
        while (host.Time.GetUtcNow() < session.EndsAt)
        {
            await Processor(host).RunOnceAsync(CancellationToken.None);
            host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var create = (await host.OutboxAsync()).Single(o => o.Kind == OutboxKind.CreateEvent);
        Assert.Equal((OutboxStatus.Pending, "HTTP 500 InternalServerError"), (create.Status, create.LastError));
        Assert.Equal(session.EndsAt, create.DueAt);   // the back-off never goes past the end
        var retrying = await SessionAsync(host, session.Id);
        Assert.Equal(CalendarSyncState.Pending, retrying.SyncState);
        var calls = graph.GraphRequests.Count;
        Assert.True(calls > 10, $"only {calls} calls");

        Assert.Equal(session.EndsAt, host.Time.GetUtcNow());
        await Processor(host).RunOnceAsync(CancellationToken.None);
        await Processor(host).RunOnceAsync(CancellationToken.None);

        var rows = await host.OutboxAsync();
        Assert.All(rows, o => Assert.Equal(OutboxStatus.Failed, o.Status));
        Assert.Equal("gave up: the session has ended (last error: HTTP 500 InternalServerError)", rows.Single(o => o.Kind == OutboxKind.CreateEvent).LastError);
        Assert.Equal("gave up: the session has ended", rows.Single(o => o.Kind == OutboxKind.UpdateAttendees).LastError);
        var stored = await SessionAsync(host, session.Id);
        Assert.Equal((CalendarSyncState.Failed, "SessionEnded"), (stored.SyncState, stored.SyncError));
        Assert.Equal(calls, graph.GraphRequests.Count);   // no call at or after the end
        var replies = await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId);
        Assert.Contains("failed: gave up: the session has ended", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP 500", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        host.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Processor(host).RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunOnceAsync_Graph503OnEveryAttempt_FailedAfterTheMaximumAttempts()
    {
        using var limited = new CoachingTestHost(new Dictionary<string, string?>(graph.Settings()) { ["Coaching:OutboxMaxAttempts"] = "4" });
        graph.Down = true;
        var session = await limited.CreateSessionAsync();

        await DrainAsync(limited);

        var row = Assert.Single(await limited.OutboxAsync());
        Assert.Equal((OutboxStatus.Failed, 4), (row.Status, row.Attempts));
        Assert.Equal("gave up after 4 attempts (last error: HTTP 503 ServiceNotAvailable)", row.LastError);
        Assert.Equal(4, graph.GraphRequests.Count);
        var stored = await SessionAsync(limited, session.Id);
        Assert.Equal((CalendarSyncState.Failed, "TooManyAttempts"), (stored.SyncState, stored.SyncError));
    }

    [Fact]
    public async Task RunOnceAsync_Graph503ThenRecoveryShortlyBeforeTheEnd_EventCreatedOnce()
    {
        var session = await host.CreateSessionAsync();
        host.Time.SetUtcNow(session.EndsAt.AddMinutes(-20));
        graph.FailNext(503, "ServiceNotAvailable");
        graph.FailNext(500, "InternalServerError");

        await DrainAsync(host);

        var row = Assert.Single(await host.OutboxAsync());
        Assert.Equal((OutboxStatus.Done, 3), (row.Status, row.Attempts));
        Assert.Single(graph.Events);
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(host, session.Id)).SyncState);
    }

    [Fact]
    public async Task RunOnceAsync_AccessDenied_FailedWithReasonVisibleToCoordinator()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        graph.FailNext(403, "ErrorAccessDenied");

        await DrainAsync(host);

        Assert.Equal(OutboxStatus.Failed, Assert.Single(await host.OutboxAsync()).Status);
        var replies = await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId);
        Assert.Contains("failed: the bot is not allowed to use the calendar of organizer@example.org, the organizer mailbox of the session “Circular economy”", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP 403", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PT", "Tecidos técnicos foi cancelada pela organização. Lamentamos.")]
    [InlineData("CS", "Tecidos técnicos bylo organizátory zrušeno. Omlouváme se.")]
    [InlineData("EN", "Tecidos técnicos has been cancelled by the organisers. We're sorry.")]
    public async Task RunOnceAsync_SessionCancelled_AttendeesGetTheCancellationCommentInTheSessionsLanguage(string language, string expected)
    {
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Tecidos técnicos", language: language));
        await DrainAsync(host);
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));

        await DrainAsync(host);

        var cancel = Assert.Single(graph.GraphRequests, r => r.Path.EndsWith("/cancel", StringComparison.Ordinal));
        Assert.Equal(expected, JsonNode.Parse(cancel.Body)!["Comment"]!.GetValue<string>());   // as the SDK names the action's parameter
    }

    [Fact]
    public async Task RunOnceAsync_SessionEditedThenCancelled_PatchesThenCancelsTheEvent()
    {
        var session = await host.CreateSessionAsync();
        await DrainAsync(host);
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { Title = "Renamed" }, CancellationToken.None));
        await DrainAsync(host);
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));

        await DrainAsync(host);

        var eventId = graph.Events.Keys.Single();
        Assert.Equal("Renamed", graph.Events[eventId]["subject"]!.GetValue<string>());
        Assert.Equal([eventId], graph.Cancelled);
        var methods = graph.GraphRequests.Select(r => (r.Method, r.Path.EndsWith("/cancel", StringComparison.Ordinal))).ToList();
        Assert.Equal([("POST", false), ("PATCH", false), ("POST", true)], methods);
    }

    [Fact]
    public async Task RunOnceAsync_PromotedPerson_NotifiedProactivelyOnce()
    {
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(host, session.Id, "u1", null);
        await RegisterAsync(host, session.Id, "u2", null);
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));

        await DrainAsync(host);
        await DrainAsync(host);

        host.Messenger.Verify(m => m.SendToConversationAsync("conv-u2",
            It.Is<Activity>(a => a.Text == "Good news: a seat freed up and you're now registered for Circular economy."), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RunOnceAsync_SendSlowerThanTheLeaseWithinALongerRequestTimeout_AnotherInstanceDoesNotSendTheNoticeAgain()
    {
        // Graph:RequestTimeout set above the two-minute lease: a notice still on its way after two minutes (the connector
        // slow, a 429 waited out) was taken by another instance's pass and sent a second time.
        using var slow = new CoachingTestHost(new Dictionary<string, string?> { ["Graph:RequestTimeout"] = "00:05:00" });
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = 0;
        slow.Messenger.Setup(m => m.SendToConversationAsync("conv-u2", It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns((string _, Activity _, CancellationToken token) =>
            {
                if (Interlocked.Increment(ref sends) > 1)
                {
                    return Task.FromResult(new ProactiveSendResult(ProactiveSendStatus.Sent));
                }

                var answer = new TaskCompletionSource<ProactiveSendResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                token.Register(() => answer.TrySetCanceled(token));
                arrived.TrySetResult();
                return answer.Task;
            });
        var session = await slow.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(slow, session.Id, "u1", null);
        await RegisterAsync(slow, session.Id, "u2", null);
        await slow.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));

        var first = Processor(slow).RunOnceAsync(CancellationToken.None);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        slow.Time.Advance(TimeSpan.FromMinutes(3));
        await Processor(slow).RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, sends);
        slow.Time.Advance(TimeSpan.FromMinutes(2));
        await first.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("timeout", Assert.Single(await slow.OutboxAsync(), o => o.Kind == OutboxKind.NotifyPromoted).LastError);
    }

    [Fact]
    public async Task Save_CoordinatorWithGraph_GetScheduleConflictShownAsWarning()
    {
        await host.Conversation.SeedProfileAsync("en");
        graph.Busy.Add((new DateTime(2026, 12, 10, 13, 30, 0, DateTimeKind.Utc), new DateTime(2026, 12, 10, 14, 0, 0, DateTimeKind.Utc), "Board meeting"));

        var replies = await host.SubmitAsync(ScheduleForm(), CoachingTestHost.CoordinatorId);

        Assert.Contains("the organizer's calendar is busy at that time (Thu 10 Dec 2026 14:30–15:00, Europe/Madrid time).", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        var request = graph.GraphRequests.Single(r => r.Path.EndsWith("/getSchedule", StringComparison.Ordinal));
        Assert.Equal("/v1.0/users/coaching@hitechtex.example/calendar/getSchedule", request.Path);

        // The action's parameters are PascalCase in Graph's metadata (Schedules, StartTime…), and so on the wire.
        Assert.Contains("\"Schedules\":[\"coaching@hitechtex.example\"]", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"StartTime\":{\"dateTime\":\"2026-12-10T13:00:00\",\"timeZone\":\"UTC\"}", request.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CoachingTextsTests.Languages), MemberType = typeof(CoachingTextsTests))]
    public async Task Save_GetScheduleAnswersAnErrorForTheMailbox_SavedAndSaidItCouldNotBeChecked(string language)
    {
        // Before: the mailbox's error item (no availabilityView, no scheduleItems) was read as a free calendar — no
        // warning, and the coordinator believed the organizer free.
        await host.Conversation.SeedProfileAsync(language);
        graph.Busy.Add((new DateTime(2026, 12, 10, 13, 30, 0, DateTimeKind.Utc), new DateTime(2026, 12, 10, 14, 0, 0, DateTimeKind.Utc), "Board meeting"));
        graph.AnswerNextRaw(200, "application/json",
            "{\"value\":[{\"scheduleId\":\"coaching@hitechtex.example\",\"error\":{\"message\":\"The user has no mailbox.\",\"responseCode\":\"ErrorMailboxNotFound\"}}]}");
        var texts = CoachingTexts.Resolve(language);

        var replies = await host.SubmitAsync(ScheduleForm(), CoachingTestHost.CoordinatorId);
        await DrainAsync(host);

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains(texts.Format(texts.ScheduleUncheckedFormat, "coaching@hitechtex.example"), card, StringComparison.Ordinal);
        Assert.Contains(texts.Format(texts.SavedFormat, "Lab"), card, StringComparison.Ordinal);
        Assert.Single(graph.Events);
    }

    [Fact]
    public async Task Save_GetScheduleUnavailable_SavedAndSaidItCouldNotBeChecked()
    {
        await host.Conversation.SeedProfileAsync("en");
        graph.FailNext(503, "ServiceNotAvailable");

        var replies = await host.SubmitAsync(ScheduleForm(), CoachingTestHost.CoordinatorId);

        Assert.Contains("Heads-up: the organizer's calendar (coaching@hitechtex.example) could not be checked for that time, so a conflict there may go unnoticed.",
            CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        Assert.Contains("Session saved: Lab.", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_GetScheduleFree_NoWarning()
    {
        await host.Conversation.SeedProfileAsync("en");

        var replies = await host.SubmitAsync(ScheduleForm(), CoachingTestHost.CoordinatorId);

        Assert.DoesNotContain("Heads-up", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ScheduleForm() => new()
    {
        ["action"] = "coaching.save", ["title"] = "Lab", ["topic"] = "Smart textiles", ["trainer"] = "Lucía", ["language"] = "ES",
        ["date"] = "2026-12-10", ["start"] = "14:00", ["end"] = "16:00", ["timeZone"] = "Europe/Madrid", ["capacity"] = "20",
        ["mode"] = "Online", ["closesOn"] = "2026-12-09", ["organizer"] = "coaching@hitechtex.example",
    };

    [Fact]
    public async Task Save_SessionAcrossMidnight_SavedAndTheMeetingEndsOnTheNextDay()
    {
        // Before: 22:00–01:00 was refused, "End time: must be after the start time" (only the times were compared).
        await host.Conversation.SeedProfileAsync("en");

        var replies = await host.SubmitAsync(new Dictionary<string, string>
        {
            ["action"] = "coaching.save", ["title"] = "Night shift dyeing", ["topic"] = "Dyeing", ["trainer"] = "Lucía", ["language"] = "ES",
            ["date"] = "2026-12-10", ["start"] = "22:00", ["end"] = "01:00", ["timeZone"] = "Europe/Madrid", ["capacity"] = "20",
            ["mode"] = "Online", ["closesOn"] = "2026-12-09", ["organizer"] = "coaching@hitechtex.example",
        }, CoachingTestHost.CoordinatorId);
        await DrainAsync(host);

        Assert.Contains("Thu 10 Dec 2026 22:00 – Fri 11 Dec 2026 01:00 (Europe/Madrid)", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        var schedule = graph.GraphRequests.Single(r => r.Path.EndsWith("/getSchedule", StringComparison.Ordinal));
        Assert.Contains("\"EndTime\":{\"dateTime\":\"2026-12-11T00:00:00\",\"timeZone\":\"UTC\"}", schedule.Body, StringComparison.Ordinal);
        var create = JsonNode.Parse(graph.GraphRequests.First(r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal)).Body)!;
        Assert.Equal(("2026-12-10T22:00:00", "Romance Standard Time"), (create["start"]!["dateTime"]!.GetValue<string>(), create["start"]!["timeZone"]!.GetValue<string>()));
        Assert.Equal(("2026-12-11T01:00:00", "Romance Standard Time"), (create["end"]!["dateTime"]!.GetValue<string>(), create["end"]!["timeZone"]!.GetValue<string>()));
        var stored = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().SingleAsync());
        Assert.Equal(TimeSpan.FromHours(3), stored.EndsAt - stored.StartsAt);
        Assert.Equal(CalendarSyncState.Synced, stored.SyncState);
    }

    private static CoachingOutboxProcessor Processor(CoachingTestHost host) => host.Services.GetRequiredService<CoachingOutboxProcessor>();

    /// <summary>Runs passes, moving the fake clock past each back-off, until nothing is pending (bounded).</summary>
    [Fact]
    public async Task PurgeAsync_FinishedRowsAndClaimsOlderThanTheRetention_DeletedAndPendingWorkKept()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(host, session.Id, "u1", "ana@example.org");
        await DrainAsync(host);
        var registration = Assert.Single(await host.RegistrationsAsync(session.Id));
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BotDbContext>();
            db.ReminderClaims().Add(new CoachingReminderClaim { RegistrationId = registration.Id, MinutesBefore = 60, ClaimedAt = host.Time.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var finished = (await host.OutboxAsync()).Count;
        Assert.True(finished > 0);

        // Within the retention nothing goes; a new pending row (a cancellation) is never purged, however old.
        Assert.Equal(0, await Processor(host).PurgeAsync(CancellationToken.None));
        host.Time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BotDbContext>();
            db.Enqueue(session.Id, OutboxKind.CancelEvent, host.Time.GetUtcNow() - TimeSpan.FromDays(60));
            return await db.SaveChangesAsync();
        });

        var deleted = await Processor(host).PurgeAsync(CancellationToken.None);

        Assert.Equal(finished + 1, deleted);
        var left = Assert.Single(await host.OutboxAsync());
        Assert.Equal((OutboxKind.CancelEvent, OutboxStatus.Pending), (left.Kind, left.Status));
        Assert.Empty(await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().ReminderClaims().ToListAsync()));
    }

    private static async Task DrainAsync(CoachingTestHost host)
    {
        for (var pass = 0; pass < 50; pass++)
        {
            await Processor(host).RunOnceAsync(CancellationToken.None);
            if (!(await host.OutboxAsync()).Any(o => o.Status == OutboxStatus.Pending))
            {
                return;
            }

            host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Fail("The outbox did not drain.");
    }

    private static Task<CoachingSession> SessionAsync(CoachingTestHost host, Guid id) =>
        host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().SingleAsync(s => s.Id == id));

    private static Task<RegistrationResult> RegisterAsync(CoachingTestHost host, Guid sessionId, string user, string? email) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<BookingService>().RegisterAsync(sessionId, new Participant(user, "User " + user, "tenant", email, "conv-" + user, "en"), CancellationToken.None));
}
