using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// A coordinator's session form (Edit, "new session") while an exchange application form waits: its Save carries the
/// session form's own form id, which the waiting application form used to take as an old form of its own ("This form
/// is no longer active: please use the newest one", nothing saved). Now it is saved on top, and the application form
/// still works.
/// </summary>
public sealed class SessionFormWhileAnotherFormWaitsTests : IDisposable
{
    private const string Coordinator = CoachingTestHost.CoordinatorId;

    private readonly CoachingTestHost host = new(
        new Dictionary<string, string?>
        {
            ["Exchanges:CosmeCountries:0"] = "PT",
            ["Exchanges:CosmeCountries:1"] = "ES",
            ["Exchanges:TimeZone"] = "Europe/Lisbon",
        },
        services => services.AddExchanges());

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task EditSave_WhileTheApplicationFormWaits_SavesTheSessionAndTheApplicationFormStillWorks()
    {
        await host.Conversation.SeedProfileAsync("en");
        var session = await host.CreateSessionAsync();
        var applicationForm = await host.SayAsync("apply for an exchange", Coordinator);
        var applicationFormId = FormIdOf(applicationForm);

        var edit = await host.SubmitAsync(new { action = CoachingDialog.EditAction, sessionId = session.Id.ToString() }, Coordinator);
        var save = SessionForm(edit, session.Id.ToString(), title: "Circular economy, moved");
        var saved = await host.SubmitAsync(save, Coordinator);

        var texts = saved.Select(r => r.Text ?? "").ToList();
        Assert.DoesNotContain(texts, t => t.Contains("no longer active", StringComparison.Ordinal));
        Assert.Contains(ConversationTexts.En.ExchangeFormStillOpen, texts);
        var stored = await host.WithScopeAsync(sp => sp.GetRequiredService<CatalogService>().GetAsync(session.Id, CancellationToken.None));
        Assert.Equal("Circular economy, moved", stored!.Session.Title);

        // The application form above was not touched: its Save still saves a draft.
        var draft = await host.SubmitAsync(ApplicationSave(applicationFormId), Coordinator);
        Assert.Contains(ExchangeTexts.English.DraftSaved, draft.Select(r => r.Text));
    }

    public static TheoryData<string> Languages => [.. ConversationTexts.All.Select(t => t.Language)];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EditSave_WhileTheApplicationFormWaits_TheReminderAfterTheSessionNamesTheApplicationForm(string language)
    {
        // Before: "Please fill in the form above" right under the saved session's card — "above" read as the session form.
        await host.Conversation.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);
        var session = await host.CreateSessionAsync();
        await host.SayAsync(ExchangeTexts.Resolve(language).ApplyCommands[0], Coordinator);

        var edit = await host.SubmitAsync(new { action = CoachingDialog.EditAction, sessionId = session.Id.ToString() }, Coordinator);
        var saved = await host.SubmitAsync(SessionForm(edit, session.Id.ToString(), title: "Circular economy, moved"), Coordinator);

        Assert.True(saved.Count >= 2, "the session's answer, then the reminder");
        Assert.Equal(texts.ExchangeFormStillOpen, saved[^1].Text);
        Assert.DoesNotContain(saved, r => r.Text == texts.FillInForm);
        var quoted = texts.ExchangeFormStillOpen.Split('"')[1];
        Assert.Equal(HiTechTex.Bot.Protocol.Dialogs.InterruptionKind.Cancel, HiTechTex.Bot.Protocol.Dialogs.InterruptionRecognizer.Recognize(quoted));
    }

    [Fact]
    public async Task NewSessionSave_WhileTheApplicationFormWaits_CreatesTheSession()
    {
        await host.Conversation.SeedProfileAsync("en");
        await host.SayAsync("apply for an exchange", Coordinator);

        var form = await host.SayAsync("new session", Coordinator);
        var saved = await host.SubmitAsync(SessionForm(form, "", title: "Smart textiles lab"), Coordinator);

        Assert.DoesNotContain(saved, r => (r.Text ?? "").Contains("no longer active", StringComparison.Ordinal));
        var titles = await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Sessions().Select(s => s.Title).ToListAsync());
        Assert.Equal(["Smart textiles lab"], titles);
    }

    /// <summary>
    /// "new session" typed by a participant while their application form waits: whom it is for and the help card, on top —
    /// the form stays open (before: the coaching journey's bare refusal).
    /// </summary>
    [Fact]
    public async Task NewSession_ByAParticipantWhileTheApplicationFormWaits_RefusedOnTopAndTheFormStillWorks()
    {
        await host.Conversation.SeedProfileAsync("en");
        var applicationFormId = FormIdOf(await host.SayAsync("apply for an exchange"));

        var replies = await host.SayAsync("new session");

        Assert.Equal(ConversationTexts.En.OnlySessionCoordinators, replies[0].Text);
        Assert.Contains(ConversationTexts.En.HelpTitle, HiTechTex.Bot.Testing.Cards.CardJson.Texts(Assert.Single(replies[1].Attachments!).Content!.Value));
        Assert.Equal(ConversationTexts.En.ExchangeFormStillOpen, replies[^1].Text);
        var draft = await host.SubmitAsync(ApplicationSave(applicationFormId));
        Assert.Contains(ExchangeTexts.English.DraftSaved, draft.Select(r => r.Text));
    }

    [Fact]
    public async Task AStaleApplicationFormsSave_WhileANewerOneWaits_IsStillRefused()
    {
        await host.Conversation.SeedProfileAsync("en");
        var first = FormIdOf(await host.SayAsync("apply for an exchange", Coordinator));
        await host.SayAsync("cancel", Coordinator);
        await host.SayAsync("apply for an exchange", Coordinator);

        // The waiting journey's own (older) form: still its prompt's answer, refused as before.
        var replies = await host.SubmitAsync(ApplicationSave(first), Coordinator);

        Assert.DoesNotContain(ExchangeTexts.English.DraftSaved, replies.Select(r => r.Text));
        Assert.Empty(await host.WithScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Set<ExchangeApplication>().ToListAsync()));
    }

    private static string FormIdOf(IReadOnlyList<Activity> replies) =>
        CoachingTestHost.CardOf(replies).GetProperty("actions").EnumerateArray()
            .Select(a => a.TryGetProperty("data", out var d) && d.TryGetProperty("formId", out var id) ? id.GetString() : null)
            .First(id => id is not null)!;

    /// <summary>The valid session form (<see cref="CoachingTestHost.SessionForm"/>) as this form's Save sends it.</summary>
    private static System.Text.Json.Nodes.JsonObject SessionForm(IReadOnlyList<Activity> formReplies, string sessionId, string title)
    {
        var form = CoachingTestHost.SessionForm();
        form["sessionId"] = sessionId;
        form["formId"] = FormIdOf(formReplies);
        form["title"] = title;
        return form;
    }

    private static Dictionary<string, string> ApplicationSave(string formId) => new()
    {
        ["formId"] = formId,
        ["op"] = "save",
        ["visitingId"] = "hitechtex-citeve",
        ["hostQuery"] = "clutex",
        ["hostId"] = "hitechtex-clutex",
        ["startDate"] = "2027-03-01",
        ["endDate"] = "2027-03-05",
        ["activityType"] = "KnowledgeSharing",
        ["objectives"] = "Learn the nonwoven pilot line.",
        ["agenda"] = "Day 1: lab.",
        ["outcomes"] = "A joint proposal.",
    };
}
