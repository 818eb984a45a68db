using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;
using HiTechTex.Bot.Tests.Language;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// The coordinator changes a session's organizer mailbox to another valid one: the real Graph client against the fake
/// Graph server (which, like Graph, finds an event only under its own mailbox). The event is made in the new mailbox,
/// the old one DELETEd in the old mailbox — retried like any calendar work — and only then is every seat holder told
/// the new link, once.
/// </summary>
public sealed class CoachingOrganizerMailboxChangeTests : IAsyncLifetime
{
    private const string MailboxA = "organizer@example.org";
    private const string MailboxB = "trainer.b@example.org";
    private const string MailboxC = "trainer.c@example.org";

    private readonly List<(string Conversation, Activity Activity, int DeletedBefore)> sent = [];
    private readonly ListLogger<CoachingOutboxProcessor> log = new();
    private FakeGraphServer graph = null!;

    public static TheoryData<string> Languages => [.. CoachingTexts.All.Select(t => t.Language)];
    private CoachingTestHost host = null!;

    public async Task InitializeAsync()
    {
        graph = await FakeGraphServer.StartAsync();
        graph.Mailboxes.UnionWith([MailboxA, MailboxB, MailboxC]);
        host = new CoachingTestHost(graph.Settings(), services => services.AddSingleton<ILogger<CoachingOutboxProcessor>>(log));
        await host.Conversation.SeedProfileAsync("en");
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, Activity, CancellationToken>((c, a, _) => { lock (sent) { sent.Add((c, a, graph.Deleted.Count)); } })
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
    }

    public async Task DisposeAsync()
    {
        host.Dispose();
        await graph.DisposeAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("cs")]
    public async Task MailboxChanged_OldEventDeletedInTheOldMailbox_NewOneInTheNewMailbox_EachSeatHolderToldOnce(string language)
    {
        // Before: the PATCH under the new mailbox got a 404, the event was made again there, the old Teams meeting stayed
        // in the old organizer's calendar (still joinable) and the notice said the old link no longer worked.
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 2));
        await RegisterAsync(session, "u1", "ana@example.org", language);
        await RegisterAsync(session, "u2", null, language);                 // a seat without e-mail: told, not invited
        await RegisterAsync(session, "u3", "rui@example.org", language);    // waitlisted: no seat, no link
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        Assert.Equal(MailboxA, graph.MailboxOf[old]);
        sent.Clear();
        var calls = graph.GraphRequests.Count;

        await EditAsync(session, MailboxB);
        await DrainAsync();
        await DrainAsync();   // nothing more to do or say

        var (live, liveEvent) = Assert.Single(graph.Events);
        Assert.Equal(MailboxB, graph.MailboxOf[live]);
        Assert.Equal([(MailboxA, old)], graph.Deleted);
        Assert.Equal("ana@example.org", Assert.Single(liveEvent["attendees"]!.AsArray())!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.Equal(
            [("POST", $"/v1.0/users/{MailboxB}/events"), ("DELETE", $"/v1.0/users/{MailboxA}/events/{old}")],
            graph.GraphRequests.Skip(calls).Select(r => (r.Method, r.Path)));   // made first, deleted after; no PATCH that 404s
        var stored = await SessionAsync(session.Id);
        Assert.Equal((live, MailboxB, CalendarSyncState.Synced), (stored.GraphEventId, stored.GraphEventMailbox, stored.SyncState));
        Assert.Contains(live, stored.JoinUrl, StringComparison.Ordinal);

        var texts = CoachingTexts.Resolve(language);
        Assert.Equal(["conv-u1", "conv-u2"], sent.Select(s => s.Conversation).Order());
        Assert.All(sent, s => Assert.Equal(1, s.DeletedBefore));   // told only once the old meeting was gone
        Assert.Equal(texts.Format(texts.EventRecreatedFormat, session.Title, stored.JoinUrl) + "\n" + texts.EventRecreatedInvite, sent.Single(s => s.Conversation == "conv-u1").Activity.Text);
        Assert.Equal(texts.Format(texts.EventRecreatedFormat, session.Title, stored.JoinUrl), sent.Single(s => s.Conversation == "conv-u2").Activity.Text);
    }

    [Fact]
    public async Task OldEventsDeletionFailsTransiently_RetriedAndTheNoticesWaitForIt()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        sent.Clear();
        await EditAsync(session, MailboxB);

        await Processor().RunOnceAsync(CancellationToken.None);    // the move: the new event made, the DELETE queued
        graph.FailNext(503, "ServiceNotAvailable", retryAfterSeconds: 120);
        await Processor().RunOnceAsync(CancellationToken.None);    // the DELETE answered 503

        var deletion = Assert.Single(await host.OutboxAsync(), o => o.Kind == OutboxKind.DeleteEvent);
        Assert.Equal((OutboxStatus.Pending, 1, MailboxA, old), (deletion.Status, deletion.Attempts, deletion.Mailbox, deletion.EventId));
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(120), deletion.DueAt);
        Assert.True(graph.Events.ContainsKey(old));
        Assert.Equal(2, graph.Events.Count);
        Assert.Empty(sent);
        Assert.Equal(CalendarSyncState.Pending, (await SessionAsync(session.Id)).SyncState);
        host.Time.Advance(TimeSpan.FromSeconds(10));
        await RegisterAsync(session, "u2", "rui@example.org", "en");   // a seat after the move: it came with the new link

        await DrainAsync();

        Assert.Equal([(MailboxA, old)], graph.Deleted);
        var (live, _) = Assert.Single(graph.Events);
        var stored = await SessionAsync(session.Id);
        Assert.Equal((live, CalendarSyncState.Synced), (stored.GraphEventId, stored.SyncState));
        var notice = Assert.Single(sent);
        Assert.Equal(("conv-u1", 1), (notice.Conversation, notice.DeletedBefore));
        Assert.Contains(stored.JoinUrl!, notice.Activity.Text, StringComparison.Ordinal);
        deletion = Assert.Single(await host.OutboxAsync(), o => o.Kind == OutboxKind.DeleteEvent);
        Assert.Equal((OutboxStatus.Done, 2), (deletion.Status, deletion.Attempts));
        Assert.Equal(["ana@example.org", "rui@example.org"], graph.Events[live]["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OldEventAlreadyDeletedInOutlook_The404IsFine_NoticesSent()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        sent.Clear();
        await EditAsync(session, MailboxB);
        await Processor().RunOnceAsync(CancellationToken.None);    // the move
        graph.Events.TryRemove(old, out _);                         // the old organizer deletes it meanwhile

        await DrainAsync();

        Assert.Empty(graph.Deleted);
        var deletion = Assert.Single(await host.OutboxAsync(), o => o.Kind == OutboxKind.DeleteEvent);
        Assert.Equal((OutboxStatus.Done, 1), (deletion.Status, deletion.Attempts));
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(session.Id)).SyncState);
        Assert.Equal("conv-u1", Assert.Single(sent).Conversation);
    }

    [Fact]
    public async Task ChangedTwiceQuickly_AToBToC_OneLiveMeetingInC_BNeverUsed_OneNotice()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await RegisterAsync(session, "u2", "rui@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        sent.Clear();

        await EditAsync(session, MailboxB);
        await EditAsync(session, MailboxC);
        await DrainAsync();
        await DrainAsync();

        var (live, _) = Assert.Single(graph.Events);
        Assert.Equal(MailboxC, graph.MailboxOf[live]);
        Assert.Equal([(MailboxA, old)], graph.Deleted);
        Assert.DoesNotContain(graph.GraphRequests, r => r.Path.Contains(MailboxB, StringComparison.Ordinal));
        var stored = await SessionAsync(session.Id);
        Assert.Equal((live, MailboxC, CalendarSyncState.Synced), (stored.GraphEventId, stored.GraphEventMailbox, stored.SyncState));
        Assert.Equal(["conv-u1", "conv-u2"], sent.Select(s => s.Conversation).Order());
        Assert.All(sent, s => Assert.Contains(stored.JoinUrl!, s.Activity.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangedAgainWhileTheFirstOldEventsDeletionIsRetried_OneLiveMeetingInC_OneNoticeWithItsLink()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var first = Assert.Single(graph.Events.Keys);
        sent.Clear();
        await EditAsync(session, MailboxB);
        await Processor().RunOnceAsync(CancellationToken.None);    // the event made in B, A's DELETE queued
        var second = (await SessionAsync(session.Id)).GraphEventId!;
        graph.FailNext(503, "ServiceNotAvailable");
        await Processor().RunOnceAsync(CancellationToken.None);    // A's DELETE answered 503
        await EditAsync(session, MailboxC);

        await DrainAsync();
        await DrainAsync();

        var (live, _) = Assert.Single(graph.Events);
        Assert.Equal(MailboxC, graph.MailboxOf[live]);
        Assert.Equal([(MailboxA, first), (MailboxB, second)], graph.Deleted);
        var stored = await SessionAsync(session.Id);
        Assert.Equal((live, CalendarSyncState.Synced), (stored.GraphEventId, stored.SyncState));
        var notice = Assert.Single(sent);
        Assert.Equal(2, notice.DeletedBefore);
        Assert.Contains(stored.JoinUrl!, notice.Activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldEventsDeletionKeepsFailing_ASeatBookedMeanwhileStillReachesTheNewMeeting_TheDeletionRetriedAndShown()
    {
        // Before: the DELETE of the old meeting, failing (503) and retried with back-off, held back every later calendar
        // row of the session: a seat booked meanwhile never reached the new meeting until the DELETE went through or the
        // session ended.
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        await EditAsync(session, MailboxB);
        await Processor().RunOnceAsync(CancellationToken.None);    // the move: made in B, A's DELETE queued
        graph.FailNext(503, "ServiceNotAvailable", retryAfterSeconds: 600);
        await Processor().RunOnceAsync(CancellationToken.None);    // A's DELETE answered 503: retried in 10 minutes
        await RegisterAsync(session, "u2", "rui@example.org", "en");

        await Processor().RunOnceAsync(CancellationToken.None);    // the DELETE's retry not due yet

        var stored = await SessionAsync(session.Id);
        var attendees = graph.Events[stored.GraphEventId!]["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()).Order();
        Assert.Equal(["ana@example.org", "rui@example.org"], attendees);
        Assert.True(graph.Events.ContainsKey(old));
        var deletion = Assert.Single(await host.OutboxAsync(), o => o.Kind == OutboxKind.DeleteEvent);
        Assert.Equal((OutboxStatus.Pending, 1), (deletion.Status, deletion.Attempts));
        Assert.NotNull(deletion.LastError);
        Assert.Contains(log.Entries, l => l.EventId.Id == 2405 && l.Message.Contains(nameof(OutboxKind.DeleteEvent), StringComparison.Ordinal));
        // The coordinator's card: still being set up, and why (the clean-up's error, not wiped by the attendees' success).
        Assert.Equal(CalendarSyncState.Pending, stored.SyncState);
        Assert.NotNull(stored.SyncError);
        var card = CoachingTestHost.CardText(await host.SubmitAsync(new { action = CoachingDialog.DetailsAction, sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId));
        Assert.Contains("being set up… — the old meeting of the session “Circular economy” on Thu 3 Dec 2026 could not be removed from the calendar yet: the bot will try again", card, StringComparison.Ordinal);

        host.Time.Advance(TimeSpan.FromMinutes(11));
        await DrainAsync();

        Assert.Equal([(MailboxA, old)], graph.Deleted);
        Assert.Equal((CalendarSyncState.Synced, null), ((await SessionAsync(session.Id)).SyncState, (await SessionAsync(session.Id)).SyncError));
    }

    [Fact]
    public async Task UnansweredCreatesCleanUpKeepsFailing_TheSessionsLaterRowsGoOn()
    {
        // The clean-up of an unanswered create (log 2433) failing likewise holds back nothing.
        var session = await host.CreateSessionAsync();
        await LoseTheNextAnswerAsync();                             // made in A, unanswered
        await EditAsync(session, MailboxB);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await Processor().RunOnceAsync(CancellationToken.None);    // the create's retry: made in B, A's clean-up queued
        await Processor().RunOnceAsync(CancellationToken.None);    // the edit
        graph.FailNext(503, "ServiceNotAvailable", retryAfterSeconds: 600);
        await Processor().RunOnceAsync(CancellationToken.None);    // the clean-up answered 503
        Assert.Equal(OutboxKind.DeleteUnansweredEvent, (await host.OutboxAsync()).Single(o => o.Status == OutboxStatus.Pending).Kind);
        await RegisterAsync(session, "u1", "ana@example.org", "en");

        await Processor().RunOnceAsync(CancellationToken.None);

        var stored = await SessionAsync(session.Id);
        Assert.Equal("ana@example.org", Assert.Single(graph.Events[stored.GraphEventId!]["attendees"]!.AsArray())!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.Equal(2, graph.Events.Count);                        // A's is still there, its clean-up retried

        host.Time.Advance(TimeSpan.FromMinutes(11));
        await DrainAsync();

        Assert.Equal(MailboxB, graph.MailboxOf[Assert.Single(graph.Events).Key]);
    }

    [Fact]
    public async Task NoticeOfAnEarlierMove_WaitsForTheNextOldEventsDeletion_ThenOnlyTheLastLinkIsTold()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        sent.Clear();
        await EditAsync(session, MailboxB);
        await Processor().RunOnceAsync(CancellationToken.None);    // the move to B
        await Processor().RunOnceAsync(CancellationToken.None);    // A's event deleted: the notice queued
        await EditAsync(session, MailboxC);
        await Processor().RunOnceAsync(CancellationToken.None);    // the notice waits (a move is queued); the move to C
        host.Time.Advance(TimeSpan.FromMinutes(1));
        graph.FailNext(503, "ServiceNotAvailable", retryAfterSeconds: 600);
        await Processor().RunOnceAsync(CancellationToken.None);    // the notice waits (B's event to delete); the DELETE answered 503
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await Processor().RunOnceAsync(CancellationToken.None);    // the notice waits for the DELETE's next attempt, not every 30 s

        var outbox = await host.OutboxAsync();
        var deletion = outbox.Single(o => o.Kind == OutboxKind.DeleteEvent && o.Status == OutboxStatus.Pending);
        var waiting = Assert.Single(outbox, o => o.Kind == OutboxKind.NotifyEventRecreated);
        Assert.Equal((OutboxStatus.Pending, deletion.DueAt), (waiting.Status, waiting.DueAt));
        Assert.Empty(sent);

        await DrainAsync();

        var stored = await SessionAsync(session.Id);
        Assert.Equal(MailboxC, graph.MailboxOf[Assert.Single(graph.Events).Key]);
        var notice = Assert.Single(sent);
        Assert.Equal(2, notice.DeletedBefore);
        Assert.Contains(stored.JoinUrl!, notice.Activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveAnswerLostThenRetried_OneNewEventInTheNewMailbox()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        sent.Clear();
        await EditAsync(session, MailboxB);

        // Graph makes the event in B but its answer never arrives (the row times out, retried).
        graph.HangNext(processFirst: true);
        var pass = Processor().RunOnceAsync(CancellationToken.None);
        await graph.HangArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        host.Time.Advance(TimeSpan.FromSeconds(30));
        await pass.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((old, MailboxA), ((await SessionAsync(session.Id)).GraphEventId, (await SessionAsync(session.Id)).EventMailbox));

        await DrainAsync();

        var (live, _) = Assert.Single(graph.Events);
        Assert.Equal(MailboxB, graph.MailboxOf[live]);
        Assert.Equal([(MailboxA, old)], graph.Deleted);
        Assert.Equal("conv-u1", Assert.Single(sent).Conversation);
    }

    [Fact]
    public async Task MoveAnswerLost_ThenChangedAgainBeforeTheRetry_TheEventMadeInTheFirstNewMailboxIsDeleted_OneLiveMeeting()
    {
        // Before: the retry made the event in C and deleted A's, but the event the unanswered create had made in B (a
        // live Teams meeting, its attendees invited) was never deleted.
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var first = Assert.Single(graph.Events.Keys);
        sent.Clear();
        await EditAsync(session, MailboxB);
        await LoseTheNextAnswerAsync();                             // the event is made in B, the answer never arrives
        var inB = Assert.Single(graph.Events.Keys, k => graph.MailboxOf[k] == MailboxB);
        await EditAsync(session, MailboxC);

        await DrainAsync();
        await DrainAsync();

        var (live, liveEvent) = Assert.Single(graph.Events);
        Assert.Equal(MailboxC, graph.MailboxOf[live]);
        Assert.Equal([(MailboxA, first), (MailboxB, inB)], graph.Deleted.OrderBy(d => d.Mailbox));
        Assert.Equal("ana@example.org", Assert.Single(liveEvent["attendees"]!.AsArray())!["emailAddress"]!["address"]!.GetValue<string>());
        var stored = await SessionAsync(session.Id);
        Assert.Equal((live, MailboxC, CalendarSyncState.Synced), (stored.GraphEventId, stored.GraphEventMailbox, stored.SyncState));
        Assert.Contains(stored.JoinUrl!, Assert.Single(sent).Activity.Text, StringComparison.Ordinal);
        var cleanUp = Assert.Single(await host.OutboxAsync(), o => o.Kind == OutboxKind.DeleteUnansweredEvent);
        Assert.Equal((OutboxStatus.Done, MailboxB), (cleanUp.Status, cleanUp.Mailbox));
        Assert.Contains(log.Entries, l => l.EventId.Id == 2433 && l.Message.Contains(MailboxB, StringComparison.Ordinal));
        Assert.Contains(log.Entries, l => l.EventId.Id == 2434 && l.Message.Contains(inB, StringComparison.Ordinal));

        // The clean-up's create (the same transaction id) invites nobody and makes no Teams meeting, should it make one.
        var again = System.Text.Json.Nodes.JsonNode.Parse(graph.GraphRequests.Last(r => r.Method == "POST" && r.Path == $"/v1.0/users/{MailboxB}/events").Body)!;
        Assert.Equal(GraphCalendarGateway.MoveTransactionIdOf(stored, first, MailboxB), again["transactionId"]!.GetValue<string>());
        Assert.Null(again["attendees"]);
        Assert.Null(again["isOnlineMeeting"]);
    }

    [Fact]
    public async Task UnansweredCreatesCleanUpRefused403_SaidOfThePreviousMailbox_RetryCalendarSyncTriesItAgain()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await LoseTheNextAnswerAsync();                             // made in A, unanswered
        var inA = Assert.Single(graph.Events.Keys);
        await EditAsync(session, MailboxB);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await Processor().RunOnceAsync(CancellationToken.None);    // the create's retry: made in B, A's clean-up queued
        await Processor().RunOnceAsync(CancellationToken.None);    // the attendees
        await Processor().RunOnceAsync(CancellationToken.None);    // the edit
        Assert.Equal(OutboxKind.DeleteUnansweredEvent, (await host.OutboxAsync()).Single(o => o.Status == OutboxStatus.Pending).Kind);
        graph.FailNext(403, "ErrorAccessDenied");
        await DrainAsync();

        var stored = await SessionAsync(session.Id);
        Assert.Equal((CalendarSyncState.Failed, nameof(CalendarSyncReason.OldMailboxAccessDenied)), (stored.SyncState, stored.SyncError));
        Assert.True(graph.Events.ContainsKey(inA));

        var replies = await host.SubmitAsync(new { action = CoachingDialog.RetrySyncAction, sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId);
        Assert.Contains("is being retried", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        await DrainAsync();

        Assert.Equal([(MailboxA, inA)], graph.Deleted);
        Assert.Equal(MailboxB, graph.MailboxOf[Assert.Single(graph.Events).Key]);
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(session.Id)).SyncState);
    }

    [Fact]
    public async Task FirstCreateAnswerLost_ThenMailboxChanged_OneLiveMeetingInTheNewMailbox()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await LoseTheNextAnswerAsync();                             // the event is made in A, the answer never arrives
        var inA = Assert.Single(graph.Events.Keys);
        await EditAsync(session, MailboxB);

        await DrainAsync();
        await DrainAsync();

        var (live, _) = Assert.Single(graph.Events);
        Assert.Equal(MailboxB, graph.MailboxOf[live]);
        Assert.Equal([(MailboxA, inA)], graph.Deleted);
        var stored = await SessionAsync(session.Id);
        Assert.Equal((live, MailboxB, CalendarSyncState.Synced), (stored.GraphEventId, stored.GraphEventMailbox, stored.SyncState));
    }

    [Fact]
    public async Task FirstCreateAnswerLost_ThenSessionCancelled_NoLiveMeetingLeft()
    {
        // Before: the create's retry found the session cancelled and did nothing, the cancellation found no event id:
        // the meeting Graph had made stayed live, its attendees invited to a cancelled session.
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await LoseTheNextAnswerAsync();
        var inA = Assert.Single(graph.Events.Keys);
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));

        await DrainAsync();

        Assert.Empty(graph.Events);
        Assert.Equal([(MailboxA, inA)], graph.Deleted);
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(session.Id)).SyncState);
    }

    [Fact]
    public async Task MoveAnswerLost_ThenChangedBack_TheEventMadeInBIsDeleted_TheFirstOneKeptAndPatched()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var first = Assert.Single(graph.Events.Keys);
        sent.Clear();
        await EditAsync(session, MailboxB);
        await LoseTheNextAnswerAsync();
        var inB = Assert.Single(graph.Events.Keys, k => k != first);
        await EditAsync(session, MailboxA);

        await DrainAsync();

        Assert.Equal([first], graph.Events.Keys);
        Assert.Equal([(MailboxB, inB)], graph.Deleted);
        Assert.Equal((first, CalendarSyncState.Synced), ((await SessionAsync(session.Id)).GraphEventId, (await SessionAsync(session.Id)).SyncState));
        Assert.Empty(sent);     // the link never changed
    }

    [Fact]
    public async Task CreateAnswerLost_RetriedInTheSameMailbox_NothingToCleanUp()
    {
        var session = await host.CreateSessionAsync();
        await LoseTheNextAnswerAsync();
        var made = Assert.Single(graph.Events.Keys);

        await DrainAsync();

        Assert.Equal([made], graph.Events.Keys);
        Assert.Empty(graph.Deleted);
        Assert.DoesNotContain(await host.OutboxAsync(), o => o.Kind == OutboxKind.DeleteUnansweredEvent);
        Assert.All(await host.OutboxAsync(), o => Assert.Equal((OutboxStatus.Done, null, null), (o.Status, o.Mailbox, o.EventId)));
        Assert.Equal(made, (await SessionAsync(session.Id)).GraphEventId);
    }

    [Fact]
    public async Task CreateGivenUpUnanswered_ThenMailboxChanged_TheEventItMayHaveMadeIsDeleted_OneLiveMeeting()
    {
        // Before: the given-up create row kept the mailbox and transaction id of its unanswered create, but nothing ever
        // read them: the next row made the event in B and the Teams meeting Graph had made in A stayed live.
        await LimitAttemptsToOneAsync();
        var session = await host.CreateSessionAsync();
        await LoseTheNextAnswerAsync();                             // made in A, never answered: given up (one attempt)
        var inA = Assert.Single(graph.Events.Keys);
        var givenUp = Assert.Single(await host.OutboxAsync());
        Assert.Equal((OutboxStatus.Failed, MailboxA), (givenUp.Status, givenUp.Mailbox));
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await EditAsync(session, MailboxB);

        await DrainAsync();

        var (live, liveEvent) = Assert.Single(graph.Events);
        Assert.Equal(MailboxB, graph.MailboxOf[live]);
        Assert.Equal([(MailboxA, inA)], graph.Deleted);
        Assert.Equal("ana@example.org", Assert.Single(liveEvent["attendees"]!.AsArray())!["emailAddress"]!["address"]!.GetValue<string>());
        var stored = await SessionAsync(session.Id);
        Assert.Equal((live, MailboxB, CalendarSyncState.Synced), (stored.GraphEventId, stored.GraphEventMailbox, stored.SyncState));
        var outbox = await host.OutboxAsync();
        Assert.Equal((OutboxStatus.Done, MailboxA), (outbox.Single(o => o.Kind == OutboxKind.DeleteUnansweredEvent).Status, outbox.Single(o => o.Kind == OutboxKind.DeleteUnansweredEvent).Mailbox));
        Assert.Equal((null, null), (outbox.Single(o => o.Id == givenUp.Id).Mailbox, outbox.Single(o => o.Id == givenUp.Id).EventId));
        Assert.Contains(log.Entries, l => l.EventId.Id == 2435 && l.Message.Contains(MailboxA, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateGivenUpUnanswered_ACleanUpRowRunningLater_FindsItToo()
    {
        // A clean-up row (here the DELETE of an event long gone from C) is a later calendar row like the others: it
        // reads the given-up create the session (now organized from B) no longer wants in A.
        await LimitAttemptsToOneAsync();
        var session = await host.CreateSessionAsync();
        await LoseTheNextAnswerAsync();
        var inA = Assert.Single(graph.Events.Keys);
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BotDbContext>();
            await db.Sessions().Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OrganizerMailbox, MailboxB));
            db.EnqueueDeletion(session.Id, MailboxC, "gone-event", null, host.Time.GetUtcNow(), host.Time.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        await DrainAsync();

        Assert.DoesNotContain(inA, graph.Events.Keys);
        Assert.Contains((MailboxA, inA), graph.Deleted);
        Assert.Contains(log.Entries, l => l.EventId.Id == 2435 && l.Message.Contains(nameof(OutboxKind.DeleteEvent), StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateGivenUpUnanswered_ThenSessionCancelled_NoLiveMeetingLeft()
    {
        // Before: the cancellation found no event id and did nothing; the meeting the given-up create had made stayed.
        await LimitAttemptsToOneAsync();
        var session = await host.CreateSessionAsync();
        await LoseTheNextAnswerAsync();
        var inA = Assert.Single(graph.Events.Keys);
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));

        await DrainAsync();

        Assert.Empty(graph.Events);
        Assert.Equal([(MailboxA, inA)], graph.Deleted);
    }

    [Fact]
    public async Task CreateGivenUpUnanswered_ThenMadeByTheNextRowInTheSameMailbox_ThenMoved_OnlyTheMoveDeletesIt()
    {
        // The attendee row's create (same transaction id, same mailbox) takes the event the given-up create made: it is
        // the session's, moved like any other when the mailbox changes — no clean-up of it on top (a second create and
        // DELETE in A).
        await LimitAttemptsToOneAsync();
        var session = await host.CreateSessionAsync();
        await LoseTheNextAnswerAsync();
        var inA = Assert.Single(graph.Events.Keys);
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        Assert.Equal(inA, (await SessionAsync(session.Id)).GraphEventId);
        await EditAsync(session, MailboxB);

        await DrainAsync();

        Assert.Equal(MailboxB, graph.MailboxOf[Assert.Single(graph.Events).Key]);
        Assert.Equal([(MailboxA, inA)], graph.Deleted);
        Assert.DoesNotContain(await host.OutboxAsync(), o => o.Kind == OutboxKind.DeleteUnansweredEvent);
    }

    [Fact]
    public async Task CreateRefused_NothingKeptToCleanUp_AMailboxChangeSendsNoCleanUp()
    {
        // A create Graph answered with a refusal made nothing: its row keeps no mailbox to clean up after.
        var session = await host.CreateSessionAsync();
        graph.FailNext(400, "ErrorInvalidRequest");
        await Processor().RunOnceAsync(CancellationToken.None);
        var refused = Assert.Single(await host.OutboxAsync());
        Assert.Equal((OutboxStatus.Failed, null, null), (refused.Status, refused.Mailbox, refused.EventId));
        await EditAsync(session, MailboxB);

        await DrainAsync();

        Assert.DoesNotContain(await host.OutboxAsync(), o => o.Kind == OutboxKind.DeleteUnansweredEvent);
        Assert.Equal(MailboxB, graph.MailboxOf[Assert.Single(graph.Events).Key]);
    }

    [Fact]
    public async Task SessionCancelledWhileTheChangeIsQueued_TheEventIsCancelledInTheMailboxThatHasIt()
    {
        // Before: the cancellation went to the new mailbox, got a 404, was taken for an event deleted already and done:
        // the meeting stayed, live, in the old organizer's calendar.
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        sent.Clear();
        await EditAsync(session, MailboxB);
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));

        await DrainAsync();

        Assert.Equal([old], graph.Cancelled);
        Assert.Equal($"/v1.0/users/{MailboxA}/events/{old}/cancel", Assert.Single(graph.GraphRequests, r => r.Path.EndsWith("/cancel", StringComparison.Ordinal)).Path);
        Assert.Equal([old], graph.Events.Keys);     // nothing made in B for a cancelled session
        Assert.DoesNotContain(sent, s => s.Activity.Text?.Contains("new link", StringComparison.Ordinal) == true);
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(session.Id)).SyncState);
    }

    [Fact]
    public async Task OldEventsDeletionRefused_CardFailed_NoNotice_RetryCalendarSyncDeletesItAndTellsOnce()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        sent.Clear();
        await EditAsync(session, MailboxB);
        await Processor().RunOnceAsync(CancellationToken.None);    // the move
        graph.FailNext(403, "ErrorAccessDenied");
        await DrainAsync();

        var stored = await SessionAsync(session.Id);
        Assert.Equal((CalendarSyncState.Failed, nameof(CalendarSyncReason.OldMailboxAccessDenied)), (stored.SyncState, stored.SyncError));
        Assert.Empty(sent);                  // the old link still works: "it no longer works" would not be true
        Assert.True(graph.Events.ContainsKey(old));

        var replies = await host.SubmitAsync(new { action = CoachingDialog.RetrySyncAction, sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId);
        Assert.Contains("is being retried", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
        await DrainAsync();
        await DrainAsync();

        Assert.Equal([(MailboxA, old)], graph.Deleted);
        Assert.Single(graph.Events);
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(session.Id)).SyncState);
        Assert.Equal("conv-u1", Assert.Single(sent).Conversation);
        Assert.Equal(2, graph.GraphRequests.Count(r => r.Method == "DELETE"));   // the refused one and the retried one
        Assert.Equal(
            [(OutboxStatus.Failed, 1), (OutboxStatus.Done, 1)],
            (await host.OutboxAsync()).Where(o => o.Kind == OutboxKind.DeleteEvent).OrderBy(o => o.Id).Select(o => (o.Status, o.Attempts)));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task OldEventsDeletionRefused403_TheCardAndTheLogNameThePreviousOrganizersCalendar_LaterBookingsStillReachTheNewMeeting(string language)
    {
        // Before: the card said "the bot is not allowed to use the organizer's calendar" (the new organizer's calendar
        // was fine: the refusal was the old one's), the log said only "HTTP 403", and every later calendar row of the
        // session was held back as refused: a seat booked after it never reached the new meeting.
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        await EditAsync(session, MailboxB);
        await Processor().RunOnceAsync(CancellationToken.None);    // the move
        graph.FailNext(403, "ErrorAccessDenied");
        await DrainAsync();                                         // the old event's DELETE refused
        await RegisterAsync(session, "u2", "rui@example.org", "en");
        await DrainAsync();

        var live = Assert.Single(graph.Events.Keys, k => k != old);
        Assert.Equal(["ana@example.org", "rui@example.org"], graph.Events[live]["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
        Assert.True(graph.Events.ContainsKey(old));
        var stored = await SessionAsync(session.Id);
        Assert.Equal((CalendarSyncState.Failed, nameof(CalendarSyncReason.OldMailboxAccessDenied)), (stored.SyncState, stored.SyncError));
        var refused = Assert.Single(await host.OutboxAsync(), o => o.Kind == OutboxKind.DeleteEvent);
        Assert.Contains("previous organizer mailbox " + MailboxA, refused.LastError, StringComparison.Ordinal);
        var logged = Assert.Single(log.Entries, l => l.EventId.Id == 2431);
        Assert.Contains(MailboxA, logged.Message, StringComparison.Ordinal);
        Assert.Contains("previous organizer mailbox", logged.Message, StringComparison.Ordinal);

        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);
        var card = CoachingTestHost.CardText(await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId));
        Assert.Contains(texts.Format(texts.SyncFailedFormat, texts.SyncReasonOldMailboxAccessDenied), card, StringComparison.Ordinal);
        Assert.DoesNotContain(texts.Format(texts.SyncReasonAccessDeniedFormat, session.Title, MailboxA), card, StringComparison.Ordinal);
        Assert.DoesNotContain(texts.Format(texts.SyncReasonAccessDeniedFormat, session.Title, MailboxB), card, StringComparison.Ordinal);
        Assert.Contains(texts.RetrySync, texts.SyncReasonOldMailboxAccessDenied, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task OldEventsDeletionUnavailable_TheCardNamesTheSessionsOldMeetingAndItsDay_AndThatItIsTriedAgain(string language)
    {
        // Before: "being set up… (the calendar service cannot be reached at the moment)": nothing said that it was the
        // old meeting, still in a calendar, that could not be removed, nor that the bot would try again.
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Dyeing (advanced)"));
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(
            session.Id, CoachingTestHost.Draft(title: "Dyeing (advanced)") with { OrganizerMailbox = MailboxB }, CancellationToken.None));
        await Processor().RunOnceAsync(CancellationToken.None);    // the move: made in B, A's DELETE queued
        graph.FailNext(503, "ServiceNotAvailable", retryAfterSeconds: 600);
        await Processor().RunOnceAsync(CancellationToken.None);    // A's DELETE answered 503: retried in 10 minutes

        var stored = await SessionAsync(session.Id);
        Assert.Equal((CalendarSyncState.Pending, nameof(CalendarSyncReason.OldMeetingNotRemovedRetrying)), (stored.SyncState, stored.SyncError));
        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);
        var card = CoachingTestHost.CardText(await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId));
        var day = SessionTime.Day(stored.StartsAt, stored.TimeZone, SessionTime.CultureOf(texts));
        Assert.Contains(texts.SyncPending + " — " + texts.Format(texts.SyncReasonOldMeetingRetryingFormat, "Dyeing (advanced)", day), card, StringComparison.Ordinal);
        Assert.DoesNotContain(texts.SyncReasonUnavailable, card, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\([^()]*\(", card);
        if (language == "en")
        {
            Assert.Equal("Thu 3 Dec 2026", day);
        }

        host.Time.Advance(TimeSpan.FromMinutes(11));
        await DrainAsync();

        Assert.Equal([(MailboxA, old)], graph.Deleted);
        stored = await SessionAsync(session.Id);
        Assert.Equal((CalendarSyncState.Synced, null), (stored.SyncState, stored.SyncError));
    }

    [Fact]
    public async Task OldEventsDeletionGivenUp_TheCardSaysTheOldMeetingIsStillThereToDeleteByHand_RetryCalendarSyncTriesAgain()
    {
        // Before: "failed: gave up after repeated errors of the calendar service", as if the session's own meeting had
        // failed; the old meeting left in the previous organizer's calendar was not mentioned.
        await LimitAttemptsToOneAsync();
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        await EditAsync(session, MailboxB);
        await Processor().RunOnceAsync(CancellationToken.None);    // the move
        graph.FailNext(503, "ServiceNotAvailable");
        await Processor().RunOnceAsync(CancellationToken.None);    // A's DELETE answered 503: given up (one attempt)

        var stored = await SessionAsync(session.Id);
        Assert.Equal((CalendarSyncState.Failed, nameof(CalendarSyncReason.OldMeetingNotRemoved)), (stored.SyncState, stored.SyncError));
        Assert.True(graph.Events.ContainsKey(old));
        var card = CoachingTestHost.CardText(await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId));
        Assert.Contains(
            "failed: the old meeting of the session “Circular economy” on Thu 3 Dec 2026 could not be removed from the calendar, and the bot has stopped trying: please delete it there by hand",
            card, StringComparison.Ordinal);
        Assert.Contains("Retry calendar sync", card, StringComparison.Ordinal);

        await host.SubmitAsync(new { action = CoachingDialog.RetrySyncAction, sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId);
        await DrainAsync();

        Assert.Equal([(MailboxA, old)], graph.Deleted);
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(session.Id)).SyncState);
    }

    [Theory]
    [InlineData("en", "Thu 3 Dec 2026", "Sat 5 Dec 2026")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task MovedToAnotherDayAndMailbox_OldMeetingNotRemoved_TheCardNamesTheOldMeetingsDay(string language, string? oldDay = null, string? newDay = null)
    {
        // Before: the card named the session's new day (5 December) for the meeting still in the previous organizer's
        // calendar, which is on the day its attendees had (3 December).
        var (dayBefore, dayNow, card, texts, title) = await OldMeetingNotRemovedAfterAMoveAsync(language, startKept: true);

        Assert.Contains(texts.Format(texts.SyncReasonOldMeetingNotRemovedFormat, title, dayBefore), card, StringComparison.Ordinal);
        Assert.DoesNotContain(texts.Format(texts.SyncReasonOldMeetingNotRemovedFormat, title, dayNow), card, StringComparison.Ordinal);
        if (oldDay is not null)
        {
            Assert.Equal((oldDay, newDay), (dayBefore, dayNow));
        }

        // Kept: Graph was not asked.
        Assert.DoesNotContain(graph.GraphRequests, r => r.Method == "GET");
    }

    /// <summary>
    /// Before: a meeting made before the bot kept its start (migration CoachingOldMeetingStart) had no start on its
    /// clean-up row, so the "old meeting could not be removed" card named the session's current day. Now the start is read
    /// from the meeting itself in the previous organizer's calendar (Graph, once: kept on the row) and the card names the
    /// old meeting's day, in the coordinator's language.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task MeetingMadeBeforeItsStartWasKept_OldMeetingNotRemoved_TheCardNamesTheDayReadFromGraph(string language)
    {
        var (dayBefore, dayNow, card, texts, title) = await OldMeetingNotRemovedAfterAMoveAsync(language, startKept: false);

        Assert.Contains(texts.Format(texts.SyncReasonOldMeetingNotRemovedFormat, title, dayBefore), card, StringComparison.Ordinal);
        Assert.DoesNotContain(texts.Format(texts.SyncReasonOldMeetingNotRemovedFormat, title, dayNow), card, StringComparison.Ordinal);
        var old = Assert.Single(graph.MailboxOf, m => m.Value == MailboxA).Key;
        var read = Assert.Single(graph.GraphRequests, r => r.Method == "GET");
        Assert.Contains($"/users/{MailboxA}/events/{old}", Uri.UnescapeDataString(read.Path), StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await host.OutboxAsync(), o => o.Kind == OutboxKind.DeleteEvent).EventStartsAt);
        Assert.DoesNotContain(log.Entries, l => l.EventId.Id == 2436);
    }

    /// <summary>
    /// A meeting made before its start was kept, whose start Graph does not give either (the GET failing too): the card
    /// names the session's current day, as before, and the operator's log says why (warning 2436).
    /// </summary>
    [Fact]
    public async Task MeetingMadeBeforeItsStartWasKept_GraphDoesNotAnswerItsStart_TheCardNamesTheSessionsDayAndItIsLogged()
    {
        var (_, dayNow, card, texts, title) = await OldMeetingNotRemovedAfterAMoveAsync("en", startKept: false, startReadFails: true);

        Assert.Contains(texts.Format(texts.SyncReasonOldMeetingNotRemovedFormat, title, dayNow), card, StringComparison.Ordinal);
        var warning = Assert.Single(log.Entries, l => l.EventId.Id == 2436);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(MailboxA, warning.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Before: the DELETE of an old meeting made before its start was kept, failing while Graph did not give that start
    /// either, read the start from Graph again and logged warning 2436 again at each of its tries (up to
    /// <c>Coaching:OutboxMaxAttempts</c>). Now, as an unanswered create's clean-up row does, it keeps the session's day on
    /// the row after the first: Graph is asked once and the warning logged once, and the card names that day.
    /// </summary>
    [Fact]
    public async Task MeetingMadeBeforeItsStartWasKept_DeleteAndItsStartFailTwice_GraphAskedAndWarnedOnce()
    {
        var (session, old) = await MovedToAnotherDayAndMailboxAsync(startKept: false);

        graph.Down = true;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await Processor().RunOnceAsync(CancellationToken.None);    // A's DELETE answered 503: tried again later
            host.Time.Advance(TimeSpan.FromMinutes(11));
        }

        var cleanUp = Assert.Single(await host.OutboxAsync(), o => o.Kind == OutboxKind.DeleteEvent);
        Assert.Equal((OutboxStatus.Pending, 2), (cleanUp.Status, cleanUp.Attempts));
        Assert.Single(graph.GraphRequests, r => r.Method == "GET");
        var warning = Assert.Single(log.Entries, l => l.EventId.Id == 2436);
        Assert.Equal(LogLevel.Warning, warning.Level);
        var (card, texts, _, dayNow) = await CardAndDaysAsync(session, "en");
        Assert.Contains(texts.Format(texts.SyncReasonOldMeetingRetryingFormat, session.Title, dayNow), card, StringComparison.Ordinal);

        graph.Down = false;
        await DrainAsync();
        Assert.Equal([(MailboxA, old)], graph.Deleted);
        Assert.Single(graph.GraphRequests, r => r.Method == "GET");
        Assert.Single(log.Entries, l => l.EventId.Id == 2436);
    }

    /// <summary>
    /// Before: the clean-up of a meeting an unanswered create may have left, queued before the bot kept that meeting's
    /// start (migration CoachingOldMeetingStart), named the session's new day on the card when it failed — the row holds
    /// the create's transaction id, not an event id, so nothing read the meeting's own day. Now the old row is recognised:
    /// its day is read from the event Graph answered the create sent again with (never with the transaction id), once,
    /// and the card names that day — the one its attendees had — in the coordinator's language.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task UnansweredCreatesCleanUpQueuedBeforeItsStartWasKept_DeleteFails_TheCardNamesTheDayOfTheEventGraphAnswered(string language)
    {
        var (session, inA) = await OldUnansweredCleanUpPendingAsync();
        graph.PassNext();                                           // the create sent again: answered with A's event
        graph.FailNext(503, "ServiceNotAvailable", retryAfterSeconds: 600);

        await Processor().RunOnceAsync(CancellationToken.None);    // its DELETE answered 503: tried again later

        var (card, texts, dayBefore, dayNow) = await CardAndDaysAsync(session, language);
        Assert.Contains(texts.Format(texts.SyncReasonOldMeetingRetryingFormat, session.Title, dayBefore), card, StringComparison.Ordinal);
        Assert.DoesNotContain(texts.Format(texts.SyncReasonOldMeetingRetryingFormat, session.Title, dayNow), card, StringComparison.Ordinal);
        var read = Assert.Single(graph.GraphRequests, r => r.Method == "GET");
        Assert.Contains($"/users/{MailboxA}/events/{inA}", Uri.UnescapeDataString(read.Path), StringComparison.Ordinal);
        Assert.DoesNotContain(log.Entries, l => l.EventId.Id == 2436);

        // The next try deletes it; the day is not read again.
        host.Time.Advance(TimeSpan.FromMinutes(11));
        await DrainAsync();
        Assert.Equal([(MailboxA, inA)], graph.Deleted);
        Assert.Single(graph.GraphRequests, r => r.Method == "GET");
    }

    /// <summary>
    /// The same old clean-up row whose create sent again is not answered either (503): there is no event to read a day
    /// from, and the transaction id is none — so Graph is not asked; the card names the session's day and the operator's
    /// log says why (warning 2436), once for all the row's tries, which stay bounded and end when the meeting is deleted.
    /// </summary>
    [Fact]
    public async Task UnansweredCreatesCleanUpQueuedBeforeItsStartWasKept_CreateNotAnsweredAgain_TheSessionsDayWarnedOnce()
    {
        var (session, inA) = await OldUnansweredCleanUpPendingAsync();

        for (var attempt = 0; attempt < 2; attempt++)
        {
            graph.FailNext(503, "ServiceNotAvailable", retryAfterSeconds: 600);
            await Processor().RunOnceAsync(CancellationToken.None);    // the create sent again answered 503
            host.Time.Advance(TimeSpan.FromMinutes(11));
        }

        var (card, texts, _, dayNow) = await CardAndDaysAsync(session, "en");
        Assert.Contains(texts.Format(texts.SyncReasonOldMeetingRetryingFormat, session.Title, dayNow), card, StringComparison.Ordinal);
        var warning = Assert.Single(log.Entries, l => l.EventId.Id == 2436);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(MailboxA, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(graph.GraphRequests, r => r.Method == "GET");

        await DrainAsync();
        Assert.Equal([(MailboxA, inA)], graph.Deleted);
        Assert.Equal(OutboxStatus.Done, Assert.Single(await host.OutboxAsync(), o => o.Kind == OutboxKind.DeleteUnansweredEvent).Status);
        Assert.Single(log.Entries, l => l.EventId.Id == 2436);
    }

    /// <summary>
    /// A session whose create in mailbox A was made but never answered, then moved to another day and to mailbox B: the
    /// create's retry made the meeting in B and queued A's clean-up, which is now the session's only pending row — its
    /// start taken off, as on a row queued before it was kept. Returns the session as it was and the event left in A.
    /// </summary>
    private async Task<(CoachingSession Session, string InA)> OldUnansweredCleanUpPendingAsync()
    {
        var session = await host.CreateSessionAsync();
        await LoseTheNextAnswerAsync();                             // made in A, unanswered
        var inA = Assert.Single(graph.Events.Keys);
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(
            session.Id, CoachingTestHost.Draft(inDays: 9, capacity: session.Capacity) with { OrganizerMailbox = MailboxB }, CancellationToken.None));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        for (var pass = 0; pass < 5 && (await host.OutboxAsync()).Any(o => o.Status == OutboxStatus.Pending && o.Kind != OutboxKind.DeleteUnansweredEvent); pass++)
        {
            await Processor().RunOnceAsync(CancellationToken.None);    // the create's retry (made in B, A's clean-up queued), the edit
        }

        var cleanUp = Assert.Single(await host.OutboxAsync(), o => o.Status == OutboxStatus.Pending);
        Assert.Equal((OutboxKind.DeleteUnansweredEvent, MailboxA, GraphCalendarGateway.TransactionIdOf(session)), (cleanUp.Kind, cleanUp.Mailbox, cleanUp.EventId));
        await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Outbox().Where(o => o.Id == cleanUp.Id)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.EventStartsAt, (DateTimeOffset?)null)));
        Assert.DoesNotContain(graph.GraphRequests, r => r.Method == "GET");
        return (session, inA);
    }

    /// <summary>The coordinator's card of <paramref name="session"/> in <paramref name="language"/>, with the session's first day and its day now.</summary>
    private async Task<(string Card, CoachingTexts Texts, string DayBefore, string DayNow)> CardAndDaysAsync(CoachingSession session, string language)
    {
        var stored = await SessionAsync(session.Id);
        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);
        var culture = SessionTime.CultureOf(texts);
        var (dayBefore, dayNow) = (SessionTime.Day(session.StartsAt, session.TimeZone, culture), SessionTime.Day(stored.StartsAt, stored.TimeZone, culture));
        Assert.NotEqual(dayBefore, dayNow);
        var card = CoachingTestHost.CardText(await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId));
        return (card, texts, dayBefore, dayNow);
    }

    /// <summary>
    /// A session with a seat and its meeting in mailbox A — its start kept, or not (<paramref name="startKept"/>: as for a
    /// meeting made before it was kept) — moved to another day and to mailbox B in one edit; A's DELETE answered 503 and
    /// given up (one attempt), and with <paramref name="startReadFails"/> the GET of its start too. Returns the old
    /// meeting's day and the session's new one, in <paramref name="language"/>, and the coordinator's card of the session.
    /// </summary>
    private async Task<(string DayBefore, string DayNow, string Card, CoachingTexts Texts, string Title)> OldMeetingNotRemovedAfterAMoveAsync(
        string language, bool startKept, bool startReadFails = false)
    {
        await LimitAttemptsToOneAsync();
        var (session, old) = await MovedToAnotherDayAndMailboxAsync(startKept);
        graph.FailNext(503, "ServiceNotAvailable");
        if (startReadFails)
        {
            graph.FailNext(503, "ServiceNotAvailable");
        }

        await Processor().RunOnceAsync(CancellationToken.None);    // A's DELETE answered 503: given up (one attempt)
        Assert.True(graph.Events.ContainsKey(old));

        var stored = await SessionAsync(session.Id);
        Assert.Equal((CalendarSyncState.Failed, nameof(CalendarSyncReason.OldMeetingNotRemoved)), (stored.SyncState, stored.SyncError));
        var (card, texts, dayBefore, dayNow) = await CardAndDaysAsync(session, language);
        return (dayBefore, dayNow, card, texts, session.Title);
    }

    /// <summary>
    /// A session with a seat and its meeting in mailbox A — its start kept, or not (<paramref name="startKept"/>: as for a
    /// meeting made before it was kept) — moved to another day and to mailbox B in one edit: made in B, A's DELETE queued.
    /// Returns the session as it was and the meeting left in A.
    /// </summary>
    private async Task<(CoachingSession Session, string Old)> MovedToAnotherDayAndMailboxAsync(bool startKept)
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        if (!startKept)
        {
            await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().Where(s => s.Id == session.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.GraphEventStartsAt, (DateTimeOffset?)null)));
        }

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(
            session.Id, CoachingTestHost.Draft(inDays: 9) with { OrganizerMailbox = MailboxB }, CancellationToken.None));
        await Processor().RunOnceAsync(CancellationToken.None);    // the move: made in B on the new day, A's DELETE queued
        return (session, old);
    }

    [Fact]
    public async Task OldEventsDeletionRefused400_NamedAsTheOldMeeting_LaterBookingsStillReachTheNewMeeting()
    {
        // Before: "failed: the calendar refused the meeting's details", and as a refusal of the session's sync every
        // later calendar row was held back: a seat booked after it never reached the new meeting.
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        await EditAsync(session, MailboxB);
        await Processor().RunOnceAsync(CancellationToken.None);    // the move
        graph.FailNext(400, "ErrorInvalidRequest");
        await DrainAsync();                                         // the old event's DELETE refused
        await RegisterAsync(session, "u2", "rui@example.org", "en");
        await DrainAsync();

        var live = Assert.Single(graph.Events.Keys, k => k != old);
        Assert.Equal(["ana@example.org", "rui@example.org"], graph.Events[live]["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
        var stored = await SessionAsync(session.Id);
        Assert.Equal((CalendarSyncState.Failed, nameof(CalendarSyncReason.OldMeetingNotRemoved)), (stored.SyncState, stored.SyncError));
    }

    [Fact]
    public async Task MailboxChangeQueuedBeforeTheMailboxWasKept_TheEventIsFoundInThePreviousMailbox_MovedAndTheOldOneDeleted()
    {
        // Before: a change of organizer mailbox queued before the bot kept the event's mailbox (the session's
        // GraphEventMailbox empty, its organizer already the new one) took the old path: the PATCH under the new
        // mailbox 404ed, the event was made again there, the old Teams meeting stayed live in the old organizer's
        // calendar, and the seat holders were told the old link no longer worked.
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Another session of organizer A", inDays: 9));
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys, k => graph.Events[k]["subject"]!.GetValue<string>() == session.Title);
        sent.Clear();
        await QueueChangeAsBeforeTheMailboxWasKeptAsync(session.Id, MailboxB);

        await DrainAsync();
        await DrainAsync();

        Assert.Equal([(MailboxA, old)], graph.Deleted);
        var stored = await SessionAsync(session.Id);
        Assert.Equal((MailboxB, MailboxB, CalendarSyncState.Synced), (graph.MailboxOf[stored.GraphEventId!], stored.GraphEventMailbox, stored.SyncState));
        Assert.Equal(2, graph.Events.Count);    // the other session's and this one's, in B
        Assert.Equal("ana@example.org", Assert.Single(graph.Events[stored.GraphEventId!]["attendees"]!.AsArray())!["emailAddress"]!["address"]!.GetValue<string>());
        var notice = Assert.Single(sent);
        Assert.Equal(("conv-u1", 1), (notice.Conversation, notice.DeletedBefore));   // told once the old meeting was gone
        Assert.Contains(stored.JoinUrl!, notice.Activity.Text, StringComparison.Ordinal);
        Assert.Contains(log.Entries, l => l.EventId.Id == 2432 && l.Message.Contains(MailboxA, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SessionCancelledWithAChangeQueuedBeforeTheMailboxWasKept_TheMeetingIsCancelledInThePreviousMailbox()
    {
        // Before: the cancellation went to the new mailbox, got a 404, was taken for an event deleted already: the
        // meeting of a cancelled session stayed live in the old organizer's calendar.
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Another session of organizer A", inDays: 9));
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys, k => graph.Events[k]["subject"]!.GetValue<string>() == session.Title);
        await QueueChangeAsBeforeTheMailboxWasKeptAsync(session.Id, MailboxB, withRow: false);
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));

        await DrainAsync();

        Assert.Equal([old], graph.Cancelled);
        Assert.Contains(graph.GraphRequests, r => r.Method == "POST" && r.Path == $"/v1.0/users/{MailboxA}/events/{old}/cancel");
        Assert.Equal(2, graph.Events.Count);    // nothing made in B for a cancelled session
        Assert.Equal((MailboxA, CalendarSyncState.Synced), ((await SessionAsync(session.Id)).GraphEventMailbox, (await SessionAsync(session.Id)).SyncState));
    }

    [Fact]
    public async Task EventDeletedInOutlook_MadeBeforeTheMailboxWasKept_LookedForOnceInTheKnownMailboxes_ThenMadeAgain()
    {
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "Another session of organizer A", inDays: 9));
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var lost = Assert.Single(graph.Events.Keys, k => graph.Events[k]["subject"]!.GetValue<string>() == session.Title);
        await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().Where(s => s.Id == session.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.GraphEventMailbox, (string?)null)));
        graph.Events.TryRemove(lost, out _);    // deleted in Outlook
        sent.Clear();
        await EditAsync(session, MailboxA);      // same organizer: the PATCH 404s
        var calls = graph.GraphRequests.Count;

        await DrainAsync();

        Assert.Equal(
            [("PATCH", $"/v1.0/users/{MailboxA}/events/{lost}"), ("POST", $"/v1.0/users/{MailboxA}/events")],
            graph.GraphRequests.Skip(calls).Select(r => (r.Method, r.Path)));   // no other session's mailbox but A's own: nothing to look in
        var stored = await SessionAsync(session.Id);
        Assert.Equal((MailboxA, CalendarSyncState.Synced), (stored.GraphEventMailbox, stored.SyncState));
        Assert.Equal("conv-u1", Assert.Single(sent).Conversation);
    }

    [Fact]
    public async Task EventDeletedInOutlook_MadeBeforeTheMailboxWasKept_OtherMailboxesAsked_NotThere_MadeAgain()
    {
        await host.CreateSessionAsync(CoachingTestHost.Draft(title: "A session of organizer C", inDays: 9) with { OrganizerMailbox = MailboxC });
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var lost = Assert.Single(graph.Events.Keys, k => graph.Events[k]["subject"]!.GetValue<string>() == session.Title);
        await QueueChangeAsBeforeTheMailboxWasKeptAsync(session.Id, MailboxB);
        graph.Events.TryRemove(lost, out _);    // and deleted in Outlook
        sent.Clear();
        var calls = graph.GraphRequests.Count;

        await DrainAsync();

        Assert.Equal(
            [("PATCH", $"/v1.0/users/{MailboxB}/events/{lost}"), ("GET", $"/v1.0/users/{MailboxC}/events/{lost}"), ("POST", $"/v1.0/users/{MailboxB}/events")],
            graph.GraphRequests.Skip(calls).Select(r => (r.Method, r.Path)));
        var stored = await SessionAsync(session.Id);
        Assert.Equal((MailboxB, MailboxB, CalendarSyncState.Synced), (graph.MailboxOf[stored.GraphEventId!], stored.GraphEventMailbox, stored.SyncState));
        Assert.Empty(graph.Deleted);
        Assert.Equal("conv-u1", Assert.Single(sent).Conversation);
    }

    [Fact]
    public async Task OldEventsDeletionRefused_ThenTheSessionEdited_TheDeletionIsTriedAgain_NotForgotten()
    {
        // Before: the edit made the card pending, then "in sync" once its PATCH went through; the refused DELETE was
        // forgotten — the old meeting stayed live, nobody was told the new link, and "Retry calendar sync" answered
        // that the session was already in sync.
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        sent.Clear();
        await EditAsync(session, MailboxB);
        await Processor().RunOnceAsync(CancellationToken.None);    // the move
        graph.FailNext(403, "ErrorAccessDenied");
        await DrainAsync();                                         // the DELETE refused (access granted since)
        Assert.Equal(CalendarSyncState.Failed, (await SessionAsync(session.Id)).SyncState);

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(
            session.Id, CoachingTestHost.Draft(capacity: session.Capacity, title: "Circular economy (room 2)") with { OrganizerMailbox = MailboxB }, CancellationToken.None));
        await DrainAsync();
        await DrainAsync();

        Assert.Equal([(MailboxA, old)], graph.Deleted);
        var (live, liveEvent) = Assert.Single(graph.Events);
        Assert.Equal("Circular economy (room 2)", liveEvent["subject"]!.GetValue<string>());
        var stored = await SessionAsync(session.Id);
        Assert.Equal((live, CalendarSyncState.Synced), (stored.GraphEventId, stored.SyncState));
        Assert.Contains(stored.JoinUrl!, Assert.Single(sent).Activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldEventsDeletionRefused_ThenTheSessionCancelled_TheOldMeetingIsDeletedToo()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var old = Assert.Single(graph.Events.Keys);
        await EditAsync(session, MailboxB);
        await Processor().RunOnceAsync(CancellationToken.None);    // the move
        var moved = (await SessionAsync(session.Id)).GraphEventId!;
        graph.FailNext(403, "ErrorAccessDenied");
        await DrainAsync();
        sent.Clear();

        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().CancelAsync(session.Id, CancellationToken.None));
        await DrainAsync();

        Assert.Equal([moved], graph.Cancelled);
        Assert.Equal([(MailboxA, old)], graph.Deleted);
        Assert.DoesNotContain(sent, s => s.Activity.Text?.Contains("new link", StringComparison.Ordinal) == true);
        Assert.Equal(CalendarSyncState.Synced, (await SessionAsync(session.Id)).SyncState);
    }

    [Fact]
    public async Task MailboxChangedOnlyInCase_NotAMove_ThePatchGoesToTheSameEvent()
    {
        var session = await host.CreateSessionAsync();
        await DrainAsync();
        var eventId = Assert.Single(graph.Events.Keys);
        var calls = graph.GraphRequests.Count;

        await EditAsync(session, MailboxA.ToUpperInvariant());
        await DrainAsync();

        Assert.Equal([eventId], graph.Events.Keys);
        Assert.Equal("PATCH", Assert.Single(graph.GraphRequests.Skip(calls)).Method);
    }

    [Fact]
    public void MoveTransactionId_FixedForTheOldEventAndTheNewMailbox()
    {
        var session = new CoachingSession { Id = Guid.NewGuid() };

        var toB = GraphCalendarGateway.MoveTransactionIdOf(session, "event-1", MailboxB);

        Assert.Equal(toB, GraphCalendarGateway.MoveTransactionIdOf(session, "event-1", MailboxB.ToUpperInvariant()));
        Assert.NotEqual(toB, GraphCalendarGateway.MoveTransactionIdOf(session, "event-1", MailboxC));
        Assert.NotEqual(toB, GraphCalendarGateway.MoveTransactionIdOf(session, "event-2", MailboxB));
        Assert.NotEqual(toB, GraphCalendarGateway.RecreationTransactionIdOf(session, "event-1"));
        Assert.StartsWith(GraphCalendarGateway.TransactionIdOf(session), toB, StringComparison.Ordinal);
    }

    private Task<RegistrationResult> RegisterAsync(CoachingSession session, string user, string? email, string language) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<BookingService>().RegisterAsync(session.Id, new Participant(user, "User " + user, "tenant", email, "conv-" + user, language), CancellationToken.None));

    private Task<CoachingSession?> EditAsync(CoachingSession session, string mailbox) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft(capacity: session.Capacity) with { OrganizerMailbox = mailbox }, CancellationToken.None));

    /// <summary>
    /// The state a change of organizer mailbox left before the bot kept the event's mailbox: the session's organizer
    /// is the new one, its event's mailbox empty, and (<paramref name="withRow"/>) the edit's UpdateEvent row queued,
    /// without Mailbox/EventId.
    /// </summary>
    private Task<int> QueueChangeAsBeforeTheMailboxWasKeptAsync(Guid sessionId, string mailbox, bool withRow = true) => host.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<BotDbContext>();
        var now = host.Time.GetUtcNow();
        var changed = await db.Sessions().Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.OrganizerMailbox, mailbox)
            .SetProperty(x => x.GraphEventMailbox, (string?)null)
            .SetProperty(x => x.Revision, x => x.Revision + 1)
            .SetProperty(x => x.SyncState, withRow ? CalendarSyncState.Pending : CalendarSyncState.Synced));
        if (withRow)
        {
            db.Outbox().Add(new CoachingOutboxMessage
            {
                SessionId = sessionId, Kind = OutboxKind.UpdateEvent, Lane = CoachingOutboxMessage.GraphLane, Status = OutboxStatus.Pending, DueAt = now, CreatedAt = now,
            });
            await db.SaveChangesAsync();
        }

        return changed;
    });

    /// <summary>One pass whose first Graph call is carried out but never answered (the row times out and is retried).</summary>
    private async Task LoseTheNextAnswerAsync()
    {
        graph.ResetHang();
        graph.HangNext(processFirst: true);
        var pass = Processor().RunOnceAsync(CancellationToken.None);
        await graph.HangArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        host.Time.Advance(TimeSpan.FromSeconds(30));
        await pass.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>A host whose calendar rows are given up after one attempt (<c>Coaching:OutboxMaxAttempts</c> 1).</summary>
    private async Task LimitAttemptsToOneAsync()
    {
        host.Dispose();
        host = new CoachingTestHost(new Dictionary<string, string?>(graph.Settings()) { ["Coaching:OutboxMaxAttempts"] = "1" }, services => services.AddSingleton<ILogger<CoachingOutboxProcessor>>(log));
        await host.Conversation.SeedProfileAsync("en");
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, Activity, CancellationToken>((c, a, _) => { lock (sent) { sent.Add((c, a, graph.Deleted.Count)); } })
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
    }

    private CoachingOutboxProcessor Processor() => host.Services.GetRequiredService<CoachingOutboxProcessor>();

    /// <summary>Runs passes, moving the fake clock past each back-off, until nothing is pending (bounded).</summary>
    private async Task DrainAsync()
    {
        for (var pass = 0; pass < 50; pass++)
        {
            await Processor().RunOnceAsync(CancellationToken.None);
            if (!(await host.OutboxAsync()).Any(o => o.Status == OutboxStatus.Pending))
            {
                return;
            }

            host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Fail("The outbox did not drain.");
    }

    private Task<CoachingSession> SessionAsync(Guid id) =>
        host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().AsNoTracking().SingleAsync(s => s.Id == id));
}
