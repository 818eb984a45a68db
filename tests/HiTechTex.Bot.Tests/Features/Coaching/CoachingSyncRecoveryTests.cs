using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// A session whose calendar event was never made (the create refused for good, or given up) recovers: a later edit or
/// attendee change creates it, and the coordinator's "Retry calendar sync" queues it again — against the local Graph
/// server (<see cref="FakeGraphServer"/>, <see cref="FakeGraphServer.DownStatus"/> for the permanent refusal).
/// </summary>
public sealed class CoachingSyncRecoveryTests : IAsyncLifetime
{
    private const string Stranger = "00000000-0000-0000-0000-000000000001";

    private FakeGraphServer graph = null!;
    private CoachingTestHost host = null!;

    public async Task InitializeAsync()
    {
        graph = await FakeGraphServer.StartAsync();
        host = new CoachingTestHost(graph.Settings());
        await host.Conversation.SeedProfileAsync("en");
    }

    public async Task DisposeAsync()
    {
        host.Dispose();
        await graph.DisposeAsync();
    }

    [Fact]
    public async Task RunOnceAsync_CreateRefusedForGoodThenSessionEdited_TheUpdateCreatesTheEventWithTheNewDetailsOnce()
    {
        var session = await CreateFailedForGoodAsync();

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { Title = "Renamed" }, CancellationToken.None));
        await DrainAsync(host);

        var (eventId, created) = Assert.Single(graph.Events);
        Assert.Equal("Renamed", created["subject"]!.GetValue<string>());
        Assert.True(created["isOnlineMeeting"]!.GetValue<bool>());
        var creates = graph.GraphRequests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, creates.Count);   // the refused one, then the update's
        Assert.All(creates, c => Assert.Equal(GraphCalendarGateway.TransactionIdOf(session), JsonNode.Parse(c.Body)!["transactionId"]!.GetValue<string>()));
        var stored = await SessionAsync(host, session.Id);
        Assert.Equal((eventId, CalendarSyncState.Synced, (string?)null), (stored.GraphEventId, stored.SyncState, stored.SyncError));
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", stored.JoinUrl, StringComparison.Ordinal);
        var update = (await host.OutboxAsync()).Single(o => o.Kind == OutboxKind.UpdateEvent);
        Assert.Equal((OutboxStatus.Done, 1), (update.Status, update.Attempts));
    }

    [Fact]
    public async Task RunOnceAsync_CreateRefusedForGoodThenSomeoneRegisters_GraphNotCalledAgainUntilTheCoordinatorRetries()
    {
        var session = await CreateFailedForGoodAsync();
        var callsBefore = graph.GraphRequests.Count;

        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().RegisterAsync(
            session.Id, new Participant("u1", "Ana", "tenant", "ana@example.org", "conv-u1", "en"), CancellationToken.None));
        await DrainAsync(host);

        // The refused create is not sent again by the attendee change: the same request would be refused again.
        Assert.Equal(callsBefore, graph.GraphRequests.Count);
        Assert.Empty(graph.Events);
        var skipped = (await host.OutboxAsync()).Single(o => o.Kind == OutboxKind.UpdateAttendees);
        Assert.Equal((OutboxStatus.Failed, 0), (skipped.Status, skipped.Attempts));
        Assert.StartsWith("not attempted:", skipped.LastError, StringComparison.Ordinal);
        var stored = await SessionAsync(host, session.Id);
        Assert.Equal((CalendarSyncState.Failed, "AccessDenied"), (stored.SyncState, stored.SyncError));

        await host.SubmitAsync(RetryClick(session), CoachingTestHost.CoordinatorId);
        await DrainAsync(host);

        var created = Assert.Single(graph.Events.Values);
        Assert.Equal(["ana@example.org"], created["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(host, session.Id)).SyncState);
    }

    [Fact]
    public async Task RunOnceAsync_EditRefusedWith400ThenPeopleRegister_NoFurtherGraphCallsAndTheCardSaysFailedNotReady()
    {
        var session = await host.CreateSessionAsync();
        await DrainAsync(host);
        graph.FailNext(400, "ErrorTimeZoneNotSupported");
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { Title = "Renamed" }, CancellationToken.None));
        await DrainAsync(host);
        var callsAfterTheRefusal = graph.GraphRequests.Count;

        foreach (var (user, email) in new[] { ("u1", "ana@example.org"), ("u2", "rui@example.org") })
        {
            await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().RegisterAsync(
                session.Id, new Participant(user, user, "tenant", email, "conv-" + user, "en"), CancellationToken.None));
            await DrainAsync(host);
        }

        Assert.Equal(callsAfterTheRefusal, graph.GraphRequests.Count);
        Assert.Equal("Circular economy", graph.Events.Values.Single()["subject"]!.GetValue<string>());
        Assert.All((await host.OutboxAsync()).Where(o => o.Kind == OutboxKind.UpdateAttendees && o.Id > 2), o => Assert.Equal((OutboxStatus.Failed, 0), (o.Status, o.Attempts)));
        var stored = await SessionAsync(host, session.Id);
        Assert.Equal((CalendarSyncState.Failed, "Refused"), (stored.SyncState, stored.SyncError));
        var card = CoachingTestHost.CardText(await host.SubmitAsync(Details(session), CoachingTestHost.CoordinatorId));
        Assert.Contains("failed: the calendar refused the meeting's details (for example its time zone)", card, StringComparison.Ordinal);
        Assert.DoesNotContain("ready", card.Split('\n'));
        Assert.DoesNotContain("HTTP 400", card, StringComparison.Ordinal);
        Assert.DoesNotContain("ErrorTimeZoneNotSupported", card, StringComparison.Ordinal);
        Assert.Contains("coaching.retrySync", card, StringComparison.Ordinal);

        await host.SubmitAsync(RetryClick(session), CoachingTestHost.CoordinatorId);
        await DrainAsync(host);

        var (_, patched) = Assert.Single(graph.Events);
        Assert.Equal("Renamed", patched["subject"]!.GetValue<string>());
        Assert.Equal(["ana@example.org", "rui@example.org"], patched["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(host, session.Id)).SyncState);
        Assert.Contains("ready", CoachingTestHost.CardText(await host.SubmitAsync(Details(session), CoachingTestHost.CoordinatorId)).Split('\n'));
    }

    [Fact]
    public async Task UpdateAsync_AfterARefusedEdit_TheNextEditSendsTheDetailsAndTheAttendeesHeldBack()
    {
        var session = await host.CreateSessionAsync();
        await DrainAsync(host);
        graph.FailNext(400, "ErrorTimeZoneNotSupported");
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { Title = "Renamed" }, CancellationToken.None));
        await DrainAsync(host);
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().RegisterAsync(
            session.Id, new Participant("u1", "Ana", "tenant", "ana@example.org", "conv-u1", "en"), CancellationToken.None));
        await DrainAsync(host);

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { Title = "Renamed again" }, CancellationToken.None));
        await DrainAsync(host);

        var (_, patched) = Assert.Single(graph.Events);
        Assert.Equal("Renamed again", patched["subject"]!.GetValue<string>());
        Assert.Equal(["ana@example.org"], patched["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
        var stored = await SessionAsync(host, session.Id);
        Assert.Equal((CalendarSyncState.Synced, (string?)null), (stored.SyncState, stored.SyncError));
    }

    [Fact]
    public async Task RunOnceAsync_EditGivenUpThenAnAttendeePatchSucceeds_TheCardStillSaysFailedNotReady()
    {
        using var limited = new CoachingTestHost(new Dictionary<string, string?>(graph.Settings()) { ["Coaching:OutboxMaxAttempts"] = "1" });
        await limited.Conversation.SeedProfileAsync("en");
        var session = await limited.CreateSessionAsync();
        await DrainAsync(limited);
        graph.FailNext(503, "ServiceNotAvailable");
        await limited.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { Title = "Renamed" }, CancellationToken.None));
        await DrainAsync(limited);
        Assert.Equal(OutboxStatus.Failed, (await limited.OutboxAsync()).Single(o => o.Kind == OutboxKind.UpdateEvent).Status);

        await limited.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().RegisterAsync(
            session.Id, new Participant("u1", "Ana", "tenant", "ana@example.org", "conv-u1", "en"), CancellationToken.None));
        await DrainAsync(limited);

        // The attendee patch went through (a given-up call is not a refusal), but the edit never reached the calendar.
        Assert.Equal(OutboxStatus.Done, (await limited.OutboxAsync()).Single(o => o.Kind == OutboxKind.UpdateAttendees).Status);
        Assert.Equal("Circular economy", graph.Events.Values.Single()["subject"]!.GetValue<string>());
        var stored = await SessionAsync(limited, session.Id);
        Assert.Equal((CalendarSyncState.Failed, "TooManyAttempts"), (stored.SyncState, stored.SyncError));
        var card = CoachingTestHost.CardText(await limited.SubmitAsync(Details(session), CoachingTestHost.CoordinatorId));
        Assert.Contains("failed: gave up after repeated errors of the calendar service", card, StringComparison.Ordinal);
        Assert.DoesNotContain("ready", card.Split('\n'));
    }

    [Fact]
    public async Task RunOnceAsync_RefusedEditThenTheSessionIsCancelled_TheCancellationStillGoes()
    {
        var session = await host.CreateSessionAsync();
        await DrainAsync(host);
        graph.FailNext(400, "ErrorTimeZoneNotSupported");
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { Title = "Renamed" }, CancellationToken.None));
        await DrainAsync(host);

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));
        await DrainAsync(host);

        Assert.Equal([graph.Events.Keys.Single()], graph.Cancelled);
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(host, session.Id)).SyncState);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task Details_FailedSync_TheReasonNamesTheSessionAndTheRefusedMailbox_WithoutTechnicalDetailOrSecrets(string language)
    {
        // Before: "the bot is not allowed to use the organizer's calendar" — which session, which calendar, and what to
        // do about it were not said.
        var session = await CreateFailedForGoodAsync();
        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);

        var card = CoachingTestHost.CardText(await host.SubmitAsync(Details(session), CoachingTestHost.CoordinatorId));

        var reason = texts.Format(texts.SyncReasonAccessDeniedFormat, "Circular economy", "organizer@example.org");
        Assert.Contains(texts.Format(texts.SyncFailedFormat, reason), card, StringComparison.Ordinal);
        Assert.Contains(texts.RetrySync, reason, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP 403", card, StringComparison.Ordinal);
        Assert.DoesNotContain("ErrorAccessDenied", card, StringComparison.Ordinal);
        foreach (var (_, secret) in graph.Settings().Where(s => s.Key is "Graph:ClientId" or "Graph:ClientSecret" or "Graph:TenantId"))
        {
            Assert.DoesNotContain(secret!, card, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Details_CancellationRefused403AfterTheMailboxChanged_TheReasonNamesTheCalendarThatHoldsTheEvent()
    {
        // The cancellation goes to the calendar holding the event, not to the new organizer's (no move is made for a
        // cancelled session): that is the mailbox the coordinator's card names.
        var session = await host.CreateSessionAsync();
        await DrainAsync(host);
        await host.WithScopeAsync(async sp =>
        {
            var catalog = sp.GetRequiredService<CatalogService>();
            await catalog.UpdateAsync(session.Id, CoachingTestHost.Draft() with { OrganizerMailbox = "trainer.b@example.org" }, CancellationToken.None);
            return await catalog.CancelAsync(session.Id, CancellationToken.None);
        });
        graph.Down = true;
        graph.DownStatus = (403, "ErrorAccessDenied");
        await DrainAsync(host);
        graph.Down = false;
        var texts = CoachingTexts.Resolve("en");

        var card = CoachingTestHost.CardText(await host.SubmitAsync(Details(session), CoachingTestHost.CoordinatorId));

        Assert.Contains(
            "failed: the bot is not allowed to use the calendar of organizer@example.org, the organizer mailbox of the session “Circular economy”",
            card, StringComparison.Ordinal);
        Assert.DoesNotContain(texts.Format(texts.SyncReasonAccessDeniedFormat, "Circular economy", "trainer.b@example.org"), card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_ReasonStoredBeforeTheCodes_ShownAsAGeneralReasonNotTheTechnicalText()
    {
        var session = await CreateFailedForGoodAsync();
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BotDbContext>();
            var stored = await db.Sessions().SingleAsync(s => s.Id == session.Id);
            stored.SyncError = "gave up after 300 attempts (last error: HTTP 503 ServiceNotAvailable)";
            return await db.SaveChangesAsync();
        });

        var card = CoachingTestHost.CardText(await host.SubmitAsync(Details(session), CoachingTestHost.CoordinatorId));

        Assert.Contains("failed: the calendar service reported an error", card, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP 503", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("cs")]
    public async Task RetrySync_GraphNotConfigured_SaysSoPolitelyAndNothingChanges(string language)
    {
        using var local = new CoachingTestHost();
        await local.Conversation.SeedProfileAsync(language);
        var session = await local.CreateSessionAsync();
        var rowsBefore = await local.OutboxAsync();

        var replies = await local.SubmitAsync(RetryClick(session), CoachingTestHost.CoordinatorId);

        Assert.Equal(CoachingTexts.Resolve(language).SyncRetryNotConfigured, Assert.Single(replies).Text);
        Assert.Equal(rowsBefore.Count, (await local.OutboxAsync()).Count);
        var stored = await SessionAsync(local, session.Id);
        Assert.Equal((CalendarSyncState.NotConfigured, (string?)null), (stored.SyncState, stored.SyncError));
    }

    [Fact]
    public async Task RetrySync_GraphNotConfiguredForgedByANonCoordinator_RefusedAsBefore()
    {
        using var local = new CoachingTestHost();
        await local.Conversation.SeedProfileAsync("en");
        var session = await local.CreateSessionAsync();

        var replies = await local.SubmitAsync(RetryClick(session), Stranger);

        Assert.Equal("Only programme coordinators can do that.", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task RunOnceAsync_CreateGivenUpWhileGraphHadMadeTheEventThenEdited_SameTransactionIdNoSecondEventAndTheEditApplied()
    {
        // The create's answer lost (Graph made the event) and the row given up at its maximum of one attempt.
        using var limited = new CoachingTestHost(new Dictionary<string, string?>(graph.Settings()) { ["Coaching:OutboxMaxAttempts"] = "1" });
        var session = await limited.CreateSessionAsync();
        graph.HangNext(processFirst: true);
        var pass = Processor(limited).RunOnceAsync(CancellationToken.None);
        await graph.HangArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        limited.Time.Advance(TimeSpan.FromSeconds(30));
        await pass.WaitAsync(TimeSpan.FromSeconds(30));
        var givenUp = Assert.Single(await limited.OutboxAsync());
        Assert.Equal((OutboxStatus.Failed, "gave up after 1 attempts (last error: timeout)"), (givenUp.Status, givenUp.LastError));
        Assert.Null((await SessionAsync(limited, session.Id)).GraphEventId);
        Assert.Single(graph.Events);

        await limited.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { Title = "Renamed" }, CancellationToken.None));
        await DrainAsync(limited);

        var (eventId, stored) = Assert.Single(graph.Events);
        Assert.Equal("Renamed", stored["subject"]!.GetValue<string>());   // Graph gave the first event back: the update patched it
        Assert.Equal(eventId, (await SessionAsync(limited, session.Id)).GraphEventId);
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(limited, session.Id)).SyncState);
    }

    [Fact]
    public async Task Details_FailedSync_CoordinatorSeesRetryButtonOthersDoNot()
    {
        var session = await CreateFailedForGoodAsync();

        var coordinatorCard = CoachingTestHost.CardText(await host.SubmitAsync(Details(session), CoachingTestHost.CoordinatorId));
        var strangerCard = CoachingTestHost.CardText(await host.SubmitAsync(Details(session), Stranger));

        Assert.Contains(
            "failed: the bot is not allowed to use the calendar of organizer@example.org, the organizer mailbox of the session “Circular economy”: "
                + "please ask your Microsoft 365 administrator to give the bot access to that calendar, then use Retry calendar sync",
            coordinatorCard, StringComparison.Ordinal);
        Assert.Contains("Retry calendar sync", coordinatorCard, StringComparison.Ordinal);
        Assert.Contains("coaching.retrySync", coordinatorCard, StringComparison.Ordinal);
        Assert.DoesNotContain("coaching.retrySync", strangerCard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetrySync_AfterAPermanentFailure_QueuesTheCreateAndTheEventIsMadeOnce()
    {
        var session = await CreateFailedForGoodAsync();
        graph.Down = false;

        var replies = await host.SubmitAsync(RetryClick(session), CoachingTestHost.CoordinatorId);

        var card = CoachingTestHost.CardText(replies);
        Assert.Contains("Calendar sync for Circular economy is being retried.", card, StringComparison.Ordinal);
        Assert.Contains("being set up…", card, StringComparison.Ordinal);
        Assert.DoesNotContain("coaching.retrySync", card, StringComparison.Ordinal);
        var requeued = (await host.OutboxAsync()).Single(o => o.Status == OutboxStatus.Pending);
        Assert.Equal(OutboxKind.CreateEvent, requeued.Kind);

        await DrainAsync(host);

        var created = Assert.Single(graph.Events.Values);
        Assert.Equal("Circular economy", created["subject"]!.GetValue<string>());
        var stored = await SessionAsync(host, session.Id);
        Assert.Equal((CalendarSyncState.Synced, (string?)null), (stored.SyncState, stored.SyncError));
        Assert.NotNull(stored.GraphEventId);
    }

    [Fact]
    public async Task RetrySync_DoubleClick_QueuedOnceAndOneEvent()
    {
        var session = await CreateFailedForGoodAsync();
        graph.Down = false;
        var rowsBefore = (await host.OutboxAsync()).Count;

        await host.SubmitAsync(RetryClick(session), CoachingTestHost.CoordinatorId);
        var second = await host.SubmitAsync(RetryClick(session), CoachingTestHost.CoordinatorId);

        Assert.Equal("The calendar sync of this session is already under way: nothing was queued again.", Assert.Single(second).Text);
        Assert.Equal(rowsBefore + 1, (await host.OutboxAsync()).Count);
        await DrainAsync(host);
        Assert.Single(graph.Events);
        Assert.Equal(2, graph.GraphRequests.Count(r => r.Method == "POST"));   // the refused create, then the retried one
    }

    [Fact]
    public async Task RetrySyncAsync_TwoClicksAtOnce_OneRequeued()
    {
        var session = await CreateFailedForGoodAsync();
        var rowsBefore = (await host.OutboxAsync()).Count;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => host.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<CatalogService>().RetrySyncAsync(session.Id, CancellationToken.None)).Outcome)));

        Assert.Equal([SyncRetryOutcome.Requeued, SyncRetryOutcome.AlreadyPending], outcomes.Order());
        Assert.Equal(rowsBefore + 1, (await host.OutboxAsync()).Count);
    }

    [Fact]
    public async Task RetrySync_ForgedByANonCoordinator_RefusedPolitelyAndNothingChanges()
    {
        var session = await CreateFailedForGoodAsync();
        graph.Down = false;
        var rowsBefore = await host.OutboxAsync();

        var replies = await host.SubmitAsync(RetryClick(session), Stranger);

        Assert.Equal("Only programme coordinators can do that.", Assert.Single(replies).Text);
        Assert.Equal(rowsBefore.Select(r => (r.Id, r.Status)), (await host.OutboxAsync()).Select(r => (r.Id, r.Status)));
        var stored = await SessionAsync(host, session.Id);
        Assert.Equal((CalendarSyncState.Failed, "AccessDenied"), (stored.SyncState, stored.SyncError));
        await DrainAsync(host);
        Assert.Empty(graph.Events);
    }

    [Fact]
    public async Task RetrySync_NothingFailed_AlreadyInSyncAndNothingQueued()
    {
        var session = await host.CreateSessionAsync();
        await DrainAsync(host);
        var rowsBefore = (await host.OutboxAsync()).Count;

        var replies = await host.SubmitAsync(RetryClick(session), CoachingTestHost.CoordinatorId);

        Assert.Equal("This session is already in sync with the calendar: nothing to retry.", Assert.Single(replies).Text);
        Assert.Equal(rowsBefore, (await host.OutboxAsync()).Count);
        Assert.DoesNotContain("coaching.retrySync", CoachingTestHost.CardText(await host.SubmitAsync(Details(session), CoachingTestHost.CoordinatorId)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetrySync_EventExistsButTheEditWasRefused_SendsTheCurrentDetailsAndAttendees()
    {
        var session = await host.CreateSessionAsync();
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().RegisterAsync(
            session.Id, new Participant("u1", "Ana", "tenant", "ana@example.org", "conv-u1", "en"), CancellationToken.None));
        await DrainAsync(host);
        graph.Down = true;
        graph.DownStatus = (400, "ErrorInvalidRequest");
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { Title = "Renamed" }, CancellationToken.None));
        await DrainAsync(host);
        Assert.Equal(CalendarSyncState.Failed, (await SessionAsync(host, session.Id)).SyncState);
        graph.Down = false;

        await host.SubmitAsync(RetryClick(session), CoachingTestHost.CoordinatorId);
        await DrainAsync(host);

        var (eventId, stored) = Assert.Single(graph.Events);
        Assert.Equal("Renamed", stored["subject"]!.GetValue<string>());
        Assert.Equal(["ana@example.org"], stored["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
        Assert.Equal([OutboxKind.UpdateEvent, OutboxKind.UpdateAttendees], (await host.OutboxAsync()).TakeLast(2).Select(o => o.Kind));
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(host, session.Id)).SyncState);
        Assert.Equal(eventId, (await SessionAsync(host, session.Id)).GraphEventId);
    }

    [Fact]
    public async Task RetrySync_CancellationRefusedForGood_TheCancelledSessionsCardOffersItAndTheEventIsCancelled()
    {
        var session = await host.CreateSessionAsync();
        await DrainAsync(host);
        graph.Down = true;
        graph.DownStatus = (403, "ErrorAccessDenied");
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));
        await DrainAsync(host);
        Assert.Empty(graph.Cancelled);
        graph.Down = false;
        Assert.Contains("coaching.retrySync", CoachingTestHost.CardText(await host.SubmitAsync(Details(session), CoachingTestHost.CoordinatorId)), StringComparison.Ordinal);

        await host.SubmitAsync(RetryClick(session), CoachingTestHost.CoordinatorId);
        await DrainAsync(host);

        Assert.Equal([graph.Events.Keys.Single()], graph.Cancelled);
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(host, session.Id)).SyncState);
    }

    [Fact]
    public async Task RetrySync_SessionOver_SaidAndNothingQueued()
    {
        var session = await CreateFailedForGoodAsync();
        host.Time.SetUtcNow(session.EndsAt);
        var rowsBefore = (await host.OutboxAsync()).Count;

        var replies = await host.SubmitAsync(RetryClick(session), CoachingTestHost.CoordinatorId);

        Assert.Equal("This session is already over: nothing was changed.", Assert.Single(replies).Text);
        Assert.Equal(rowsBefore, (await host.OutboxAsync()).Count);
    }

    [Fact]
    public async Task RunOnceAsync_EventDeletedByTheOrganizerThenSomeoneRegisters_ANewEventWithEveryAttendeeNotA404ForEver()
    {
        // Before: the attendee PATCH got Graph's 404 (the organizer had deleted the event in Outlook), the sync was
        // "failed: … not found", and every "Retry calendar sync" PATCHed the same missing event again.
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org");
        await DrainAsync(host);
        var lost = Assert.Single(graph.Events.Keys);
        Assert.True(graph.Events.TryRemove(lost, out _));   // deleted in the organizer's calendar

        await RegisterAsync(session, "u2", "rui@example.org");
        await DrainAsync(host);

        var (eventId, created) = Assert.Single(graph.Events);
        Assert.NotEqual(lost, eventId);
        Assert.Equal(["ana@example.org", "rui@example.org"], created["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
        Assert.Equal("Circular economy", created["subject"]!.GetValue<string>());
        var stored = await SessionAsync(host, session.Id);
        Assert.Equal(GraphCalendarGateway.RecreationTransactionIdOf(stored, lost), created["transactionId"]!.GetValue<string>());
        Assert.Equal((eventId, CalendarSyncState.Synced, (string?)null), (stored.GraphEventId, stored.SyncState, stored.SyncError));
        Assert.Contains(eventId, stored.JoinUrl, StringComparison.Ordinal);
        var calls = graph.GraphRequests.Select(r => (r.Method, r.Path)).ToList();
        Assert.Equal(("PATCH", $"/v1.0/users/organizer@example.org/events/{lost}"), calls[^2]);
        Assert.Equal(("POST", "/v1.0/users/organizer@example.org/events"), calls[^1]);
        Assert.All((await host.OutboxAsync()).Where(o => o.Lane == CoachingOutboxMessage.GraphLane), o => Assert.Equal(OutboxStatus.Done, o.Status));
    }

    [Fact]
    public async Task RetrySync_SyncFailedNotFoundBecauseTheEventWasDeleted_RetryCreatesANewEventWithTheCurrentDetails()
    {
        // A session that failed with "not found" (the event deleted by its organizer) before this version: the
        // coordinator's retry now creates the event again rather than getting the same 404.
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org");
        await DrainAsync(host);
        var lost = Assert.Single(graph.Events.Keys);
        graph.Events.TryRemove(lost, out _);
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BotDbContext>();
            var row = await db.Sessions().SingleAsync(s => s.Id == session.Id);
            row.SyncState = CalendarSyncState.Failed;
            row.SyncError = nameof(CalendarSyncReason.NotFound);
            row.Title = "Renamed";
            return await db.SaveChangesAsync();
        });

        var replies = await host.SubmitAsync(RetryClick(session), CoachingTestHost.CoordinatorId);
        await DrainAsync(host);

        Assert.Contains("is being retried", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        var (eventId, created) = Assert.Single(graph.Events);
        Assert.NotEqual(lost, eventId);
        Assert.Equal("Renamed", created["subject"]!.GetValue<string>());
        Assert.Equal(["ana@example.org"], created["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
        var stored = await SessionAsync(host, session.Id);
        Assert.Equal((eventId, CalendarSyncState.Synced), (stored.GraphEventId, stored.SyncState));
        Assert.Single(graph.GraphRequests, r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal) && r.Body.Contains("Renamed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnceAsync_SessionCancelledAfterItsEventWasDeleted_NothingLeftToCancelNotAFailure()
    {
        // Before: the /cancel got Graph's 404, the card said "failed: … not found", and "Retry calendar sync" queued the
        // same cancellation of a missing event again.
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org");
        await DrainAsync(host);
        var lost = Assert.Single(graph.Events.Keys);
        graph.Events.TryRemove(lost, out _);

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));
        await DrainAsync(host);

        Assert.Single(graph.GraphRequests, r => r.Method == "POST" && r.Path.EndsWith($"/events/{lost}/cancel", StringComparison.Ordinal));
        Assert.Empty(graph.Cancelled);
        var cancel = (await host.OutboxAsync()).Single(o => o.Kind == OutboxKind.CancelEvent);
        Assert.Equal((OutboxStatus.Done, 1), (cancel.Status, cancel.Attempts));
        Assert.NotEqual(CalendarSyncState.Failed, (await SessionAsync(host, session.Id)).SyncState);
        Assert.DoesNotContain("coaching.retrySync", CoachingTestHost.CardText(await host.SubmitAsync(Details(session), CoachingTestHost.CoordinatorId)), StringComparison.Ordinal);
    }

    [Fact]
    public void RecreationTransactionIdOf_FixedForTheLostEventAndNotTheFirstOne()
    {
        // A re-creation retried after a lost answer gives Graph the same id (one new event); it is never the session's
        // first id, which Graph could answer with the deleted event.
        var session = new CoachingSession { Id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff") };

        var first = GraphCalendarGateway.RecreationTransactionIdOf(session, "AAMk-event-1");

        Assert.Equal(first, GraphCalendarGateway.RecreationTransactionIdOf(session, "AAMk-event-1"));
        Assert.NotEqual(first, GraphCalendarGateway.RecreationTransactionIdOf(session, "AAMk-event-2"));
        Assert.NotEqual(GraphCalendarGateway.TransactionIdOf(session), first);
        Assert.StartsWith(GraphCalendarGateway.TransactionIdOf(session) + "-", first, StringComparison.Ordinal);
    }

    private Task<RegistrationResult> RegisterAsync(CoachingSession session, string user, string email) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<BookingService>().RegisterAsync(session.Id, new Participant(user, "User " + user, "tenant", email, "conv-" + user, "en"), CancellationToken.None));

    /// <summary>A session whose create Graph refused for good (403 on every call): failed, no event.</summary>
    private async Task<CoachingSession> CreateFailedForGoodAsync()
    {
        graph.Down = true;
        graph.DownStatus = (403, "ErrorAccessDenied");
        var session = await host.CreateSessionAsync();
        await DrainAsync(host);
        var stored = await SessionAsync(host, session.Id);
        Assert.Equal((CalendarSyncState.Failed, "AccessDenied", (string?)null), (stored.SyncState, stored.SyncError, stored.GraphEventId));
        Assert.Empty(graph.Events);
        graph.Down = false;
        return stored;
    }

    private static object Details(CoachingSession session) => new { action = "coaching.details", sessionId = session.Id.ToString() };

    private static object RetryClick(CoachingSession session) => new { action = "coaching.retrySync", sessionId = session.Id.ToString() };

    private static CoachingOutboxProcessor Processor(CoachingTestHost host) => host.Services.GetRequiredService<CoachingOutboxProcessor>();

    /// <summary>Runs passes, moving the fake clock past each back-off, until nothing is pending (bounded).</summary>
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
}
