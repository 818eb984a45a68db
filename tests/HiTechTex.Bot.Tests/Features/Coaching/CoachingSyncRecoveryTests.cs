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
    public async Task RunOnceAsync_CreateRefusedForGoodThenSomeoneRegisters_TheAttendeePatchCreatesTheEventWithThem()
    {
        var session = await CreateFailedForGoodAsync();

        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().RegisterAsync(
            session.Id, new Participant("u1", "Ana", "tenant", "ana@example.org", "conv-u1", "en"), CancellationToken.None));
        await DrainAsync(host);

        var created = Assert.Single(graph.Events.Values);
        Assert.Equal(["ana@example.org"], created["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(host, session.Id)).SyncState);
        Assert.Equal(OutboxStatus.Done, (await host.OutboxAsync()).Single(o => o.Kind == OutboxKind.UpdateAttendees).Status);
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

        Assert.Contains("failed: HTTP 403 ErrorAccessDenied", coordinatorCard, StringComparison.Ordinal);
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
        Assert.Equal((CalendarSyncState.Failed, "HTTP 403 ErrorAccessDenied"), (stored.SyncState, stored.SyncError));
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

    /// <summary>A session whose create Graph refused for good (403 on every call): failed, no event.</summary>
    private async Task<CoachingSession> CreateFailedForGoodAsync()
    {
        graph.Down = true;
        graph.DownStatus = (403, "ErrorAccessDenied");
        var session = await host.CreateSessionAsync();
        await DrainAsync(host);
        var stored = await SessionAsync(host, session.Id);
        Assert.Equal((CalendarSyncState.Failed, "HTTP 403 ErrorAccessDenied", (string?)null), (stored.SyncState, stored.SyncError, stored.GraphEventId));
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
