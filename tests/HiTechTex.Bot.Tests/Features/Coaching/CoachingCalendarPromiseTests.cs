using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// What the bot promises about a session's calendar is what this deployment does: with Graph configured, a Teams
/// meeting (its invitation in the attendee's calendar); without, a calendar file (.ics) — no "Teams" then, on the welcome
/// and help cards, the sessions list, the session card, the booking confirmation and the reminders.
/// </summary>
public sealed class CoachingCalendarPromiseTests : IAsyncLifetime
{
    private readonly List<Activity> sent = [];
    private FakeGraphServer? graph;

    public static TheoryData<string> Languages() => new(CoachingTexts.All.Select(t => t.Language));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (graph is not null)
        {
            await graph.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task WithoutGraph_ListDetailsConfirmationAndReminder_PromiseTheCalendarFile_NeverATeamsMeeting(string language)
    {
        // Before: "Where: Online (Teams)" on the list, the card and the reminder, though no Teams meeting is ever made
        // without Graph (the participant gets an .ics file), and the confirmation did not say how to get it.
        using var host = Host(graphSettings: null);
        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);
        var session = await host.CreateSessionAsync();

        var list = CoachingTestHost.CardText(await host.SubmitAsync(new { action = CoachingDialog.ListAction }));
        var registered = CoachingTestHost.CardText(await host.SubmitAsync(new { action = CoachingDialog.RegisterAction, sessionId = session.Id.ToString() }));
        host.Time.Advance(session.StartsAt - host.Time.GetUtcNow() - TimeSpan.FromMinutes(59));
        await host.Services.GetRequiredService<CoachingReminderProcessor>().RunOnceAsync(CancellationToken.None);

        var reminder = Assert.Single(sent);
        foreach (var card in new[] { list, registered, CardText(reminder) })
        {
            Assert.Contains(texts.OnlineWithoutTeams, card.Split('\n'));
            Assert.DoesNotContain("Teams", card, StringComparison.Ordinal);
        }

        Assert.Contains(texts.Format(texts.ConfirmedFormat, session.Title) + " " + texts.Format(texts.ConfirmedCalendarFileFormat, texts.AddToCalendar), registered.Split('\n'));
        Assert.Contains(texts.AddToCalendar, registered.Split('\n'));
    }

    [Fact]
    public async Task WithGraph_ConfirmationOfTheSeatPastTheEventsAttendeeLimit_PromisesNoInvitation()
    {
        // Before: the 501st seat holder was told "The Teams meeting invitation is on its way to your calendar.", but the
        // event has the first 500 registered only (Graph's limit): they have the join link in the bot, no invitation.
        graph = await FakeGraphServer.StartAsync();
        using var host = Host(graph.Settings());
        host.Connector.Setup(c => c.GetConversationMemberAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChannelAccount { Id = "29:user-1", Email = "ana@example.org" });
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync(CoachingTestHost.Draft(capacity: 501));
        await host.SeatConfirmedAsync(session.Id, GraphCalendarGateway.MaxAttendees);

        var registered = CoachingTestHost.CardText(await host.SubmitAsync(new { action = CoachingDialog.RegisterAction, sessionId = session.Id.ToString() }));

        Assert.Contains("You're registered for Circular economy.", registered.Split('\n'));
        Assert.DoesNotContain("invitation", registered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "ana@example.org", "ana@example.org")]
    [InlineData("  ", " ana@example.org ", "ana@example.org")]
    [InlineData("", null, null)]
    [InlineData(" ", "", null)]
    [InlineData("ana.lopes@example.org", "ana@example.org", "ana.lopes@example.org")]
    public async Task WithGraph_ABlankEmailFromTeams_TheSignInNameOrNoAddressIsTheAttendees(string email, string? userPrincipalName, string? stored)
    {
        // Before: Teams' empty "email" (a guest, an account without a mailbox) was stored as the seat holder's address
        // and sent to Graph as an attendee "" — the sign-in name was never tried.
        graph = await FakeGraphServer.StartAsync();
        using var host = Host(graph.Settings());
        host.Connector.Setup(c => c.GetConversationMemberAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChannelAccount { Id = "29:user-1", Email = email, UserPrincipalName = userPrincipalName });
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();

        var registered = CoachingTestHost.CardText(await host.SubmitAsync(new { action = CoachingDialog.RegisterAction, sessionId = session.Id.ToString() }));

        Assert.Contains("You're registered for Circular economy.", registered, StringComparison.Ordinal);
        Assert.Equal(stored, Assert.Single(await host.RegistrationsAsync(session.Id)).Email);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task WithGraph_TheListAndTheConfirmation_PromiseTheTeamsMeetingAndItsInvitation(string language)
    {
        graph = await FakeGraphServer.StartAsync();
        using var host = Host(graph.Settings());
        host.Connector.Setup(c => c.GetConversationMemberAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChannelAccount { Id = "29:user-1", Email = "ana@example.org" });
        await host.Conversation.SeedProfileAsync(language);
        var texts = CoachingTexts.Resolve(language);
        var session = await host.CreateSessionAsync();

        var list = CoachingTestHost.CardText(await host.SubmitAsync(new { action = CoachingDialog.ListAction }));
        var registered = CoachingTestHost.CardText(await host.SubmitAsync(new { action = CoachingDialog.RegisterAction, sessionId = session.Id.ToString() }));

        Assert.Contains(texts.Online, list.Split('\n'));
        Assert.Contains(texts.Format(texts.ConfirmedFormat, session.Title) + " " + texts.PromotedTeamsMeetingInvite, registered.Split('\n'));
        Assert.DoesNotContain(texts.AddToCalendar, registered.Split('\n'));
    }

    [Fact]
    public async Task WithoutGraph_TheCoordinatorsCard_NamesNoTeamsMeeting_AndTheFormOffersOnline()
    {
        using var host = Host(graphSettings: null);
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();

        var card = CoachingTestHost.CardText(await host.SubmitAsync(new { action = CoachingDialog.DetailsAction, sessionId = session.Id.ToString() }, CoachingTestHost.CoordinatorId));
        var form = CoachingTestHost.CardText(await host.SubmitAsync(new { action = CoachingDialog.NewAction }, CoachingTestHost.CoordinatorId));

        Assert.Contains("Calendar event", card.Split('\n'));
        Assert.Contains("calendar file (.ics)", card.Split('\n'));
        Assert.DoesNotContain("Teams", card, StringComparison.Ordinal);
        Assert.Contains("Online", form.Split('\n'));
        Assert.DoesNotContain("Online (Teams)", form, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Online")]
    [InlineData("es", "En línea")]
    [InlineData("tr", "Çevrimiçi")]
    public void CalendarFile_OfAnOnlineSessionWithoutMeeting_SaysOnlineInTheReadersLanguage_NotMicrosoftTeams(string language, string online)
    {
        var start = CoachingTestHost.Now.AddDays(3);
        var ics = SessionCalendarFile.Create(
            new CoachingSession
            {
                Id = Guid.NewGuid(), Title = "Circular economy", StartsAt = start, EndsAt = start.AddHours(2), TimeZone = "Europe/Lisbon",
                Mode = SessionMode.Online, OrganizerMailbox = "organizer@example.org", UpdatedAt = start,
            },
            CoachingTexts.Resolve(language));

        Assert.Contains("LOCATION:" + online + "\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Teams", ics, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void WelcomeAndHelp_SayWhatThisDeploymentGives_TeamsMeetingWithGraph_CalendarFileWithout(string language)
    {
        // Before: "…with the Teams meeting in your calendar." in every deployment, Graph or not.
        var texts = ConversationTexts.For(language);
        var renderer = new CardRenderer(new CardTemplateStore());
        var withGraph = new ConversationCards(renderer, Options.Create(new GraphOptions { TenantId = "t", ClientId = "c", ClientSecret = "s" }));
        var withoutGraph = new ConversationCards(renderer, Options.Create(new GraphOptions()));

        foreach (var (cards, said, unsaid) in new[]
        {
            (withGraph, texts.BookSessionDescription, texts.BookSessionDescriptionCalendarFile),
            (withoutGraph, texts.BookSessionDescriptionCalendarFile, texts.BookSessionDescription),
        })
        {
            foreach (var card in new[] { cards.Welcome(texts), cards.Help(texts) })
            {
                var json = card.Content!.Value.GetRawText();
                Assert.Contains(System.Text.Json.JsonSerializer.Serialize(said)[1..^1], json, StringComparison.Ordinal);
                Assert.DoesNotContain(System.Text.Json.JsonSerializer.Serialize(unsaid)[1..^1], json, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain("Teams", texts.BookSessionDescriptionCalendarFile, StringComparison.Ordinal);
        Assert.Contains(".ics", texts.BookSessionDescriptionCalendarFile, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRunningBotsWelcome_FollowsTheGraphConfiguration()
    {
        using var without = Host(graphSettings: null);
        using var with = Host(new Dictionary<string, string?> { ["Graph:TenantId"] = "t", ["Graph:ClientId"] = "c", ["Graph:ClientSecret"] = "s" });
        var texts = ConversationTexts.For("en");

        string Welcome(CoachingTestHost host)
        {
            using var scope = host.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<ConversationCards>().Welcome(texts).Content!.Value.GetRawText();
        }

        Assert.Contains("calendar file (.ics)", Welcome(without), StringComparison.Ordinal);
        Assert.Contains("with the Teams meeting in your calendar", Welcome(with), StringComparison.Ordinal);
    }

    private CoachingTestHost Host(IDictionary<string, string?>? graphSettings)
    {
        var host = new CoachingTestHost(graphSettings);
        host.Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, Activity, CancellationToken>((_, a, _) => { lock (sent) { sent.Add(a); } })
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
        return host;
    }

    private static string CardText(Activity activity) => CoachingTestHost.CardText([activity]);
}
