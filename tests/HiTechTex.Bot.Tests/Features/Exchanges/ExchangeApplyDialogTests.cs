using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>The application form through the real main dialog, turn by turn, applicant at CITEVE (PT) unless a test says otherwise.</summary>
public sealed partial class ExchangeApplyDialogTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private readonly ExchangeDialogTestHost host = new();
    private string? formId;

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Form_ProfileOrganisationInDirectory_OffersOnlyThatOrganisationAsVisiting()
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(["hitechtex-citeve"], VisitingChoiceValues());
    }

    [Theory]
    [InlineData("save")]
    [InlineData("submit")]
    [InlineData("check")]
    public async Task Form_TamperedVisitingOrganisation_RefusedPolitelyAndNothingSaved(string op)
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit(op, visitingId: "hitechtex-aei-textils"))
            .AssertReply(r => Assert.Contains(JsonEncoded(En.VisitingNotYours), Describe(r), StringComparison.Ordinal), "the form again, with the reason")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("it")]
    public async Task Form_TamperedVisitingOrganisationAndBadDates_BothSaidAndNothingSavedSaidOnce(string language)
    {
        // Before: "…must be your own (the one in your profile). Nothing was saved. Please correct these answers, which are
        // not valid: First working day. Nothing was saved."
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        string? notice = null;

        await OpenForm()
            .Send(() => FormSubmit("check", visitingId: "hitechtex-aei-textils", startDate: "2027-02-30"))
            .AssertReply(r => notice = Describe(r), "the form again, with the reasons")
            .AssertNoReply()
            .StartTestAsync();

        var expected = texts.RefusedForm(true, [texts.StartDate]);
        Assert.Contains(JsonEncoded(expected), notice, StringComparison.Ordinal);
        Assert.StartsWith(texts.VisitingNotYours[..20], expected, StringComparison.Ordinal);
        Assert.EndsWith(texts.InvalidFields([texts.StartDate]), expected, StringComparison.Ordinal);
        var nothingSaved = texts.InvalidFieldsFormat[(texts.InvalidFieldsFormat.IndexOf("{0}", StringComparison.Ordinal) + 5)..];
        Assert.Single(Regex.Matches(notice!, Regex.Escape(JsonEncoded(nothingSaved))));
        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task Form_OwnOrganisation_Saved()
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit("save"))
            .AssertReply(En.DraftSaved)
            .StartTestAsync();

        Assert.Equal("hitechtex-citeve", Assert.Single(await host.ApplicationsAsync()).VisitingOrganisationId);
    }

    [Theory]
    [InlineData("[Click here](https://evil.example/x) Bob")]
    [InlineData("Bob Teams")]
    public async Task Form_Saved_TheApplicantIsNamedAsTheirProfileNotTheirTeamsName(string teamsName)
    {
        // The applicant's name goes on the approvers' cards (a FactSet: Markdown): the profile's name is held to the name
        // rules, the Teams display name is whatever the user typed there.
        host.Conversation.Adapter.User = new() { Id = "29:user-1", Name = teamsName, AadObjectId = ExchangeDialogTestHost.ApplicantId };
        await host.Conversation.SeedProfileAsync("en", name: "Bob Evil");

        await OpenForm()
            .Send(() => FormSubmit("save"))
            .AssertReply(En.DraftSaved)
            .StartTestAsync();

        Assert.Equal("Bob Evil", Assert.Single(await host.ApplicationsAsync()).ApplicantName);
    }

    [Fact]
    public async Task Form_Saved_AProfileNameStoredBeforeTheRulesForbadeFormatting_IsNotTheApplicantsName()
    {
        // A name saved before the rule (a line separator, fake bold, a bidi override) would go on the approvers' cards.
        host.Conversation.Adapter.User = new() { Id = "29:user-1", Name = "Bob Teams", AadObjectId = ExchangeDialogTestHost.ApplicantId };
        await host.Conversation.SeedProfileAsync("en", name: HiTechTex.Bot.Tests.Features.Conversation.NameRuleTests.Repro);

        await OpenForm()
            .Send(() => FormSubmit("save"))
            .AssertReply(En.DraftSaved)
            .StartTestAsync();

        Assert.Equal("Bob Teams", Assert.Single(await host.ApplicationsAsync()).ApplicantName);
    }

    [Theory]
    [InlineData("apply for an exchange")]
    [InlineData("apply step by step")]
    public async Task Apply_ProfileOrganisationNotInDirectory_ToldPolitelyWithoutTheClusters(string command)
    {
        await host.Conversation.SeedProfileAsync("en", organisation: "Acme Smart Fabrics Lda");

        await host.Conversation.Flow()
            .Send(command)
            .AssertReply(r =>
            {
                Assert.Equal(string.Format(CultureInfo.InvariantCulture, En.NotInDirectoryFormat, "Acme Smart Fabrics Lda"), r.Text);
                Assert.Equal("plain", r.TextFormat);
                Assert.Empty(r.Attachments ?? []);
            }, "the polite answer")
            .AssertNoReply()
            .Send(() => FormSubmit("submit", visitingId: "hitechtex-aei-textils", formIdOverride: new string('0', 32)))
            .AssertReply(r => Assert.NotEqual(En.DraftSaved, r.Text), "no form waits")
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [InlineData("apply for an exchange", "en")]
    [InlineData("apply step by step", "cs")]
    public async Task Apply_ProfileWithoutOrganisation_SaysNoneIsSetAndHowToSetIt(string command, string language)
    {
        // The organisation question gave up: the answer was "Your organisation “–” is not in the directory".
        await host.Conversation.SeedProfileAsync(language, organisation: "");
        var texts = ExchangeTexts.Resolve(language);

        await host.Conversation.Flow()
            .Send(command)
            .AssertReply(r =>
            {
                Assert.Equal(texts.NoOrganisationInProfile, r.Text);
                Assert.DoesNotContain("–", r.Text, StringComparison.Ordinal);
                Assert.Equal("plain", r.TextFormat);
            }, "no organisation, and how to set it")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task Form_SubmitWithoutActivityTypeObjectivesAgendaOrOutcomes_RefusedWithEachReasonAndNotSubmitted()
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit("submit", activityType: "", objectives: " ", agenda: "", outcomes: ""))
            .AssertReply(r =>
            {
                // The form again, with each missing part named in the eligibility check.
                var card = r.Attachments![0].Content!.Value.GetRawText();
                foreach (var problem in new[] { EligibilityProblem.ActivityTypeMissing, EligibilityProblem.ObjectivesMissing, EligibilityProblem.AgendaMissing, EligibilityProblem.OutcomesMissing })
                {
                    Assert.Contains(JsonSerializer.Serialize(En.Problems[problem])[1..^1], card, StringComparison.Ordinal);
                }
            }, "the form with the reasons")
            .AssertNoReply()
            .StartTestAsync();

        // Kept as a draft (the form's answers are not lost), never submitted: no approver is asked.
        Assert.All(await host.ApplicationsAsync(), a => Assert.Equal(ExchangeStatus.Draft, a.Status));
        host.Messenger.Verify(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Submit_StoredDraftWithoutContent_RefusedWithEachReason()
    {
        // A draft saved without its content (step by step, or before the content was required) cannot be submitted.
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var draft = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = "hitechtex-citeve", HostOrganisationId = "hitechtex-clutex",
            ApplicantAadObjectId = ExchangeDialogTestHost.ApplicantId, ApplicantUserId = "29:user-1", ApplicantName = "Ana", TenantId = "tenant",
            ApplicantLanguage = "en", ApplicantConversationId = "a:conversation-1",
            StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5), Objectives = "", Agenda = " ", ExpectedOutcomes = "",
        };
        await store.CreateAsync(draft, CancellationToken.None);
        var actor = new ExchangeActor(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant");

        var (result, _) = await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().SubmitAsync(actor, draft.Id, 1, CancellationToken.None);

        Assert.Equal(
            [EligibilityProblem.ActivityTypeMissing, EligibilityProblem.ObjectivesMissing, EligibilityProblem.AgendaMissing, EligibilityProblem.OutcomesMissing],
            result.Problems);
        Assert.Equal(ExchangeStatus.Draft, (await store.FindAsync(draft.Id, CancellationToken.None))!.Status);
        host.Messenger.Verify(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Form_SubmittedMeanwhileByTheOtherClick_SecondSubmitToldItIsAlreadySubmittedAndNothingSentTwice()
    {
        // The form waits with a saved draft (its first submission lacked the outcomes).
        await host.Conversation.SeedProfileAsync("en");
        await OpenForm()
            .Send(() => FormSubmit("submit", outcomes: ""))
            .AssertReply(r => formId = FormIdPattern().Match(Describe(r)).Groups[1].Value, "the form with the reason")
            .StartTestAsync();
        var draft = Assert.Single(await host.ApplicationsAsync());

        // The other click (another device, another instance) completes and submits it first.
        await using (var scope = host.Conversation.Services.CreateAsyncScope())
        {
            var edited = (await scope.ServiceProvider.GetRequiredService<ExchangeStore>().FindAsync(draft.Id, CancellationToken.None))!;
            edited.ExpectedOutcomes = "A joint proposal.";
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<ExchangeStore>().SaveDraftAsync(edited, 1, CancellationToken.None));
            var actor = new ExchangeActor(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant");
            Assert.Equal(ExchangeStatus.Stage1, (await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().SubmitAsync(actor, draft.Id, 2, CancellationToken.None)).Application?.Status);
        }

        host.Messenger.Invocations.Clear();

        await host.Conversation.Flow()
            .Send(() => FormSubmit("submit"))
            .AssertReply(string.Format(CultureInfo.InvariantCulture, En.AlreadySubmittedFormat, draft.Reference))
            .AssertNoReply()
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal((ExchangeStatus.Stage1, 3), (application.Status, application.Version));
        Assert.Single(await host.AuditAsync(draft.Id), e => e.Action == ExchangeAction.Submitted);
        host.Messenger.Verify(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Form_Cancel_WorksThoughRequiredFieldsAreEmpty()
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => host.Conversation.Submit(new { op = "cancel", formId, formNoInputs = true }))
            .AssertReply(En.FormCancelled)
            .StartTestAsync();
    }

    [Fact]
    public async Task Form_SaveDraftWithoutContent_SavedBecauseTheCardRequiresNothing()
    {
        // A draft is an unfinished application: Teams refuses every submit action of a card while an isRequired input
        // is empty, so the content is required only by the eligibility check and the submission, never by the card.
        await host.Conversation.SeedProfileAsync("cs");

        await OpenForm()
            .Send(() => FormSubmit("save", activityType: "", objectives: "", agenda: "", outcomes: ""))
            .AssertReply(ExchangeTexts.Resolve("cs").DraftSaved)
            .StartTestAsync();

        Assert.All(FormInputs().Values, input => Assert.False(input.TryGetProperty("isRequired", out var required) && required.GetBoolean()));
        var draft = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ExchangeStatus.Draft, draft.Status);
        Assert.Equal("", draft.Objectives);
    }

    [Fact]
    public async Task Submitted_HostCountryHolidayInTheStay_CardAndCsvCountTheWorkingDaysLikeTheEligibility()
    {
        // Wednesday 3 March 2027 is a (configured) Czech public holiday: Monday–Friday is 4 working days, so the lump sum is halved.
        using var withHoliday = new ExchangeDialogTestHost(new Dictionary<string, string?> { ["Exchanges:PublicHolidays:CZ:0"] = "2027-03-03" });
        await withHoliday.Conversation.SeedProfileAsync("en");
        string? id = null;

        await withHoliday.Conversation.Flow()
            .Send("apply for an exchange")
            .AssertReply(r => id = FormIdPattern().Match(Describe(r)).Groups[1].Value, "the form")
            .Send(() => withHoliday.Conversation.Submit(new
            {
                formId = id, op = "submit", visitingId = "hitechtex-citeve", hostQuery = "clutex", hostId = "hitechtex-clutex",
                startDate = "2027-03-01", endDate = "2027-03-05", activityType = "KnowledgeSharing",
                objectives = "Learn the nonwoven pilot line.", agenda = "Day 1: lab.", outcomes = "A joint proposal.",
            }))
            .AssertReply(r =>
            {
                var card = Describe(r);
                Assert.Contains("(4 working days)", card, StringComparison.Ordinal);
                Assert.Contains(JsonEncoded("€390 (half of the €780 cap"), card, StringComparison.Ordinal);
            }, "the submitted application's card")
            .Send("my applications")
            .AssertReply(r => Assert.Contains("(4 working days)", Describe(r), StringComparison.Ordinal), "the list")
            .StartTestAsync();

        await using var scope = withHoliday.Conversation.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<ExchangeReports>();
        var csv = await reports.CsvAsync(ExchangeTexts.English, CancellationToken.None);
        Assert.Contains(";2027-03-01;2027-03-05;4;Knowledge sharing;390;", csv, StringComparison.Ordinal);

        // ';'-separated with the labels and column names of the coordinator's language, and the stable codes in the
        // last two columns (named alike in every language); English keeps the column names it always had.
        Assert.StartsWith(
            "Reference;Status;VisitingOrganisation;VisitingCountry;VisitingPartner;HostOrganisation;HostCountry;StartDate;EndDate;WorkingDays;ActivityType;LumpSum;Applicant;Created;StatusCode;ActivityTypeCode\r\n",
            csv, StringComparison.Ordinal);
        var portuguese = (await reports.CsvAsync(ExchangeTexts.Portuguese, CancellationToken.None)).Split("\r\n");
        Assert.Equal(
            "Referência;Estado;Organização visitante;País visitante;Parceiro (lado visitante);Organização de acolhimento;País de acolhimento;Primeiro dia útil;Último dia útil;Dias úteis;Tipo de atividade;Montante fixo;Candidato;Data de criação;StatusCode;ActivityTypeCode",
            portuguese[0]);
        foreach (var texts in ExchangeTexts.All)
        {
            var lines = (await reports.CsvAsync(texts, CancellationToken.None)).Split("\r\n");
            var header = lines[0].Split(';');
            Assert.Equal([.. texts.ExportColumns, "StatusCode", "ActivityTypeCode"], header);
            Assert.Equal(header.Length, lines[1].Split(';').Length);
            Assert.Equal(texts.Language == "en", lines[0] == csv.Split("\r\n")[0]);
        }

        var row = portuguese[1].Split(';');
        Assert.Equal(16, row.Length);
        Assert.Equal(
            [ExchangeTexts.Portuguese.Statuses[ExchangeStatus.Stage1], "2027-03-01", "2027-03-05", "4", "Partilha de conhecimento", "390", "Stage1", "KnowledgeSharing"],
            [row[1], row[7], row[8], row[9], row[10], row[11], row[14], row[15]]);
    }

    [Theory]
    [InlineData("2027-03-06", "2027-03-07")]   // a weekend: no working day
    [InlineData("2026-11-02", "2026-11-06")]   // a week already past
    [InlineData("2027-03-05", "2027-03-01")]   // the end before the start
    public async Task Check_DatesThatCannotBeEligible_NoLumpSumEstimate(string startDate, string endDate)
    {
        // "390 €" beside "fewer than 3 working days" read as a promise for an exchange that cannot be paid.
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit("check", startDate: startDate, endDate: endDate))
            .AssertReply(r =>
            {
                var card = Describe(r);
                Assert.DoesNotContain("\u20AC", card, StringComparison.Ordinal);
                Assert.DoesNotContain("€", card, StringComparison.Ordinal);
            }, "the form checked")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("2027-03-06", "2027-03-12", "StartOnWeekend")]   // from Saturday
    [InlineData("2027-03-01", "2027-03-06", "EndOnWeekend")]     // to Saturday
    [InlineData("2027-03-01", "2027-03-07", "EndOnWeekend")]     // to Sunday
    public async Task Check_AWeekendFirstOrLastWorkingDay_NotEligibleWithTheReasonNamingTheField(string startDate, string endDate, string problem)
    {
        // Before: "Eligible" — a Saturday taken as the first or last working day.
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit("check", startDate: startDate, endDate: endDate))
            .AssertReply(r =>
            {
                var card = Describe(r);
                Assert.Contains(JsonEncoded(En.Problems[Enum.Parse<EligibilityProblem>(problem)]), card, StringComparison.Ordinal);
                Assert.DoesNotContain("€", card, StringComparison.Ordinal);   // no lump sum promised
            }, "the form checked")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("check")]
    public async Task FormSubmit_AFirstWorkingDayOnAHolidayOfTheHostCountry_RefusedNamingTheHoliday(string op)
    {
        // Before: Good Friday 26 March 2027 at the Czech host was taken as the first working day (and a submit went through).
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit(op, startDate: "2027-03-26", endDate: "2027-04-02"))
            .AssertReply(r =>
            {
                var card = Describe(r);
                Assert.Contains(JsonEncoded("is a public holiday in Czechia (Good Friday); give another day."), card, StringComparison.Ordinal);
                Assert.DoesNotContain("€", card, StringComparison.Ordinal);
            }, "the form, with the reason")
            .StartTestAsync();

        Assert.DoesNotContain(await host.ApplicationsAsync(), a => a.Status == ExchangeStatus.Stage1);
    }

    [Fact]
    public async Task Check_EligibleDates_TheLumpSumEstimate()
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit("check"))
            .AssertReply(r => Assert.Contains(JsonEncoded("€780"), Describe(r), StringComparison.Ordinal), "the form checked")
            .StartTestAsync();
    }

    [Fact]
    public async Task Submitted_TheCardShowsTheAgendaUnderItsOwnHeading()
    {
        // The agenda has its own field (and question): on the approvers' card it stood under "Objectives".
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit("submit", objectives: "Learn the pilot line.", agenda: "Day 1: lab. Day 2: visits."))
            .AssertReply(r =>
            {
                var texts = HiTechTex.Bot.Testing.Cards.CardJson.Texts(r.Attachments![0].Content!.Value).ToList();
                Assert.Equal("Learn the pilot line.", texts[texts.IndexOf(En.Objectives) + 1]);
                Assert.Equal("Day 1: lab. Day 2: visits.", texts[texts.IndexOf(En.Agenda) + 1]);
            }, "the submitted application's card")
            .StartTestAsync();
    }

    private TestFlow OpenForm() => host.Conversation.Flow()
        .Send("apply for an exchange")
        .AssertReply(r => { formId = FormIdPattern().Match(Describe(r)).Groups[1].Value; lastForm = r; }, "the form");

    private Activity? lastForm;

    private IReadOnlyList<string> VisitingChoiceValues() =>
        [.. FormInputs()["visitingId"].GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!)];

    /// <summary>The form card's inputs by id, wherever they sit (column sets included).</summary>
    private Dictionary<string, JsonElement> FormInputs()
    {
        var inputs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
                {
                    inputs[element.GetProperty("id").GetString()!] = element;
                }

                foreach (var property in element.EnumerateObject().Where(p => p.Name != "actions"))
                {
                    Walk(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(JsonSerializer.SerializeToElement(Assert.Single(lastForm!.Attachments ?? []).Content));
        return inputs;
    }

    private Activity FormSubmit(
        string op, string visitingId = "hitechtex-citeve", string? formIdOverride = null, string activityType = "KnowledgeSharing",
        string objectives = "Learn the nonwoven pilot line.", string agenda = "Day 1: lab.", string outcomes = "A joint proposal.",
        string startDate = "2027-03-01", string endDate = "2027-03-05") => host.Conversation.Submit(new
    {
        formId = formIdOverride ?? formId, op, visitingId, hostQuery = "clutex", hostId = "hitechtex-clutex",
        startDate, endDate, activityType, objectives, agenda, outcomes,
    });

    private static string JsonEncoded(string text) => JsonSerializer.Serialize(text)[1..^1];

    private static string Describe(Activity reply) =>
        reply.Text + string.Concat((reply.Attachments ?? []).Select(a => JsonSerializer.Serialize(a.Content)));

    [GeneratedRegex("\"formId\":\"([0-9a-f]{32})\"")]
    private static partial Regex FormIdPattern();
}
