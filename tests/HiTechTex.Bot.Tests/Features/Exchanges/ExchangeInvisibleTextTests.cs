using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// Exploratory report 22, findings 2 and 7: an objective, agenda, outcome or approver's comment of only invisible
/// characters counted as written, a right-to-left override turned the text around on the approver's card, and an
/// objective over 2,000 characters was erased from the form without the reason.
/// </summary>
public sealed partial class ExchangeInvisibleTextTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ExchangeDialogTestHost host = new();
    private string? formId;
    private Activity? lastForm;

    public void Dispose() => host.Dispose();

    public static TheoryData<string> Invisible => ["\u200B", "\u2060\uFEFF", " \u202E ", "\u2066\u2069\u200E\u200F", "\u200D", "\u3164"];

    [Theory]
    [MemberData(nameof(Invisible))]
    public async Task Form_ObjectivesOfOnlyInvisibleCharacters_AskedForAsMissingAndNotSubmitted(string invisible)
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => FormSubmit("submit", objectives: invisible))
            .AssertReply(r => lastForm = r, "the form again")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Contains(JsonEncoded(En.Problems[EligibilityProblem.ObjectivesMissing]), Describe(lastForm!), StringComparison.Ordinal);
        Assert.Equal("", InputValue("objectives"));
        Assert.DoesNotContain(await host.ApplicationsAsync(), a => a.Status != ExchangeStatus.Draft);
        Assert.All(await host.ApplicationsAsync(), a => Assert.Equal("", a.Objectives));
        host.Messenger.Verify(m => m.SendToUserAsync(ExchangeDialogTestHost.VisitingManagerId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("cs")]
    public async Task Form_AgendaAndOutcomesOfAZeroWidthSpace_TheSameReasonsAsEmptyOnes(string language)
    {
        await host.Conversation.SeedProfileAsync(language);
        var texts = ExchangeTexts.Resolve(language);

        await OpenForm()
            .Send(() => FormSubmit("check", agenda: "\u200B", outcomes: "\u2060"))
            .AssertReply(r => lastForm = r, "the checked form")
            .StartTestAsync();

        var card = Describe(lastForm!);
        Assert.Contains(JsonEncoded(texts.Problems[EligibilityProblem.AgendaMissing]), card, StringComparison.Ordinal);
        Assert.Contains(JsonEncoded(texts.Problems[EligibilityProblem.OutcomesMissing]), card, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonEncoded(texts.Problems[EligibilityProblem.ObjectivesMissing]), card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedSubmit_ObjectivesWithARightToLeftOverride_StoredAndShownToTheApproverWithoutIt()
    {
        await host.Conversation.SeedProfileAsync("pt");

        await OpenForm()
            .Send(() => FormSubmit("submit", objectives: "Aprender \u202Eabc 123", agenda: "\u2067dia 1\u2069 visita", outcomes: "acordo\u200B"))
            .AssertReply(_ => { }, "the application card")
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ExchangeStatus.Stage1, application.Status);
        Assert.Equal("Aprender abc 123", application.Objectives);
        Assert.Equal("dia 1 visita", application.Agenda);
        Assert.Equal("acordo", application.ExpectedOutcomes);
        var approverCard = host.Messenger.Invocations
            .Where(i => i.Method.Name == nameof(IProactiveMessenger.SendToUserAsync) && (string?)i.Arguments[0] == ExchangeDialogTestHost.VisitingManagerId)
            .Select(i => JsonSerializer.Serialize((Activity)i.Arguments[2]!, Readable))
            .Single();
        Assert.Contains("Aprender abc 123", approverCard, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u202E", approverCard, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\u202E', approverCard);
        Assert.DoesNotContain('\u2067', approverCard);
    }

    [Fact]
    public async Task ApplicationCard_TextsStoredBeforeTheRule_ShownWithoutBidiControlsAndInvisibleOnesAsNone()
    {
        var application = await StoreSubmittedAsync("en", objectives: "Learn \u202Eabc 123", agenda: "\u200B", comment: null);
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var cards = scope.ServiceProvider.GetRequiredService<ExchangeCards>();

        var card = (await cards.ApplicationAsync(application, ExchangeDialogTestHost.VisitingManagerId, En, null, [], null, CancellationToken.None)).ToJsonString(Readable);

        Assert.Contains("Learn abc 123", card, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', card);
        Assert.DoesNotContain('\u200B', card);
        Assert.Contains("\"–\"", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExchangeVerbs.RequestChanges, "\u200B")]
    [InlineData(ExchangeVerbs.RequestChanges, " \u202E\u2066 ")]
    [InlineData(ExchangeVerbs.Reject, "\u2060\uFEFF")]
    [InlineData(ExchangeVerbs.Reject, "\u200E")]
    public async Task Approver_CommentOfOnlyInvisibleCharacters_CommentRequiredAndNothingChanged(string verb, string comment)
    {
        var application = await StoreSubmittedAsync("pt");
        host.Conversation.Adapter.User = new() { Id = "29:manager", Name = "Rui Gestor", AadObjectId = ExchangeDialogTestHost.VisitingManagerId };
        host.Conversation.Adapter.Locale = "pt-PT";

        await host.Conversation.Flow()
            .Send(() => host.Conversation.Adapter.MakeExecute(verb, JsonSerializer.SerializeToElement(new { exchangeId = application.Id.ToString(), v = application.Version, comment })))
            .AssertInvokeResponse(response =>
                Assert.Contains(JsonEncoded(ExchangeTexts.Resolve("pt").CommentRequired), JsonSerializer.Serialize(response?.Body), StringComparison.Ordinal))
            .StartTestAsync();

        var stored = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ExchangeStatus.Stage1, stored.Status);
        Assert.Equal(application.Version, stored.Version);
        Assert.DoesNotContain(await host.AuditAsync(application.Id), a => a.Action is ExchangeAction.Rejected or ExchangeAction.ChangesRequested);
        host.Messenger.Verify(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Approver_CommentWithBidiControls_StoredAndQuotedWithoutThem()
    {
        var application = await StoreSubmittedAsync("en");
        host.Conversation.Adapter.User = new() { Id = "29:manager", Name = "Rui Gestor", AadObjectId = ExchangeDialogTestHost.VisitingManagerId };

        await host.Conversation.Flow()
            .Send(() => host.Conversation.Adapter.MakeExecute(ExchangeVerbs.RequestChanges,
                JsonSerializer.SerializeToElement(new { exchangeId = application.Id.ToString(), v = application.Version, comment = "\u2067Add\u2069 the \u202Eagenda\u202C\u200B" })))
            .AssertInvokeResponse(response => Assert.Contains(JsonEncoded(En.Statuses[ExchangeStatus.ChangesRequested]), JsonSerializer.Serialize(response?.Body), StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(ExchangeStatus.ChangesRequested, Assert.Single(await host.ApplicationsAsync()).Status);
        Assert.Equal("Add the agenda", Assert.Single(await host.AuditAsync(application.Id), a => a.Action == ExchangeAction.ChangesRequested).Comment);
    }

    [Fact]
    public async Task StepByStep_AgendaOfAZeroWidthSpace_AskedForAsMissingThenAnOverLongOneToldTheMaximum()
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
            .Send("2027-03-05")
            .AssertReply(r => Assert.Equal(En.ChooseActivityType, r.Text), "the activity types")
            .Send("knowledge sharing")
            .AssertReply(En.AskObjectives)
            .Send("\u2060\u202E")
            .AssertReply(En.Problems[EligibilityProblem.ObjectivesMissing])
            .Send("Learn \u202Eabc 123")
            .AssertReply(En.AskAgenda)
            .Send("\u200B")
            .AssertReply(En.Problems[EligibilityProblem.AgendaMissing])
            .Send(new string('d', ExchangeLimits.LongText + 1))
            .AssertReply("Please answer in at most 2,000 characters.")
            .Send("Day 1 lab tour.")
            .AssertReply(En.AskOutcomes)
            .Send("\uFEFF")
            .AssertReply(En.Problems[EligibilityProblem.OutcomesMissing])
            .Send("A joint proposal.")
            .AssertReply(r => Assert.Contains($"{En.Eligibility}: {En.Eligible}", r.Text, StringComparison.Ordinal), "the check")
            .AssertReply(_ => { }, "the choice")
            .Send(En.SaveDraftButton)
            .StartTestAsync();

        var draft = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal("Learn abc 123", draft.Objectives);
        Assert.Equal("Day 1 lab tour.", draft.Agenda);
        Assert.Equal("A joint proposal.", draft.ExpectedOutcomes);
    }

    [Theory]
    [InlineData("en", "Please correct these answers, which are not valid: Objectives — at most 2,000 characters. Nothing was saved.")]
    [InlineData("pt", "Corrija estas respostas, que não são válidas: Objetivos — no máximo 2\u00A0000 caracteres. Nada foi guardado.")]
    [InlineData("es", "Corrija estas respuestas, que no son válidas: Objetivos — como máximo 2.000 caracteres. No se ha guardado nada.")]
    [InlineData("it", "Correggi queste risposte, che non sono valide: Obiettivi — al massimo 2.000 caratteri. Non è stato salvato nulla.")]
    [InlineData("tr", "Lütfen geçerli olmayan şu yanıtları düzeltin: Hedefler — en fazla 2.000 karakter. Hiçbir şey kaydedilmedi.")]
    [InlineData("cs", "Opravte prosím tyto odpovědi, které nejsou platné: Cíle — nejvýše 2\u00A0000 znaků. Nic nebylo uloženo.")]
    public async Task Form_ObjectivesOverTheMaximum_ToldTheMaximumTextKeptInTheBoxNothingSaved(string language, string expected)
    {
        await host.Conversation.SeedProfileAsync(language);
        var tooLong = string.Concat(Enumerable.Repeat("objective ", 200)) + "x";

        await OpenForm()
            .Send(() => FormSubmit("save", objectives: tooLong))
            .AssertReply(r => lastForm = r, "the form again")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(ExchangeLimits.LongText + 1, tooLong.Length);
        Assert.Contains(JsonEncoded(expected), Describe(lastForm!), StringComparison.Ordinal);
        Assert.Equal(tooLong, InputValue("objectives"));
        Assert.Equal("Day 1: lab.", InputValue("agenda"));
        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task Form_ForgedHugeTexts_RefusedWithTheMaximumTheirStartKeptNothingSaved()
    {
        // A client that ignores maxLength could send anything: what the form gives back stays small enough for a card.
        await host.Conversation.SeedProfileAsync("tr");
        var tr = ExchangeTexts.Resolve("tr");
        var huge = string.Concat(Enumerable.Repeat("gundem ", 150_000));

        await OpenForm()
            .Send(() => FormSubmit("submit", objectives: huge, agenda: huge, outcomes: huge))
            .AssertReply(r => lastForm = r, "the form again")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Contains(JsonEncoded(tr.InvalidFields([tr.TooLong(tr.Objectives, 2000), tr.TooLong(tr.Agenda, 2000), tr.TooLong(tr.ExpectedOutcomes, 2000)])),
            Describe(lastForm!), StringComparison.Ordinal);
        foreach (var input in new[] { "objectives", "agenda", "outcomes" })
        {
            Assert.StartsWith("gundem gundem", InputValue(input), StringComparison.Ordinal);
            Assert.InRange(InputValue(input).Length, ExchangeLimits.LongText + 1, ExchangeLimits.LongText * 2);
        }

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task Form_ForgedHugeTextsTheCardCannotCarry_FormWithoutThemStillSaysTheMaximumNothingSaved()
    {
        // A quote or a backslash is one UTF-16 unit and two characters of the card's JSON (\" and \\, as sent): three
        // kept starts of 2,000 would not fit on a card with the form around them, so they go.
        await host.Conversation.SeedProfileAsync("cs");
        var cs = ExchangeTexts.Resolve("cs");
        var huge = string.Concat(Enumerable.Repeat("\"\\\" ", 250_000));

        await OpenForm()
            .Send(() => FormSubmit("submit", objectives: huge, agenda: huge, outcomes: huge))
            .AssertReply(r => lastForm = r, "the form again")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Contains(JsonEncoded(cs.TooLong(cs.Agenda, ExchangeLimits.LongText)), Describe(lastForm!), StringComparison.Ordinal);
        Assert.Equal("", InputValue("outcomes"));
        Assert.Equal("hitechtex-clutex", InputValue("hostId"));
        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [InlineData("cs", "Příliš žluťoučký kůň úpěl ďábelské ódy. ")]
    [InlineData("tr", "Pijamalı hasta yağız şoföre çabucak güvendi. ")]
    [InlineData("pt", "À noite, vovô Kowalsky vê o ímã cair no pé do pinguim queixoso. ")]
    public async Task Form_ThreeFullLengthAnswersWithAccents_CheckedFormComesBackWithThem(string language, string sentence)
    {
        // The card's size is its UTF-16 length (spec §5.1): "č" counts one unit, not the six of a \u010D escape, which
        // made a Czech or Turkish form with three full answers 32 KB and refused.
        await host.Conversation.SeedProfileAsync(language);
        var full = string.Concat(Enumerable.Repeat(sentence, ExchangeLimits.LongText))[..(ExchangeLimits.LongText - 1)].TrimEnd() + "!";

        await OpenForm()
            .Send(() => FormSubmit("check", objectives: full, agenda: full, outcomes: full))
            .AssertReply(r => lastForm = r, "the checked form")
            .StartTestAsync();

        Assert.Equal(full, InputValue("objectives"));
        Assert.Equal(full, InputValue("agenda"));
        Assert.Equal(full, InputValue("outcomes"));
        Assert.InRange(full.Length, ExchangeLimits.LongText - 1, ExchangeLimits.LongText);
    }

    [Fact]
    public async Task Form_ThreeFullLengthAnswersWithEmoji_CheckedFormComesBackWithThem()
    {
        // An emoji is two UTF-16 units on the card as sent (not the twelve characters of a \uD83E\uDDF5 pair): three
        // full answers with them fit.
        await host.Conversation.SeedProfileAsync("pt");
        var full = new System.Text.StringBuilder();
        foreach (var rune in string.Concat(Enumerable.Repeat("Fios 🧵🧶👕🧵🧶👕 ", 200)).EnumerateRunes())
        {
            if (full.Length + rune.Utf16SequenceLength > ExchangeLimits.LongText)
            {
                break;
            }

            full.Append(rune.ToString());
        }

        var text = full.ToString().TrimEnd();

        await OpenForm()
            .Send(() => FormSubmit("check", objectives: text, agenda: text, outcomes: text))
            .AssertReply(r => lastForm = r, "the checked form")
            .StartTestAsync();

        Assert.Equal(text, InputValue("objectives"));
        Assert.Equal(text, InputValue("agenda"));
        Assert.Equal(text, InputValue("outcomes"));
        Assert.InRange(text.Length, ExchangeLimits.LongText - 60, ExchangeLimits.LongText);
    }

    [Theory]
    [InlineData("en", "Objectives — at most 2,000 characters", "Please answer in at most 2,000 characters.")]
    [InlineData("pt", "Objetivos — no máximo 2\u00A0000 caracteres", "Responda com no máximo 2\u00A0000 caracteres.")]
    [InlineData("es", "Objetivos — como máximo 2.000 caracteres", "Responda con un máximo de 2.000 caracteres.")]
    [InlineData("it", "Obiettivi — al massimo 2.000 caratteri", "Rispondi con al massimo 2.000 caratteri.")]
    [InlineData("tr", "Hedefler — en fazla 2.000 karakter", "Lütfen en fazla 2.000 karakterle yanıtlayın.")]
    [InlineData("cs", "Cíle — nejvýše 2\u00A0000 znaků", "Odpovězte prosím nejvýše 2\u00A0000 znaky.")]
    public void Texts_MaximumWrittenAsTheLanguageWritesNumbers(string language, string tooLong, string answerLength)
    {
        var texts = ExchangeTexts.Resolve(language);

        Assert.Equal(tooLong, texts.TooLong(texts.Objectives, ExchangeLimits.LongText));
        Assert.Equal(answerLength, texts.AnswerLength(ExchangeLimits.LongText));
    }

    /// <summary>An application of the test user stored directly, submitted (stage 1, version 2).</summary>
    private async Task<ExchangeApplication> StoreSubmittedAsync(string language, string objectives = "o", string agenda = "a", string? comment = null)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = ExchangeDialogTestHost.ApplicantId, ApplicantUserId = "29:user-1", ApplicantName = "Lara", TenantId = "tenant",
            ApplicantLanguage = language, ApplicantConversationId = "a:conversation-1", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5),
            ActivityType = ExchangeActivityType.Networking, Objectives = objectives, Agenda = agenda, ExpectedOutcomes = "x",
        };
        await store.CreateAsync(application, CancellationToken.None);
        var actor = new ExchangeActor(ExchangeDialogTestHost.ApplicantId, "Lara", "29:user-1", "tenant");
        Assert.True(await store.TransitionAsync(application.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, actor, comment, null, CancellationToken.None));
        return (await store.FindAsync(application.Id, CancellationToken.None))!;
    }

    private TestFlow OpenForm() => host.Conversation.Flow()
        .Send("apply for an exchange")
        .AssertReply(r => formId = FormIdPattern().Match(Describe(r)).Groups[1].Value, "the form");

    private Activity FormSubmit(
        string op, string objectives = "Learn the nonwoven pilot line.", string agenda = "Day 1: lab.", string outcomes = "A joint proposal.", string hostQuery = "clutex") =>
        host.Conversation.Submit(new
        {
            formId, op, visitingId = "hitechtex-citeve", hostQuery, hostId = "hitechtex-clutex", startDate = "2027-03-01", endDate = "2027-03-05",
            activityType = "KnowledgeSharing", objectives, agenda, outcomes,
        });

    /// <summary>The value an input of the last form card shows.</summary>
    private string InputValue(string id)
    {
        string? found = null;
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("id", out var inputId) && inputId.ValueKind == JsonValueKind.String && inputId.GetString() == id
                    && element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
                {
                    found = element.TryGetProperty("value", out var value) ? value.GetString() : "";
                }

                foreach (var property in element.EnumerateObject())
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
        return found ?? throw new InvalidOperationException($"no input {id}");
    }

    private static string JsonEncoded(string text) => JsonSerializer.Serialize(text)[1..^1];

    private static string Describe(Activity reply) =>
        reply.Text + string.Concat((reply.Attachments ?? []).Select(a => JsonSerializer.Serialize(a.Content)));

    [GeneratedRegex("\"formId\":\"([0-9a-f]{32})\"")]
    private static partial Regex FormIdPattern();
}
