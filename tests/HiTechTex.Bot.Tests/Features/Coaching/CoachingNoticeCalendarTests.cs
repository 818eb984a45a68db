using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// A move notice and a promotion notice say what happens to the person's calendar: without Graph, the signed link to
/// the (new) calendar file — a file imported before still has the old time; with Graph, that the Teams meeting follows.
/// </summary>
public sealed partial class CoachingNoticeCalendarTests : IAsyncLifetime
{
    private readonly List<(string Conversation, string Text)> sent = [];
    private FakeGraphServer? graph;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (graph is not null)
        {
            await graph.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task SessionMoved_WithoutGraph_SeatHoldersToldToTakeTheNewCalendarFileWithItsLink(string language)
    {
        // Before: "… has moved: it now takes place …" only; an .ics imported earlier kept the old time, unsaid.
        using var host = Host();
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(host, session.Id, "u1", null, language);
        await RegisterAsync(host, session.Id, "u2", null, language);   // waitlisted: no seat, no calendar file

        await MoveAsync(host, session.Id);

        var texts = CoachingTexts.Resolve(language);
        var toSeatHolder = sent.Single(s => s.Conversation == "conv-u1").Text;
        var lines = toSeatHolder.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(texts.MovedCalendarFileFormat[..texts.MovedCalendarFileFormat.IndexOf("{0}", StringComparison.Ordinal)], lines[1], StringComparison.Ordinal);
        await AssertSignedLinkAsync(host, lines[1], "u1");
        Assert.DoesNotContain('\n', sent.Single(s => s.Conversation == "conv-u2").Text);
        if (language == "en")
        {
            Assert.StartsWith("Circular economy has moved: it now takes place Sat 5 Dec 2026 09:00–11:00 (Europe/Lisbon).\n"
                + "If you added it to your calendar, it still shows the old time there: add the updated calendar file instead: https://bot.example.org/coaching/calendar/",
                toSeatHolder, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task Promoted_WithoutGraph_NoticeCarriesTheCalendarFileLink(string language)
    {
        // Before: "a seat freed up and you're now registered" with no calendar link.
        using var host = Host();
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(host, session.Id, "u1", null, language);
        await RegisterAsync(host, session.Id, "u2", null, language);
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));

        await host.Services.GetRequiredService<CoachingOutboxProcessor>().RunOnceAsync(CancellationToken.None);

        var texts = CoachingTexts.Resolve(language);
        var lines = sent.Single(s => s.Conversation == "conv-u2").Text.Split('\n');
        Assert.Equal(texts.Format(texts.PromotedFormat, "Circular economy"), lines[0]);
        Assert.StartsWith(texts.PromotedCalendarFileFormat[..texts.PromotedCalendarFileFormat.IndexOf("{0}", StringComparison.Ordinal)], lines[1], StringComparison.Ordinal);
        await AssertSignedLinkAsync(host, lines[1], "u2");
    }

    [Theory]
    [InlineData(false, "The Teams meeting in your calendar is updated to the new time.")]
    [InlineData(true, "The event in your calendar is updated to the new time.")]
    public async Task SessionMoved_WithGraph_SeatHolderToldTheMeetingFollowsNoLink(bool onSite, string line)
    {
        var mode = onSite ? SessionMode.OnSite : SessionMode.Online;
        graph = await FakeGraphServer.StartAsync();
        using var host = Host(graph.Settings());
        var draft = CoachingTestHost.Draft(capacity: 5) with { Mode = mode, Location = mode == SessionMode.OnSite ? "CITEVE" : null };
        var session = await host.CreateSessionAsync(draft);
        await RegisterAsync(host, session.Id, "u1", "ana@example.org", "en");
        await RegisterAsync(host, session.Id, "u2", null, "en");   // no e-mail: not on the event, nothing said about it

        await MoveAsync(host, session.Id, draft with { StartsAt = draft.StartsAt.AddDays(2), EndsAt = draft.EndsAt.AddDays(2) });

        Assert.Equal(line, sent.Single(s => s.Conversation == "conv-u1").Text.Split('\n')[1]);
        Assert.DoesNotContain('\n', sent.Single(s => s.Conversation == "conv-u2").Text);
        Assert.DoesNotContain(sent, s => s.Text.Contains("/coaching/calendar/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "Good news: a seat freed up and you're now registered for Circular economy.\nThe Teams meeting invitation is on its way to your calendar.")]
    [InlineData("it", "Buone notizie: si è liberato un posto e ora la tua iscrizione a Circular economy è confermata.\nL'invito alla riunione di Teams arriverà nel tuo calendario.")]
    public async Task Promoted_WithGraph_ToldTheInvitationComes(string language, string said)
    {
        graph = await FakeGraphServer.StartAsync();
        using var host = Host(graph.Settings());
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 1));
        await RegisterAsync(host, session.Id, "u1", "ana@example.org", language);
        await RegisterAsync(host, session.Id, "u2", "rui@example.org", language);
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));

        await DrainAsync(host);

        Assert.Equal(said, sent.Single(s => s.Conversation == "conv-u2").Text);
    }

    [Fact]
    public async Task WithGraph_SeatHolderPastTheEventsAttendeeLimit_PromotionMoveAndNewLinkNoticesPromiseNoInvitation()
    {
        // Before: promoted to the 501st seat with an e-mail address, "The Teams meeting invitation is on its way to your
        // calendar.", then "The Teams meeting in your calendar is updated…" and "A new invitation is on its way…" — but
        // the event has the first 500 registered only (Graph's limit): they have the join link in the bot, nothing more.
        graph = await FakeGraphServer.StartAsync();
        using var host = Host(graph.Settings());
        var draft = CoachingTestHost.Draft(capacity: GraphCalendarGateway.MaxAttendees + 1);
        var session = await host.CreateSessionAsync(draft);
        await host.SeatConfirmedAsync(session.Id, GraphCalendarGateway.MaxAttendees - 1);
        await RegisterAsync(host, session.Id, "u0", "eva@example.org", "en");   // the 500th: on the event
        await RegisterAsync(host, session.Id, "u1", "ana@example.org", "en");   // the 501st
        await RegisterAsync(host, session.Id, "u2", "rui@example.org", "en");   // waitlisted, then the 501st
        await host.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().CancelAsync(session.Id, "u1", CancellationToken.None));
        await DrainAsync(host);

        var moved = draft with { StartsAt = draft.StartsAt.AddDays(2), EndsAt = draft.EndsAt.AddDays(2), RegistrationClosesAt = draft.RegistrationClosesAt.AddDays(2) };
        await MoveAsync(host, session.Id, moved);
        graph.Events.Clear();   // the organizer deleted the event in Outlook: the next edit makes it again, with a new link
        await MoveAsync(host, session.Id, moved with { Title = "Renamed" });

        var toU2 = sent.Where(s => s.Conversation == "conv-u2").Select(s => s.Text).ToList();
        Assert.Equal(3, toU2.Count);
        Assert.Equal("Good news: a seat freed up and you're now registered for Circular economy.", toU2[0]);
        Assert.All(toU2, t => Assert.DoesNotContain('\n', t));
        var toU0 = sent.Where(s => s.Conversation == "conv-u0").Select(s => s.Text).ToList();
        Assert.Equal(2, toU0.Count);
        Assert.EndsWith("\nThe Teams meeting in your calendar is updated to the new time.", toU0[0], StringComparison.Ordinal);
        Assert.EndsWith("\nA new invitation is on its way to your calendar.", toU0[1], StringComparison.Ordinal);
    }

    private CoachingTestHost Host(IDictionary<string, string?>? settings = null)
    {
        var host = new CoachingTestHost(settings);
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, Activity, CancellationToken>((c, a, _) => { lock (sent) { sent.Add((c, a.Text!)); } })
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
        return host;
    }

    private static async Task MoveAsync(CoachingTestHost host, Guid sessionId, SessionDraft? draft = null)
    {
        await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().UpdateAsync(sessionId, draft ?? CoachingTestHost.Draft(capacity: 1, inDays: 9), CancellationToken.None));
        await DrainAsync(host);
    }

    private static async Task DrainAsync(CoachingTestHost host)
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

    /// <summary>The line's link is the one the confirmation's card has: signed for that person's registration.</summary>
    private static async Task AssertSignedLinkAsync(CoachingTestHost host, string line, string user)
    {
        var match = Link().Match(line);
        Assert.True(match.Success, line);
        var registration = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Registrations().AsNoTracking().SingleAsync(r => r.UserAadObjectId == user));
        Assert.Equal(host.Services.GetRequiredService<CalendarLinks>().For(registration), match.Value);
        Assert.True(host.Services.GetRequiredService<CalendarLinks>().IsValid(registration.SessionId, registration.Id, match.Groups["s"].Value));
    }

    private static Task<RegistrationResult> RegisterAsync(CoachingTestHost host, Guid sessionId, string user, string? email, string language) => host.WithScopeAsync(sp =>
        sp.GetRequiredService<BookingService>().RegisterAsync(sessionId, new Participant(user, "User " + user, "tenant", email, "conv-" + user, language), CancellationToken.None));

    [GeneratedRegex(@"https://bot\.example\.org/coaching/calendar/[0-9a-f-]{36}\.ics\?r=[0-9a-f]{32}&s=(?<s>[A-Za-z0-9_-]+)$")]
    private static partial Regex Link();
}
