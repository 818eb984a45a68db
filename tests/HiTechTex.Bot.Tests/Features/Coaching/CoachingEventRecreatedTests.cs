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
/// The session's event deleted from the organizer's calendar and made again (Graph's 404 on a PATCH): the join link
/// changed, so every seat holder is told the new one — once, through the outbox — and the coordinator's card shows it.
/// </summary>
public sealed class CoachingEventRecreatedTests : IAsyncLifetime
{
    private readonly List<(string Conversation, Activity Activity)> sent = [];
    private FakeGraphServer graph = null!;
    private CoachingTestHost host = null!;

    public async Task InitializeAsync()
    {
        graph = await FakeGraphServer.StartAsync();
        host = new CoachingTestHost(graph.Settings());
        await host.Conversation.SeedProfileAsync("en");
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, Activity, CancellationToken>((c, a, _) => { lock (sent) { sent.Add((c, a)); } })
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
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task EventDeletedThenEdited_EverySeatHolderToldTheNewLinkOnceInTheirLanguage(string language)
    {
        // Before: the event was made again with a new join link and nobody was told; the old link led nowhere.
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 2));
        await RegisterAsync(session, "u1", "ana@example.org", language);
        await RegisterAsync(session, "u2", null, language);                 // a seat, no e-mail: not an attendee of the event
        await RegisterAsync(session, "u3", "rui@example.org", language);    // waitlisted: no seat, no link
        await DrainAsync();
        var lost = Assert.Single(graph.Events.Keys);
        graph.Events.TryRemove(lost, out _);
        sent.Clear();

        await EditAsync(session, "Renamed");
        await DrainAsync();
        await DrainAsync();   // a second run finds nothing more to say

        var stored = await SessionAsync(session.Id);
        Assert.NotEqual(lost, stored.GraphEventId);
        Assert.Contains(stored.GraphEventId!, stored.JoinUrl, StringComparison.Ordinal);
        var texts = CoachingTexts.Resolve(language);
        var toAna = Assert.Single(sent, s => s.Conversation == "conv-u1").Activity;
        Assert.Equal(texts.Format(texts.EventRecreatedFormat, "Renamed", stored.JoinUrl) + "\n" + texts.EventRecreatedInvite, toAna.Text);
        Assert.Contains(stored.JoinUrl!, CardJson(toAna), StringComparison.Ordinal);   // the card's Join button has the new link
        var toU2 = Assert.Single(sent, s => s.Conversation == "conv-u2").Activity;
        Assert.Equal(texts.Format(texts.EventRecreatedFormat, "Renamed", stored.JoinUrl), toU2.Text);
        Assert.DoesNotContain(sent, s => s.Conversation == "conv-u3");
        Assert.Equal(2, sent.Count);
        if (language == "en")
        {
            Assert.Equal($"The Teams meeting for Renamed has a new link: {stored.JoinUrl} (the old link no longer works).\nA new invitation is on its way to your calendar.", toAna.Text);
        }
    }

    [Fact]
    public async Task RecreationAnswerLostThenRetried_OneNewEventAndEachSeatHolderToldOnce()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await RegisterAsync(session, "u2", "rui@example.org", "en");
        await DrainAsync();
        var lost = Assert.Single(graph.Events.Keys);
        graph.Events.TryRemove(lost, out _);
        sent.Clear();
        await EditAsync(session, "Renamed");

        // The PATCH gets its 404; Graph makes the new event but its answer never arrives (the row times out, retried).
        graph.PassNext();
        graph.HangNext(processFirst: true);
        var pass = Processor().RunOnceAsync(CancellationToken.None);
        await graph.HangArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        host.Time.Advance(TimeSpan.FromSeconds(30));
        await pass.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(lost, (await SessionAsync(session.Id)).GraphEventId);
        Assert.Empty(sent);

        await DrainAsync();

        var (eventId, _) = Assert.Single(graph.Events);
        var stored = await SessionAsync(session.Id);
        Assert.Equal((eventId, CalendarSyncState.Synced), (stored.GraphEventId, stored.SyncState));
        Assert.Equal(["conv-u1", "conv-u2"], sent.Select(s => s.Conversation).Order());
        Assert.All(sent, s => Assert.Contains(stored.JoinUrl!, s.Activity.Text, StringComparison.Ordinal));
        Assert.Equal(2, (await host.OutboxAsync()).Count(o => o.Kind == OutboxKind.NotifyEventRecreated));
    }

    [Fact]
    public async Task NoticeRefusedOnceByTheConnector_RetriedAndSentOnce()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        graph.Events.Clear();
        var attempts = 0;
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Returns<string, Activity, CancellationToken>((c, a, _) =>
            {
                if (++attempts == 1)
                {
                    throw new ConnectorException(HttpStatusCode.ServiceUnavailable, null, "busy");
                }

                lock (sent)
                {
                    sent.Add((c, a));
                }

                return Task.FromResult(new ProactiveSendResult(ProactiveSendStatus.Sent));
            });

        await EditAsync(session, "Renamed");
        await DrainAsync();

        Assert.Equal(2, attempts);
        Assert.Single(sent);
        var notice = (await host.OutboxAsync()).Single(o => o.Kind == OutboxKind.NotifyEventRecreated);
        Assert.Equal((OutboxStatus.Done, 2), (notice.Status, notice.Attempts));
    }

    [Fact]
    public async Task ParticipantCancelledBeforeTheNoticeWent_NotTold()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        graph.Events.Clear();
        await EditAsync(session, "Renamed");
        await Processor().RunOnceAsync(CancellationToken.None);   // the event made again; the notice queued
        sent.Clear();
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));

        await DrainAsync();

        Assert.Empty(sent);
    }

    [Fact]
    public async Task Details_CoordinatorWithoutASeat_SeesTheNewJoinLink()
    {
        var session = await host.CreateSessionAsync();
        await RegisterAsync(session, "u1", "ana@example.org", "en");
        await DrainAsync();
        var lost = Assert.Single(graph.Events.Keys);
        var oldLink = (await SessionAsync(session.Id)).JoinUrl!;
        graph.Events.Clear();
        await EditAsync(session, "Renamed");
        await DrainAsync();

        var card = CoachingTestHost.CardText(await host.SubmitAsync(new { action = "coaching.details", sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId));

        var newLink = (await SessionAsync(session.Id)).JoinUrl!;
        Assert.NotEqual(oldLink, newLink);
        Assert.Contains(newLink, card.Split('\n'));
        Assert.DoesNotContain(lost, card, StringComparison.Ordinal);
    }

    private static string CardJson(Activity activity) =>
        activity.Attachments!.Single(a => a.ContentType == Attachment.AdaptiveCardContentType).Content!.Value.GetRawText();

    private Task<RegistrationResult> RegisterAsync(CoachingSession session, string user, string? email, string language) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<BookingService>().RegisterAsync(session.Id, new Participant(user, "User " + user, "tenant", email, "conv-" + user, language), CancellationToken.None));

    private Task<CoachingSession?> EditAsync(CoachingSession session, string title) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<CatalogService>().UpdateAsync(session.Id, CoachingTestHost.Draft(capacity: session.Capacity) with { Title = title }, CancellationToken.None));

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
