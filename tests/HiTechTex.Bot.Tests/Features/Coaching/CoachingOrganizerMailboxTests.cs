using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph.Models.ODataErrors;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// A session whose organizer mailbox Graph does not know (the fake answers 404 for any other mailbox than the one it
/// has): each "Retry calendar sync" costs one Graph call, not a PATCH and then a re-creation refused the same way, and
/// the coordinator's card says the mailbox was not found.
/// </summary>
public sealed class CoachingOrganizerMailboxTests : IAsyncLifetime
{
    private const string Mailbox = "organizer@example.org";
    private const string WrongMailbox = "organiser@example.org";

    private FakeGraphServer graph = null!;
    private CoachingTestHost host = null!;

    public async Task InitializeAsync()
    {
        graph = await FakeGraphServer.StartAsync();
        graph.Mailboxes.Add(Mailbox);
        host = new CoachingTestHost(graph.Settings());
        await host.Conversation.SeedProfileAsync("en");
    }

    public async Task DisposeAsync()
    {
        host.Dispose();
        await graph.DisposeAsync();
    }

    [Theory]
    [InlineData("ErrorInvalidUser")]
    [InlineData("ErrorItemNotFound")]
    public async Task MailboxEditedToAWrongOne_EachRetryCostsOneGraphCallAndTheCardSaysWhy(string code)
    {
        // Before: every retry PATCHed the event (404), took it for deleted and POSTed a new one (404 again): two calls
        // per retry for a mailbox already known to be refused. A changed mailbox is a move now: the event is made in
        // the new mailbox first (the old one is deleted only once it is), one POST, refused whatever Graph's code.
        graph.UnknownMailboxCode = code;
        var session = await host.CreateSessionAsync();
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().RegisterAsync(
            session.Id, new Participant("u1", "Ana", "tenant", "ana@example.org", "conv-u1", "en"), CancellationToken.None));
        await DrainAsync();
        var eventId = Assert.Single(graph.Events.Keys);

        var calls = graph.GraphRequests.Count;
        await EditAsync(session, WrongMailbox);
        await DrainAsync();
        var first = Assert.Single(graph.GraphRequests.Skip(calls));
        Assert.Equal(("POST", $"/v1.0/users/{WrongMailbox}/events"), (first.Method, first.Path));

        for (var retry = 0; retry < 2; retry++)
        {
            calls = graph.GraphRequests.Count;
            var replies = await host.SubmitAsync(RetryClick(session), CoachingTestHost.CoordinatorId);
            Assert.Contains("is being retried", CoachingTestHost.CardText(replies), StringComparison.Ordinal);
            await DrainAsync();

            var made = graph.GraphRequests.Skip(calls).ToList();
            var call = Assert.Single(made);
            Assert.Equal(("POST", $"/v1.0/users/{WrongMailbox}/events"), (call.Method, call.Path));
            var stored = await SessionAsync(session.Id);
            Assert.Equal((CalendarSyncState.Failed, nameof(CalendarSyncReason.MailboxNotFound), eventId), (stored.SyncState, stored.SyncError, stored.GraphEventId));
            var card = CoachingTestHost.CardText(await host.SubmitAsync(Details(session), CoachingTestHost.CoordinatorId));
            Assert.Contains("failed: the organizer's mailbox was not found: check its address with Edit", card.Split('\n'));
            Assert.Contains("coaching.retrySync", card, StringComparison.Ordinal);
        }

        Assert.Equal([eventId], graph.Events.Keys);   // no second event was made, the old one left as it is
        Assert.Empty(graph.Deleted);

        // Corrected with Edit: the event, still in the right mailbox, is patched there, nothing re-created.
        calls = graph.GraphRequests.Count;
        await EditAsync(session, Mailbox);
        await DrainAsync();
        Assert.All(graph.GraphRequests.Skip(calls), r => Assert.Equal(("PATCH", $"/v1.0/users/{Mailbox}/events/{eventId}"), (r.Method, r.Path)));   // details, attendees
        Assert.Equal((CalendarSyncState.Synced, eventId), ((await SessionAsync(session.Id)).SyncState, (await SessionAsync(session.Id)).GraphEventId));
        Assert.Equal([eventId], graph.Events.Keys);
    }

    [Fact]
    public async Task SessionCreatedWithAWrongMailbox_OneCallPerRetryAndTheReasonShown()
    {
        graph.UnknownMailboxCode = "ErrorItemNotFound";
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft() with { OrganizerMailbox = WrongMailbox });
        await DrainAsync();
        Assert.Equal(nameof(CalendarSyncReason.MailboxNotFound), (await SessionAsync(session.Id)).SyncError);

        var calls = graph.GraphRequests.Count;
        await host.SubmitAsync(RetryClick(session), CoachingTestHost.CoordinatorId);
        await DrainAsync();

        var call = Assert.Single(graph.GraphRequests.Skip(calls));
        Assert.Equal(("POST", $"/v1.0/users/{WrongMailbox}/events"), (call.Method, call.Path));
        Assert.Equal((CalendarSyncState.Failed, nameof(CalendarSyncReason.MailboxNotFound)), ((await SessionAsync(session.Id)).SyncState, (await SessionAsync(session.Id)).SyncError));
        Assert.Empty(graph.Events);
    }

    [Fact]
    public async Task EventDeletedAndTheMailboxFineAfterARefusalWasRetried_EditMakesTheEventAgain()
    {
        // The memory of a refused mailbox lasts only for the session as it was: after an edit, a 404 on the event
        // is taken for a deleted event again (and made again).
        graph.UnknownMailboxCode = "ErrorItemNotFound";
        var session = await host.CreateSessionAsync();
        await DrainAsync();
        var lost = Assert.Single(graph.Events.Keys);
        await EditAsync(session, WrongMailbox);
        await DrainAsync();
        graph.Events.Clear();

        await EditAsync(session, Mailbox);
        await DrainAsync();

        var (eventId, _) = Assert.Single(graph.Events);
        Assert.NotEqual(lost, eventId);
        Assert.Equal((CalendarSyncState.Synced, eventId), ((await SessionAsync(session.Id)).SyncState, (await SessionAsync(session.Id)).GraphEventId));
    }

    [Theory]
    [InlineData("ErrorInvalidUser", "MailboxNotFound")]
    [InlineData("MailboxNotEnabledForRESTAPI", "MailboxNotFound")]
    [InlineData("ErrorItemNotFound", "NotFound")]
    public void Classify_404WithGraphsCode_TheMailboxOrTheEvent(string code, string expected)
    {
        var failure = OutboxFailure.Classify(new ODataError { ResponseStatusCode = 404, Error = new MainError { Code = code } }, timedOut: false, DateTimeOffset.UnixEpoch);

        Assert.Equal((false, expected), (failure.Transient, failure.Code.ToString()));
    }

    private Task<CoachingSession?> EditAsync(CoachingSession session, string mailbox) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft() with { OrganizerMailbox = mailbox }, CancellationToken.None));

    private static object Details(CoachingSession session) => new { action = "coaching.details", sessionId = session.Id.ToString() };

    private static object RetryClick(CoachingSession session) => new { action = "coaching.retrySync", sessionId = session.Id.ToString() };

    private async Task DrainAsync()
    {
        for (var pass = 0; pass < 50; pass++)
        {
            await host.Services.GetRequiredService<CoachingOutboxProcessor>().RunOnceAsync(CancellationToken.None);
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
