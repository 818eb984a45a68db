using System.Text.Json;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// An application sent back with "changes requested", edited step by step (the form's "Answer step by step"): every
/// question shows its current answer to keep or replace, the ones the comment is about are marked, and the check
/// before Submit says what changed.
/// </summary>
public sealed class ExchangeStepByStepEditTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private readonly ExchangeDialogTestHost host = new();
    private string? formId;

    public void Dispose() => host.Dispose();

    /// <summary>Each of the six languages with its word for cancel.</summary>
    public static TheoryData<string, string> CancelInEachLanguage => new()
    {
        { "en", "cancel" }, { "pt", "cancelar" }, { "es", "cancelar" }, { "it", "annulla" }, { "tr", "iptal" }, { "cs", "zrušit" },
    };

    [Fact]
    public async Task ChangesRequested_EditedStepByStep_EachAnswerShownToKeepTheAgendaMarkedAndTheChangeSummarised()
    {
        // Before: every question was asked from scratch, as for a new application, and nothing said what changed.
        await host.Conversation.SeedProfileAsync("en");
        var application = await StoreSentBackAsync("The agenda is too thin: say what happens each day.");
        string? check = null;

        await OpenStepByStep(application, En)
            .AssertReply(r => Assert.Equal(
                $"Rui Gestor asked for changes: “The agenda is too thin: say what happens each day.”\n\n{En.EditStepByStepIntro}", r.Text), "what was asked, and how to keep")
            .AssertReply(r => AssertQuestionWithKeep(r, En.AskHost, "CLUTEX — Klastr Technické Textilie (Liberec, CZ)", "Host"), "the host, to keep")
            .Send("keep")
            .AssertReply($"{En.HostOrganisation}: CLUTEX — Klastr Technické Textilie (Liberec, CZ)")
            .AssertReply(r => AssertQuestionWithKeep(r, En.AskStartDate, "1 Mar 2027", "StartDate"), "the first day, to keep")
            .Send(() => host.Conversation.Submit(new { choice = En.KeepButton, keep = "StartDate" }))
            .AssertReply(r => AssertQuestionWithKeep(r, En.AskEndDate, "5 Mar 2027", "EndDate"), "the last day, to keep")
            .Send("Same")
            .AssertReply(r => Assert.Equal($"{En.ChooseActivityType}\n\n{En.CurrentAnswer}: {En.ActivityTypes[ExchangeActivityType.Networking]}", r.Text), "the activity type, to keep")
            .Send(En.KeepButton)
            .AssertReply(r => AssertQuestionWithKeep(r, En.AskObjectives, "Meet the nonwoven partners.", "Objectives"), "the objectives, to keep")
            .Send("keep")
            .AssertReply(r => AssertQuestionWithKeep(r, $"{En.CommentIsAboutThis}\n\n{En.AskAgenda}", "Day 1: lab.", "Agenda"), "the agenda, marked")
            .Send("Day 1: lab tour. Days 2-4: trials on the pilot line. Day 5: results.")
            .AssertReply(r => AssertQuestionWithKeep(r, En.AskOutcomes, "A joint proposal.", "Outcomes"), "the outcomes, to keep")
            .Send("keep")
            .AssertReply(r => check = r.Text, "the check")
            .AssertReply(r => Assert.Equal(En.ChooseNext, r.Text), "submit, save or cancel")
            .Send(En.SubmitButton)
            .AssertReply(r => Assert.Contains(En.Statuses[ExchangeStatus.Stage1], JsonSerializer.Serialize(Assert.Single(r.Attachments!).Content), StringComparison.Ordinal), "the card")
            .StartTestAsync();

        Assert.StartsWith($"{En.WhatChanged}\n- {En.Agenda}: {En.NewAnswer}\n\n{En.Period}: 1 Mar 2027 – 5 Mar 2027", check, StringComparison.Ordinal);
        var stored = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ExchangeStatus.Stage1, stored.Status);
        Assert.Equal(("hitechtex-clutex", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5), ExchangeActivityType.Networking),
            (stored.HostOrganisationId, stored.StartDate, stored.EndDate, stored.ActivityType));
        Assert.Equal(("Meet the nonwoven partners.", "Day 1: lab tour. Days 2-4: trials on the pilot line. Day 5: results.", "A joint proposal."),
            (stored.Objectives, stored.Agenda, stored.ExpectedOutcomes));
        Assert.Equal(ExchangeAction.Submitted, (await host.AuditAsync(stored.Id))[^1].Action);
    }

    [Fact]
    public async Task ChangesRequested_PortugueseWords_KeepAnEarlierKeepButtonKeepsNothingAndTheDatesAreMarked()
    {
        var pt = ExchangeTexts.Resolve("pt");
        host.Conversation.Adapter.Locale = "pt-PT";
        await host.Conversation.SeedProfileAsync("pt");
        var application = await StoreSentBackAsync("As datas não servem, mudem a semana.");
        string? check = null;

        await OpenStepByStep(application, pt)
            .AssertReply(r => Assert.StartsWith("Rui Gestor pediu alterações: “As datas não servem, mudem a semana.”", r.Text, StringComparison.Ordinal), "what was asked")
            .AssertReply(r => Assert.Equal(pt.AskHost, r.Text), "the host, not marked")
            .Send("manter")
            .AssertReplyContains(pt.HostOrganisation)
            .AssertReply(r => Assert.Equal($"{pt.CommentIsAboutThis}\n\n{pt.AskStartDate}", r.Text), "the first day, marked")
            .Send("2027-03-08")
            .AssertReply(r => Assert.Equal($"{pt.CommentIsAboutThis}\n\n{pt.AskEndDate}", r.Text), "the last day, marked")
            .Send("12 de março de 2027")
            .AssertReply(r => Assert.StartsWith(pt.ChooseActivityType, r.Text, StringComparison.Ordinal), "the activity type")
            .Send("igual")
            .AssertReply(r => Assert.Equal(pt.AskObjectives, r.Text), "the objectives")
            // The Keep button of the first day, still in the chat: keeps no objectives.
            .Send(() => host.Conversation.Submit(new { choice = pt.KeepButton, keep = "StartDate" }))
            .AssertReply(r => Assert.Equal(pt.Problems[EligibilityProblem.ObjectivesMissing], r.Text), "asked again")
            .Send(() => host.Conversation.Submit(new { choice = pt.KeepButton, keep = "Objectives" }))
            .AssertReply(r => Assert.Equal(pt.AskAgenda, r.Text), "the agenda")
            .Send("Manter.")
            .AssertReply(r => Assert.Equal(pt.AskOutcomes, r.Text), "the outcomes")
            .Send("mantém")
            .AssertReply(r => check = r.Text, "the check")
            .AssertReply(r => Assert.Equal(pt.ChooseNext, r.Text), "submit, save or cancel")
            .Send(pt.SaveDraftButton)
            .AssertReply(pt.DraftSaved)
            .AssertReply(_ => { }, "the card")
            .StartTestAsync();

        Assert.StartsWith($"{pt.WhatChanged}\n- {pt.StartDate}: 1 mar. 2027 → 8 mar. 2027\n- {pt.EndDate}: 5 mar. 2027 → 12 mar. 2027\n\n", check, StringComparison.Ordinal);
        var stored = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal((ExchangeStatus.ChangesRequested, new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 12)), (stored.Status, stored.StartDate, stored.EndDate));
        Assert.Equal(("Meet the nonwoven partners.", "Day 1: lab.", "A joint proposal.", ExchangeActivityType.Networking),
            (stored.Objectives, stored.Agenda, stored.ExpectedOutcomes, stored.ActivityType));
    }

    [Fact]
    public async Task ChangesRequested_KeptFirstDayNowInThePast_RefusedAndAskedAgain()
    {
        await host.Conversation.SeedProfileAsync("en");
        var application = await StoreSentBackAsync("Please check the dates.");
        host.Time.SetUtcNow(new DateTimeOffset(2027, 3, 2, 9, 0, 0, TimeSpan.Zero));

        await OpenStepByStep(application, En)
            .AssertReply(r => Assert.Contains(En.EditStepByStepIntro, r.Text, StringComparison.Ordinal), "the intro")
            .AssertReply(r => Assert.Equal(En.AskHost, r.Text), "the host")
            .Send("keep")
            .AssertReplyContains(En.HostOrganisation)
            .AssertReply(r => Assert.Equal($"{En.CommentIsAboutThis}\n\n{En.AskStartDate}", r.Text), "the first day")
            .Send("keep")
            .AssertReply(En.DateInPast)
            .Send("2027-03-15")
            .AssertReply(r => Assert.Equal($"{En.CommentIsAboutThis}\n\n{En.AskEndDate}", r.Text), "the last day")
            // 5 March is now before the first day: not kept either.
            .Send("keep")
            .AssertReply(string.Format(System.Globalization.CultureInfo.InvariantCulture, En.EndBeforeStartFormat, "15 Mar 2027"))
            .StartTestAsync();
    }

    /// <summary>
    /// The Keep button of a question of an edit that has ended (here: cancelled), still clickable in the chat: keeps
    /// nothing, and says the question is over before the menu (before: the menu alone, as if the click had done something).
    /// </summary>
    [Theory]
    [MemberData(nameof(CancelInEachLanguage))]
    public async Task ChangesRequested_KeepClickedAfterTheEditEnded_SaysTheQuestionIsOverThenTheMenu(string language, string cancel)
    {
        var conversation = HiTechTex.Bot.Features.Conversation.ConversationTexts.For(language);
        var keep = await KeepOfACancelledEditAsync(language, cancel);

        await host.Conversation.Flow()
            .Send(() => host.Conversation.Adapter.MakeSubmit(keep))
            .AssertReply(conversation.QuestionEnded)
            .AssertReply(r => Assert.Contains(conversation.WelcomeTitle, HiTechTex.Bot.Testing.Cards.CardJson.Texts(Assert.Single(r.Attachments!).Content!.Value)), "the menu")
            .AssertNoReply()
            .StartTestAsync();

        var stored = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal((ExchangeStatus.ChangesRequested, HiTechTexPartners.ClutexId), (stored.Status, stored.HostOrganisationId));
    }

    /// <summary>
    /// The Keep of an edit that has ended, clicked while another journey's question waits ("delete my data?"): no answer
    /// to it (before: read as one, a try used), said to belong to an earlier question, the waiting question asked again;
    /// that question's own button still answers it.
    /// </summary>
    [Theory]
    [MemberData(nameof(CancelInEachLanguage))]
    public async Task ChangesRequested_OldKeepClickedWhileAnotherJourneysQuestionWaits_SaidEarlierAndAskedAgain(string language, string cancel)
    {
        var conversation = HiTechTex.Bot.Features.Conversation.ConversationTexts.For(language);
        var keep = await KeepOfACancelledEditAsync(language, cancel);
        JsonElement no = default;

        await host.Conversation.Flow()
            .Send("delete my data")
            .AssertReply(r => no = ButtonData(r, 1), "delete my data?")
            .Send(() => host.Conversation.Adapter.MakeSubmit(keep))
            .AssertReply(conversation.EarlierQuestionButton)
            .AssertReply(r => Assert.StartsWith(conversation.ConfirmDeleteData, r.Text, StringComparison.Ordinal), "asked again")
            .AssertNoReply()
            .Send(() => host.Conversation.Adapter.MakeSubmit(no))
            .AssertReply(conversation.DataKept)
            .StartTestAsync();

        Assert.NotNull(await host.Conversation.ReadProfileAsync());
        var stored = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal((ExchangeStatus.ChangesRequested, HiTechTexPartners.ClutexId, 3), (stored.Status, stored.HostOrganisationId, stored.Version));
    }

    /// <summary>
    /// The Keep of an edit that has ended, clicked while a new edit asks the same question: before, it named the same
    /// question and kept the answer of the question waiting now; now its id is the earlier question's (or altered), so it
    /// keeps nothing and the question is asked again, and the Keep of the question waiting still keeps.
    /// </summary>
    [Fact]
    public async Task ChangesRequested_KeepOfAnEndedEditOrAlteredId_KeepsNothingInTheNewEdit_ItsOwnKeepStillKeeps()
    {
        var conversation = HiTechTex.Bot.Features.Conversation.ConversationTexts.For("en");
        const string Clutex = "CLUTEX — Klastr Technické Textilie (Liberec, CZ)";
        var oldKeep = await KeepOfACancelledEditAsync("en", "cancel");
        JsonElement keep = default;

        await OpenStepByStep(Assert.Single(await host.ApplicationsAsync()), En)
            .AssertReply(r => Assert.Contains(En.EditStepByStepIntro, r.Text, StringComparison.Ordinal), "the intro again")
            .AssertReply(r => keep = KeepData(r), "the host, to keep, again")
            .Send(() => host.Conversation.Adapter.MakeSubmit(oldKeep))
            .AssertReply(conversation.EarlierQuestionButton)
            .AssertReply(r => AssertQuestionWithKeep(r, En.AskHost, Clutex, "Host"), "the host asked again")
            .Send(() => host.Conversation.Submit(new { choice = En.KeepButton, keep = "Host", prompt = "0123456789abcdef" }))
            .AssertReply(conversation.EarlierQuestionButton)
            .AssertReply(r => AssertQuestionWithKeep(r, En.AskHost, Clutex, "Host"), "the host asked again")
            .Send(() => host.Conversation.Adapter.MakeSubmit(keep))
            .AssertReply($"{En.HostOrganisation}: {Clutex}")
            .AssertReply(r => Assert.Equal($"{En.CommentIsAboutThis}\n\n{En.AskStartDate}", r.Text), "the first day")
            .StartTestAsync();

        Assert.NotEqual(oldKeep.GetProperty(PromptButtons.PromptKey).GetString(), keep.GetProperty(PromptButtons.PromptKey).GetString());
        var stored = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal((ExchangeStatus.ChangesRequested, 3), (stored.Status, stored.Version));
    }

    [Theory]
    [InlineData("The agenda is too thin.", new[] { "Agenda" })]
    [InlineData("Revejam as datas e os objetivos.", new[] { "StartDate", "EndDate", "Objectives" })]
    [InlineData("Gli obiettivi e i risultati attesi non sono chiari", new[] { "Objectives", "Outcomes" })]
    [InlineData("Upravte prosím cíle a harmonogram.", new[] { "Objectives", "Agenda" })]
    [InlineData("Ev sahibi kuruluşu değiştirin", new[] { "Host" })]
    [InlineData("Cambien el tipo de actividad", new[] { "ActivityType" })]
    [InlineData("Say what happens each day.", new string[0])]
    [InlineData("Looks fine, just resubmit please.", new string[0])]
    public void CommentTopics_NameTheQuestionsTheCommentIsAbout(string comment, string[] expected) =>
        Assert.Equal(expected.Order(), ExchangeCommentTopics.Of(comment).Select(q => q.ToString()).Order());

    [Theory]
    [InlineData("keep")]
    [InlineData("Same.")]
    [InlineData("IGUAL")]
    [InlineData("aynı")]
    [InlineData("ponechat")]
    [InlineData("mantieni!")]
    public void IsKeep_TheKeepWordsOfEveryLanguage(string typed) => Assert.True(ExchangeTexts.IsKeep(typed));

    [Theory]
    [InlineData("keep the same agenda but add a day")]
    [InlineData("")]
    [InlineData("Clutex")]
    public void IsKeep_NotAnAnswerThatSaysMore(string typed) => Assert.False(ExchangeTexts.IsKeep(typed));

    private TestFlow OpenStepByStep(ExchangeApplication application, ExchangeTexts texts) => host.Conversation.Flow()
        .Send(() => host.Conversation.Submit(new { action = ExchangeVerbs.Edit, exchangeId = application.Id.ToString() }))
        .AssertReply(r => formId = System.Text.RegularExpressions.Regex.Match(JsonSerializer.Serialize(Assert.Single(r.Attachments!).Content), "\"formId\":\"([0-9a-f]{32})\"").Groups[1].Value, "the form")
        .Send(() => host.Conversation.Submit(new { op = "stepByStep", formId, formNoInputs = true }));

    /// <summary>
    /// An application sent back ("Please check the dates."), edited step by step in <paramref name="language"/> up to the
    /// host question, then cancelled: the data of that question's Keep button, still clickable in the chat.
    /// </summary>
    private async Task<JsonElement> KeepOfACancelledEditAsync(string language, string cancel)
    {
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        var application = await StoreSentBackAsync("Please check the dates.");
        JsonElement keep = default;
        await OpenStepByStep(application, texts)
            .AssertReply(r => Assert.Contains(texts.EditStepByStepIntro, r.Text, StringComparison.Ordinal), "the intro")
            .AssertReply(r => keep = KeepData(r), "the host, to keep")
            .Send(cancel)
            .AssertReply(HiTechTex.Bot.Features.Conversation.ConversationTexts.For(language).Cancelled)
            .StartTestAsync();
        return keep;
    }

    /// <summary>The data of the Keep button on a question's card.</summary>
    private static JsonElement KeepData(Activity reply) => ButtonData(reply, 0);

    /// <summary>The data of a reply's card's button at <paramref name="index"/>.</summary>
    private static JsonElement ButtonData(Activity reply, int index) =>
        Assert.Single(reply.Attachments!).Content!.Value.GetProperty("actions")[index].GetProperty("data").Clone();

    /// <summary>A question with the card of its current answer (shown literally) and the Keep button of that question.</summary>
    private static void AssertQuestionWithKeep(Activity reply, string question, string current, string which)
    {
        Assert.Equal(question, reply.Text);
        var card = Assert.Single(reply.Attachments ?? []).Content!.Value;
        var run = card.GetProperty("body")[1].GetProperty("inlines")[0];
        Assert.Equal(("TextRun", current), (run.GetProperty("type").GetString(), run.GetProperty("text").GetString()));
        var data = Assert.Single(card.GetProperty("actions").EnumerateArray()).GetProperty("data");
        Assert.Equal((En.KeepButton, which), (data.GetProperty("choice").GetString(), data.GetProperty("keep").GetString()));
    }

    /// <summary>An application of the test user, submitted and sent back by CITEVE's manager with <paramref name="comment"/>.</summary>
    private async Task<ExchangeApplication> StoreSentBackAsync(string comment)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = ExchangeDialogTestHost.ApplicantId, ApplicantUserId = "29:user-1", ApplicantName = "Ana", TenantId = "tenant",
            ApplicantLanguage = "en", ApplicantConversationId = "a:conversation-1", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5),
            ActivityType = ExchangeActivityType.Networking, Objectives = "Meet the nonwoven partners.", Agenda = "Day 1: lab.", ExpectedOutcomes = "A joint proposal.",
        };
        await store.CreateAsync(application, CancellationToken.None);
        var applicant = new ExchangeActor(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant");
        var manager = new ExchangeActor(ExchangeDialogTestHost.VisitingManagerId, "Rui Gestor", "29:manager", "tenant");
        Assert.True(await store.TransitionAsync(application.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, applicant, null, null, CancellationToken.None));
        Assert.True(await store.TransitionAsync(application.Id, 2, ExchangeStatus.Stage1, ExchangeStatus.ChangesRequested, ExchangeAction.ChangesRequested, manager, comment, null, CancellationToken.None));
        return (await store.FindAsync(application.Id, CancellationToken.None))!;
    }
}
