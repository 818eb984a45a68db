using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>The step-by-step application through the real main dialog, turn by turn, applicant at CITEVE (PT).</summary>
public sealed class ExchangeStepByStepDialogTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task StepByStep_WholeConversationThenSubmit_SubmittedAndStage1ApprovalStartedAsWithTheForm()
    {
        await host.Conversation.SeedProfileAsync("en");

        await AnswerEverything(host.Conversation.Flow(), "2027-03-01", "2027-03-05")
            .AssertReply(r => AssertContains(r.Text, $"{En.Eligibility}: {En.Eligible}", $"{En.LumpSum}: €780"), "the check")
            .AssertReply(r => AssertChoices(r, En.ChooseNext, [En.SubmitButton, En.SaveDraftButton, En.CancelButton]), "the choice")
            .Send(En.SubmitButton)
            .AssertReply(r => AssertCardContains(r, En.Statuses[ExchangeStatus.Stage1]), "the application card")
            .AssertNoReply()
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ExchangeStatus.Stage1, application.Status);
        Assert.Equal(HiTechTexPartners_Citeve, application.VisitingOrganisationId);
        Assert.Equal("hitechtex-clutex", application.HostOrganisationId);
        Assert.Equal(new DateOnly(2027, 3, 1), application.StartDate);
        Assert.Equal(new DateOnly(2027, 3, 5), application.EndDate);
        Assert.Equal(ExchangeActivityType.KnowledgeSharing, application.ActivityType);
        Assert.Equal("Learn the nanofibre lab methods.", application.Objectives);
        Assert.Equal("Day 1 lab tour, days 2-5 trials.", application.Agenda);
        Assert.Equal("A joint project proposal.", application.ExpectedOutcomes);
        Assert.Equal([ExchangeAction.Created, ExchangeAction.Submitted], (await host.AuditAsync(application.Id)).Select(a => a.Action));
        host.Messenger.Verify(m => m.SendToUserAsync(ExchangeDialogTestHost.VisitingManagerId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    /// <summary>
    /// Teams sends the typed text as HTML ("R&amp;amp;D", "&amp;lt;b&amp;gt;"): the answer was stored with its entities and
    /// shown double-escaped. Now it is kept as typed, and the application card shows it literally — a text run, so the
    /// decoded "&lt;b&gt;" is two characters, not bold.
    /// </summary>
    [Fact]
    public async Task StepByStep_HtmlEntitiesInAnAnswer_KeptAsTypedAndShownLiterally()
    {
        const string Typed = "Learn R&D <b>nanofibre</b> methods";
        await host.Conversation.SeedProfileAsync("en");

        await AnswerEverything(host.Conversation.Flow(), "2027-03-01", "2027-03-05", objectives: "Learn R&amp;D &lt;b&gt;nanofibre&lt;/b&gt; methods")
            .AssertReply(r => AssertContains(r.Text, $"{En.Eligibility}: {En.Eligible}"), "the check")
            .AssertReply(r => AssertChoices(r, En.ChooseNext, [En.SubmitButton, En.SaveDraftButton, En.CancelButton]), "the choice")
            .Send(En.SubmitButton)
            .AssertReply(r =>
            {
                var holders = HiTechTex.Bot.Testing.Cards.CardJson.Elements(System.Text.Json.JsonDocument.Parse(CardJson(r)).RootElement)
                    .Where(e => e.TryGetProperty("text", out var t) && t.GetString()!.Contains("<b>", StringComparison.Ordinal))
                    .ToList();
                var holder = Assert.Single(holders);
                Assert.Equal(("TextRun", Typed), (holder.GetProperty("type").GetString(), holder.GetProperty("text").GetString()));
            }, "the application card")
            .StartTestAsync();

        Assert.Equal(Typed, Assert.Single(await host.ApplicationsAsync()).Objectives);
    }

    [Fact]
    public async Task StepByStep_SubmitClickedTwice_SecondToldItIsSubmittedAlreadyNotTheMenu()
    {
        // Before: the second click of "Submit for approval" (the question over) showed the bare menu.
        await host.Conversation.SeedProfileAsync("en");
        string? second = null;

        await AnswerEverything(host.Conversation.Flow(), "2027-03-01", "2027-03-05")
            .AssertReply(r => AssertContains(r.Text, $"{En.Eligibility}: {En.Eligible}"), "the check")
            .AssertReply(r => AssertChoices(r, En.ChooseNext, [En.SubmitButton, En.SaveDraftButton, En.CancelButton]), "the choice")
            .Send(() => host.Conversation.Submit(new { choice = En.SubmitButton }))
            .AssertReply(r => AssertCardContains(r, En.Statuses[ExchangeStatus.Stage1]), "the application card")
            .Send(() => host.Conversation.Submit(new { choice = En.SubmitButton }))
            .AssertReply(r => second = r.Text, "already submitted")
            .AssertNoReply()
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ExchangeStatus.Stage1, application.Status);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, En.AlreadySubmittedFormat, application.Reference), second);
        Assert.Equal([ExchangeAction.Created, ExchangeAction.Submitted], (await host.AuditAsync(application.Id)).Select(a => a.Action));
    }

    [Fact]
    public async Task StepByStep_OtherChoiceClickedAfterTheQuestionEnded_StillTheMenu()
    {
        // Only "Submit for approval" of an applicant with a submitted application is known; any other stale choice keeps the menu.
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send(() => host.Conversation.Submit(new { choice = En.SubmitButton }))
            .AssertReply(r => Assert.Single(r.Attachments ?? []), "the menu")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task StepByStep_TwoWorkingDays_ShowsTheReasonOffersNoSubmitAndSavesADraft()
    {
        await host.Conversation.SeedProfileAsync("en");

        // Friday to Monday: two working days.
        await AnswerEverything(host.Conversation.Flow(), "2027-03-05", "2027-03-08")
            .AssertReply(r => AssertContains(r.Text, En.Problems[EligibilityProblem.TooFewWorkingDays]), "the reasons")
            .AssertReply(r => AssertChoices(r, En.ChooseNext, [En.SaveDraftButton, En.CancelButton]), "the choice without Submit")
            .Send(En.SubmitButton)
            .AssertReply(r => AssertChoices(r, En.ChooseOneRetry, [En.SaveDraftButton, En.CancelButton]), "the choice again, saying how to answer")
            .Send(En.SaveDraftButton)
            .AssertReply(En.DraftSaved)
            .AssertReply(r => AssertCardContains(r, En.Statuses[ExchangeStatus.Draft]), "the draft card")
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ExchangeStatus.Draft, application.Status);
        Assert.Equal(new DateOnly(2027, 3, 8), application.EndDate);
        host.Messenger.Verify(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("en", "Easter Monday")]
    [InlineData("cs", "Velikonoční pondělí")]
    public async Task StepByStep_AHolidayOfTheHostCountryAsFirstOrLastWorkingDay_RefusedNamingTheHolidayAndAskedAgain(string language, string holiday)
    {
        // Before: Easter Monday 29 March 2027 at the Czech host taken as the first working day.
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);

        await host.Conversation.Flow()
            .Send(texts.StepByStepCommands[0])
            .AssertReply(texts.AskHost)
            .Send("Clutex")
            .AssertReplyContains(texts.HostOrganisation)
            .AssertReply(texts.AskStartDate)
            .Send("2027-03-29")
            .AssertReply(r =>
            {
                Assert.StartsWith(texts.StartDate, r.Text, StringComparison.Ordinal);
                Assert.Contains(holiday, r.Text, StringComparison.Ordinal);
            }, "the reason")
            .Send("2027-03-22")
            .AssertReply(texts.AskEndDate)
            .Send("2027-03-26")
            .AssertReply(r =>
            {
                Assert.StartsWith(texts.EndDate, r.Text, StringComparison.Ordinal);
                Assert.Contains(language == "en" ? "Good Friday" : "Velký pátek", r.Text, StringComparison.Ordinal);
            }, "the reason")
            .Send("2027-03-25")
            .AssertReply(r => Assert.Equal(texts.ChooseActivityType, r.Text), "the activity types")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    public async Task StepByStep_ASaturdayAsFirstOrLastWorkingDay_RefusedNamingTheFieldAndAskedAgain(string language)
    {
        // Before: 6 March 2027 (a Saturday) taken as the first working day, and the check said "Eligible".
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);

        await host.Conversation.Flow()
            .Send(texts.StepByStepCommands[0])
            .AssertReply(texts.AskHost)
            .Send("Clutex")
            .AssertReplyContains(texts.HostOrganisation)
            .AssertReply(texts.AskStartDate)
            .Send("2027-03-06")
            .AssertReply(r => { Assert.Equal(texts.Problems[EligibilityProblem.StartOnWeekend], r.Text); Assert.StartsWith(texts.StartDate, r.Text, StringComparison.Ordinal); }, "the reason")
            .Send("2027-03-08")
            .AssertReply(texts.AskEndDate)
            .Send("2027-03-13")
            .AssertReply(r => { Assert.Equal(texts.Problems[EligibilityProblem.EndOnWeekend], r.Text); Assert.StartsWith(texts.EndDate, r.Text, StringComparison.Ordinal); }, "the reason")
            .Send("2027-03-12")
            .AssertReply(r => Assert.Equal(texts.ChooseActivityType, r.Text), "the activity types")
            .StartTestAsync();
    }

    [Fact]
    public async Task StepByStep_EligibleThenSaveDraft_DraftStoredAndNoApprovalStarted()
    {
        await host.Conversation.SeedProfileAsync("en");

        await AnswerEverything(host.Conversation.Flow(), "2027-03-01", "2027-03-05")
            .AssertReply(r => AssertContains(r.Text, En.Eligible), "the check")
            .AssertReply(r => AssertChoices(r, En.ChooseNext, [En.SubmitButton, En.SaveDraftButton, En.CancelButton]), "the choice")
            .Send(En.SaveDraftButton)
            .AssertReply(En.DraftSaved)
            .AssertReply(r => AssertCardContains(r, En.Statuses[ExchangeStatus.Draft]), "the draft card")
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ExchangeStatus.Draft, application.Status);
        Assert.Equal([ExchangeAction.Created], (await host.AuditAsync(application.Id)).Select(a => a.Action));
        host.Messenger.Verify(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task StepByStep_ProfileOrganisationMatchesSeveral_AsksWhichAndSubmitsForTheChosenOne()
    {
        // "Textil" names no one organisation: CITEVE (Portuguese Textile Cluster), ATEVAL, AEI Tèxtils and CLUTEX match it.
        await host.Conversation.SeedProfileAsync("en", organisation: "Textil");

        await AnswerEverything(host.Conversation.Flow(), "2027-03-01", "2027-03-05", visiting: "Portuguese Textile Cluster")
            .AssertReply(r => AssertContains(r.Text, $"{En.Eligibility}: {En.Eligible}"), "the check")
            .AssertReply(r => AssertChoices(r, En.ChooseNext, [En.SubmitButton, En.SaveDraftButton, En.CancelButton]), "the choice with Submit")
            .Send(En.SubmitButton)
            .AssertReply(r => AssertCardContains(r, En.Statuses[ExchangeStatus.Stage1]), "the application card")
            .AssertNoReply()
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal((ExchangeStatus.Stage1, HiTechTexPartners_Citeve), (application.Status, application.VisitingOrganisationId));
        host.Messenger.Verify(m => m.SendToUserAsync(ExchangeDialogTestHost.VisitingManagerId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task StepByStep_ProfileOrganisationMatchesSeveral_OnlyThoseOfferedAndAnotherNotAccepted()
    {
        await host.Conversation.SeedProfileAsync("en", organisation: "Textil");

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(
                r =>
                {
                    AssertChoices(r, En.ChooseVisiting, ["Portuguese Textile Cluster / CITEVE (Vila Nova de Famalicão, PT)", "CLUTEX — Klastr Technické Textilie (Liberec, CZ)"]);
                    Assert.DoesNotContain("Tecnotessile", CardJson(r), StringComparison.Ordinal);
                },
                "the organisations matching the profile's")
            .Send("NTT — Next Technology Tecnotessile")
            .AssertReply(r => AssertChoices(r, En.ChooseOneRetry, ["CLUTEX — Klastr Technické Textilie (Liberec, CZ)"]), "asked again, saying how to answer")
            .Send("Clutex")
            .AssertReply($"{En.VisitingOrganisationLabel}: CLUTEX — Klastr Technické Textilie (Liberec, CZ)")
            .AssertReply(En.AskHost)
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task StepByStep_InvalidAnswers_EachReAskedPolitely()
    {
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(En.AskHost)
            .Send("zzzz nowhere")
            .AssertReply(En.HostNotFound)
            .Send("textil")
            .AssertReply(r => AssertChoices(r, En.ChooseHost, ["ATEVAL — Asociación Textil de la Comunidad Valenciana (Ontinyent, ES)", "CLUTEX — Klastr Technické Textilie (Liberec, CZ)"]), "the host choice")
            .Send("2")
            .AssertReply(r =>
            {
                // The directory's name is echoed as plain text: a name holding Markdown would not format.
                Assert.Equal("plain", r.TextFormat);
                Assert.StartsWith($"{En.HostOrganisation}: ATEVAL", r.Text, StringComparison.Ordinal);
            })
            .AssertReply(En.AskStartDate)
            .Send("banana")
            .AssertReply(En.DateNotUnderstood)
            .Send("2026-11-20")
            .AssertReply(En.DateInPast)
            .Send("2027-03-08")
            .AssertReply(En.AskEndDate)
            .Send("2027-03-01")
            .AssertReply("The last day cannot be before the first day (8 Mar 2027). Please give a later date.")
            .Send("2031-03-05")
            .AssertReply(En.Problems[EligibilityProblem.LongerThanOneMonth])
            .Send("2027-03-12")
            .AssertReply(r => AssertChoices(r, En.ChooseActivityType, [En.ActivityTypes[ExchangeActivityType.Networking]]), "the activity types")
            .Send("juggling")
            .AssertReply(r => AssertChoices(r, En.ChooseOneRetry, [En.ActivityTypes[ExchangeActivityType.Networking]]), "the activity types again, saying how to answer")
            .Send("Networking")
            .AssertReply(En.AskObjectives)
            .Send(new string('x', ExchangeLimits.LongText + 1))
            .AssertReply("Please answer in at most 2,000 characters.")
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task StepByStep_OtherInvalidDates_EachReAskedPolitelyWithinTheQuestionsAttempts()
    {
        // Each question takes at most three answers (QuestionAttempts): the other wrong dates of the test above.
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(En.AskHost)
            .Send("Clutex")
            .AssertReplyContains(En.HostOrganisation)
            .AssertReply(En.AskStartDate)
            .Send("2026-11-26")
            .AssertReply(En.DateInPast)
            .Send("2099-03-02")
            .AssertReply(En.Problems[EligibilityProblem.StartTooFarAhead])
            .Send("2027-03-08")
            .AssertReply(En.AskEndDate)
            .Send("2027-04-20")
            .AssertReply(En.Problems[EligibilityProblem.LongerThanOneMonth])
            .Send("2027-03-12")
            .AssertReply(r => Assert.Equal(En.ChooseActivityType, r.Text), "the activity types")
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    /// <summary>"ayer" at the first day's question was "I did not understand that date": now the reason is said.</summary>
    [Theory]
    [InlineData("en", "yesterday")]
    [InlineData("pt", "ontem")]
    [InlineData("es", "ayer")]
    [InlineData("it", "ieri")]
    [InlineData("tr", "dün")]
    [InlineData("cs", "včera")]
    public async Task StepByStep_Yesterday_SaysTheDayIsInThePast(string language, string yesterday)
    {
        await host.Conversation.SeedProfileAsync(language);
        var texts = ExchangeTexts.Resolve(language);

        await host.Conversation.Flow()
            .Send(texts.StepByStepCommands.First())
            .AssertReply(texts.AskHost)
            .Send("Clutex")
            .AssertReplyContains(texts.HostOrganisation)
            .AssertReply(texts.AskStartDate)
            .Send(yesterday)
            .AssertReply(texts.DateInPast)
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("exit")]   // before: no command at a question — read as the answer to "last day?"
    public async Task StepByStep_CancelMidway_NothingSaved(string cancel)
    {
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(En.AskHost)
            .Send("Clutex")
            .AssertReplyContains(En.HostOrganisation)
            .AssertReply(En.AskStartDate)
            .Send("2027-03-01")
            .AssertReply(En.AskEndDate)
            .Send(cancel)
            .AssertReply("OK, I've cancelled that.")
            .Send("2027-03-05")
            .AssertReply(r => Assert.NotEqual(En.ChooseActivityType, r.Text), "no more questions of the application")
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task StepByStep_HelpMidway_HelpThenTheSameQuestionAgain()
    {
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(En.AskHost)
            .Send("help")
            .AssertReply(r => Assert.NotEmpty(r.Attachments ?? []), "the help card")
            .AssertReply(r => Assert.NotNull(r.Text), "how to go on")
            .AssertReply(En.AskHost)
            .Send("Clutex")
            .AssertReplyContains(En.HostOrganisation)
            .AssertReply(En.AskStartDate)
            .StartTestAsync();
    }

    [Fact]
    public async Task StepByStep_FormButton_ContinuesAsAConversation()
    {
        await host.Conversation.SeedProfileAsync("en");

        string? formId = null;

        await host.Conversation.Flow()
            .Send("apply for an exchange")
            .AssertReply(
                r =>
                {
                    AssertCardContains(r, En.StepByStepButton);
                    AssertCardContains(r, "\"op\":\"stepByStep\"");
                    formId = System.Text.RegularExpressions.Regex.Match(CardJson(r), "\"formId\":\"([0-9a-f]{32})\"").Groups[1].Value;
                },
                "the form with the button")
            .Send(() => host.Conversation.Submit(new { op = "stepByStep", formId, formNoInputs = true }))
            .AssertReply(En.AskHost)
            .Send("Clutex")
            .AssertReplyContains(En.HostOrganisation)
            .AssertReply(En.AskStartDate)
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [InlineData("pt", "Candidatar passo a passo")]
    [InlineData("es", "solicitar paso a paso")]
    [InlineData("it", "candidatura passo passo")]
    [InlineData("tr", "Adım adım başvur")]
    [InlineData("cs", "žádost krok za krokem")]
    public async Task StepByStep_TranslatedCommand_AsksInThatLanguage(string language, string command)
    {
        await host.Conversation.SeedProfileAsync(language);

        await host.Conversation.Flow()
            .Send(command)
            .AssertReply(ExchangeTexts.Resolve(language).AskHost)
            .StartTestAsync();
    }

    private const string HiTechTexPartners_Citeve = "hitechtex-citeve";

    /// <summary>
    /// Host CLUTEX (one match), the dates given, knowledge sharing, objectives, agenda and outcomes; first the visiting
    /// organisation when the profile's matches several (<paramref name="visiting"/>, answered to the question).
    /// </summary>
    /// <summary>
    /// The date question reads month names in the six languages: its text and the "not understood" answer say so with
    /// an example in the user's language besides the ISO one, and the example given is one the question accepts.
    /// </summary>
    [Theory]
    [InlineData("en", "1 March 2027")]
    [InlineData("pt", "1 de março de 2027")]
    [InlineData("es", "1 de marzo de 2027")]
    [InlineData("it", "1 marzo 2027")]
    [InlineData("tr", "1 Mart 2027")]
    [InlineData("cs", "1. března 2027")]
    public async Task StartDate_ExampleWithAMonthName_NamedInTheQuestionAndAccepted(string language, string example)
    {
        var texts = ExchangeTexts.Resolve(language);
        Assert.Contains(example, texts.AskStartDate, StringComparison.Ordinal);
        Assert.Contains("2027-03-01", texts.AskStartDate, StringComparison.Ordinal);
        Assert.Contains(example, texts.DateNotUnderstood, StringComparison.Ordinal);
        Assert.Contains("2027-03-01", texts.DateNotUnderstood, StringComparison.Ordinal);
        await host.Conversation.SeedProfileAsync(language);

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(texts.AskHost)
            .Send("Clutex")
            .AssertReplyContains($"{texts.HostOrganisation}: CLUTEX")
            .AssertReply(texts.AskStartDate)
            .Send("banana")
            .AssertReply(texts.DateNotUnderstood)
            .Send(example)
            .AssertReply(texts.AskEndDate)
            .StartTestAsync();
    }

    [Fact]
    public async Task StartAndEndDate_OrdinalDays_Accepted()
    {
        // Before: "March 3rd 2027" was "I did not understand that date" (and so was "the 10th of March 2027").
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(En.AskHost)
            .Send("Clutex")
            .AssertReplyContains($"{En.HostOrganisation}: CLUTEX")
            .AssertReply(En.AskStartDate)
            .Send("March 3rd 2027")
            .AssertReply(En.AskEndDate)
            .Send("the 10th of March 2027")
            .AssertReply(r => Assert.NotEqual(En.DateNotUnderstood, r.Text), "the next question")
            .StartTestAsync();
    }

    [Fact]
    public async Task StepByStep_ThreeDatesItCannotRead_StopsSaysNothingWasSavedAndTheNextRequestStartsAnew()
    {
        await host.Conversation.SeedProfileAsync("en");
        Assert.Equal(3, ExchangeStepByStepDialog.QuestionAttempts);

        // Before: the date was asked for again and again, for ever.
        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(En.AskHost)
            .Send("Clutex")
            .AssertReplyContains(En.HostOrganisation)
            .AssertReply(En.AskStartDate)
            .Send("whenever")
            .AssertReply(En.DateNotUnderstood)
            .Send("no idea")
            .AssertReply(En.DateNotUnderstood)
            .Send("not sure")
            .AssertReply(En.StepByStepGaveUp)
            .AssertNoReply()
            .Send("apply step by step")
            .AssertReply(En.AskHost)
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task StepByStep_ThreeAnswersToSubmitSaveOrCancelThatAreNone_NothingSavedNothingSubmitted()
    {
        await host.Conversation.SeedProfileAsync("en");

        // Running out of answers at the last question is neither Submit nor Save draft: nothing is stored, nobody told.
        await AnswerEverything(host.Conversation.Flow(), "2027-03-01", "2027-03-05")
            .AssertReply(r => AssertContains(r.Text, En.Eligible), "the check")
            .AssertReply(r => AssertChoices(r, En.ChooseNext, [En.SubmitButton, En.SaveDraftButton, En.CancelButton]), "the choice")
            .Send("hmm")
            .AssertReply(r => AssertChoices(r, En.ChooseOneRetry, [En.SubmitButton, En.SaveDraftButton, En.CancelButton]), "asked again")
            .Send("what")
            .AssertReply(r => AssertChoices(r, En.ChooseOneRetry, [En.SubmitButton, En.SaveDraftButton, En.CancelButton]), "asked again")
            .Send("whatever")
            .AssertReply(En.StepByStepGaveUp)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
        host.Messenger.Verify(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public void StepByStepGaveUp_QuotesAnApplyCommandTheBotKnows(string language)
    {
        var texts = ExchangeTexts.Resolve(language);
        var quoted = System.Text.RegularExpressions.Regex.Match(texts.StepByStepGaveUp, "[\"„](?<q>[^\"“]+)[\"“]").Groups["q"].Value;
        Assert.Contains(ExchangeTexts.All.SelectMany(t => t.ApplyCommands), c => HiTechTex.Bot.Features.Conversation.TypedCommand.Matches(c, quoted));
    }

    private static TestFlow AnswerEverything(TestFlow flow, string start, string end, string? visiting = null, string objectives = "Learn the nanofibre lab methods.") => ChooseVisiting(flow.Send("apply step by step"), visiting)
        .AssertReply(En.AskHost)
        .Send("Clutex")
        .AssertReply($"{En.HostOrganisation}: CLUTEX — Klastr Technické Textilie (Liberec, CZ)")
        .AssertReply(En.AskStartDate)
        .Send(start)
        .AssertReply(En.AskEndDate)
        .Send(end)
        .AssertReply(r => AssertChoices(r, En.ChooseActivityType, [En.ActivityTypes[ExchangeActivityType.KnowledgeSharing]]), "the activity types")
        .Send("knowledge sharing")
        .AssertReply(En.AskObjectives)
        .Send(objectives)
        .AssertReply(En.AskAgenda)
        .Send("Day 1 lab tour, days 2-5 trials.")
        .AssertReply(En.AskOutcomes)
        .Send("A joint project proposal.");

    private static TestFlow ChooseVisiting(TestFlow flow, string? visiting) => visiting is null
        ? flow
        : flow.AssertReply(r => Assert.Equal(En.ChooseVisiting, r.Text), "which visiting organisation")
            .Send(visiting)
            .AssertReplyContains($"{En.VisitingOrganisationLabel}: ");

    private static void AssertContains(string? text, params string[] fragments)
    {
        Assert.NotNull(text);
        Assert.All(fragments, f => Assert.Contains(f, text, StringComparison.Ordinal));
    }

    private static void AssertChoices(Activity reply, string question, IReadOnlyList<string> buttons)
    {
        Assert.Equal(question, reply.Text);
        var card = CardJson(reply);
        Assert.All(buttons, b => Assert.Contains($"\"{b}\"", card, StringComparison.Ordinal));
        if (!buttons.Contains(En.SubmitButton) && buttons.Contains(En.SaveDraftButton))
        {
            Assert.DoesNotContain(En.SubmitButton, card, StringComparison.Ordinal);
        }
    }

    private static void AssertCardContains(Activity reply, string fragment) => Assert.Contains(fragment, CardJson(reply), StringComparison.Ordinal);

    private static string CardJson(Activity reply) =>
        System.Text.Json.JsonSerializer.Serialize(
            Assert.Single(reply.Attachments ?? [], a => a.ContentType == Attachment.AdaptiveCardContentType).Content,
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
