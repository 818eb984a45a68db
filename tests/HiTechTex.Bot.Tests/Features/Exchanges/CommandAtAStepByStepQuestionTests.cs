using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A menu command typed at a step-by-step application question (a text prompt: the objectives, the agenda…) is no
/// answer to it. Before: "withdraw my application" and "apply step by step" were stored as the exchange's objectives.
/// Now a one-turn request ("my applications", "withdraw my application") is answered on top and the question asked
/// again, the step-by-step's own command says it is under way already and asks again, help shows the help card — and
/// the next real answer is the one kept. Through the real main dialog, turn by turn, in the six languages.
/// </summary>
public sealed class CommandAtAStepByStepQuestionTests : IDisposable
{
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    public static TheoryData<string> Languages => ["en", "pt", "es", "it", "tr", "cs"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task MenuCommandsAtTheObjectives_NoneIsTheAnswerAndTheQuestionIsAskedAgain(string language)
    {
        var texts = ExchangeTexts.Resolve(language);
        var conversation = ConversationTexts.For(language);
        await host.Conversation.SeedProfileAsync(language);

        await ToTheObjectives(host.Conversation.Flow(), texts)
            .Send(texts.MyApplicationsCommands[0])
            .AssertReply(r => Assert.Contains(texts.MyApplicationsTitle, Json(r), StringComparison.Ordinal), "my applications, on top")
            .AssertReply(texts.AskObjectives)
            .Send(texts.WithdrawCommands[0])
            .AssertReply(r => Assert.Contains(texts.MyApplicationsTitle, Json(r), StringComparison.Ordinal), "the list with its Withdraw buttons, on top")
            .AssertReply(texts.AskObjectives)
            .Send(texts.StepByStepCommands[0])
            .AssertReply(conversation.AlreadyUnderway)
            .AssertReply(texts.AskObjectives)
            .Send("Learn the nanofibre lab methods.")
            .AssertReply(texts.AskAgenda)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task CommandsAtEveryTextQuestion_ThenSubmit_OnlyTheRealAnswersAreKept()
    {
        var en = ExchangeTexts.English;
        await host.Conversation.SeedProfileAsync("en");

        await ToTheObjectives(host.Conversation.Flow(), en)
            .Send("withdraw my application")
            .AssertReply(r => Assert.Contains(en.MyApplicationsTitle, Json(r), StringComparison.Ordinal), "the list, on top")
            .AssertReply(en.AskObjectives)
            .Send("help")
            .AssertReply(r => Assert.Single(r.Attachments!), "the help card")
            .AssertReply(ConversationTexts.En.EngineHelp)
            .AssertReply(en.AskObjectives)
            .Send("Learn the nanofibre lab methods.")
            .AssertReply(en.AskAgenda)
            .Send("apply step by step")
            .AssertReply(ConversationTexts.En.AlreadyUnderway)
            .AssertReply(en.AskAgenda)
            .Send("Day 1 lab tour, days 2-5 trials.")
            .AssertReply(en.AskOutcomes)
            .Send("my applications")
            .AssertReply(r => Assert.Contains(en.MyApplicationsTitle, Json(r), StringComparison.Ordinal), "the list, on top")
            .AssertReply(en.AskOutcomes)
            .Send("A joint project proposal.")
            .AssertReply(r => Assert.Contains(en.Eligibility, r.Text, StringComparison.Ordinal), "the check")
            .AssertReply(r => Assert.Equal(en.ChooseNext, r.Text), "the choice")
            .Send(en.SubmitButton)
            .AssertReply(r => Assert.Contains(en.Statuses[ExchangeStatus.Stage1], Json(r), StringComparison.Ordinal), "the application card")
            .AssertNoReply()
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal("Learn the nanofibre lab methods.", application.Objectives);
        Assert.Equal("Day 1 lab tour, days 2-5 trials.", application.Agenda);
        Assert.Equal("A joint project proposal.", application.ExpectedOutcomes);
    }

    [Fact]
    public async Task AWithdrawRequestInASentence_AtTheObjectives_IsStillTheAnswer()
    {
        // Only a whole command is another request: an objective that merely mentions one is the answer.
        var en = ExchangeTexts.English;
        await host.Conversation.SeedProfileAsync("en");

        await ToTheObjectives(host.Conversation.Flow(), en)
            .Send("Learn how to withdraw my application of dyes safely")
            .AssertReply(en.AskAgenda)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ApplyForExchange_AtAQuestionTheFormsStepByStepButtonBegan_UnderWayAlreadyAndAskedAgain()
    {
        var en = ExchangeTexts.English;
        string? formId = null;
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("apply for an exchange")
            .AssertReply(r => formId = System.Text.RegularExpressions.Regex.Match(Json(r), "\"formId\":\"([0-9a-f]{32})\"").Groups[1].Value, "the form")
            .Send(() => host.Conversation.Submit(new { op = "stepByStep", formId, formNoInputs = true }))
            .AssertReply(en.AskHost)
            .Send("apply for an exchange")
            .AssertReply(ConversationTexts.En.AlreadyUnderway)
            .AssertReply(en.AskHost)
            .Send("apply step by step")
            .AssertReply(ConversationTexts.En.AlreadyUnderway)
            .AssertReply(en.AskHost)
            .Send("Clutex")
            .AssertReplyContains(en.HostOrganisation)
            .AssertReply(en.AskStartDate)
            .StartTestAsync();
    }

    /// <summary>
    /// The application's own command typed at its final confirmation (Submit / Save draft / Cancel): not an answer and
    /// not a second application — said to be under way, and the confirmation asked again with its buttons, which still
    /// answer it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ItsOwnCommands_AtTheFinalConfirmation_UnderWayAndTheConfirmationAskedAgain(string language)
    {
        await host.Conversation.SeedProfileAsync(language);
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));

        // Before: "apply for exchange" here asked whether to leave the application — all its answers — for a new one.
        string? summary = null;
        await ToTheFinalConfirmation(host.Conversation.Flow(), texts, s => summary = s)
            .Send(texts.ApplyCommands[0])
            .AssertReply(conversation.AlreadyUnderway)
            .AssertReply(r => Assert.Equal(summary, r.Text), "the summary again")
            .AssertReply(r => AssertFinalConfirmation(r, texts), "asked again")
            .Send(texts.StepByStepCommands[0])
            .AssertReply(conversation.AlreadyUnderway)
            .AssertReply(r => Assert.Equal(summary, r.Text), "the summary again")
            .AssertReply(r => AssertFinalConfirmation(r, texts), "asked again")
            .AssertNoReply()
            .Send(texts.SubmitButton)
            .AssertReply(r => Assert.Contains(texts.Statuses[ExchangeStatus.Stage1], Json(r), StringComparison.Ordinal), "the application card")
            .AssertNoReply()
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(("Learn the nanofibre lab methods.", ExchangeStatus.Stage1), (application.Objectives, application.Status));
    }

    /// <summary>
    /// The final confirmation asked again after help, or after "leave what we started?" kept the application: the
    /// eligibility and lump-sum summary comes again with it, as first shown, so that the choice is made without
    /// scrolling back — and in the normal flow it is sent once. Before: only the question and its buttons.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheFinalConfirmationAskedAgain_ComesWithItsSummaryAgain(string language)
    {
        await host.Conversation.SeedProfileAsync(language);
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        string? summary = null;
        await ToTheFinalConfirmation(host.Conversation.Flow(), texts, s => summary = s)
            .AssertNoReply()
            .Send(conversation.HelpWord)
            .AssertReply(r => Assert.Single(r.Attachments!), "the help card")
            .AssertReply(conversation.EngineHelp)
            .AssertReply(r => Assert.Equal(summary, r.Text), "the summary again")
            .AssertReply(r => AssertFinalConfirmation(r, texts), "asked again")
            .AssertNoReply()
            .Send(conversation.DeleteDataCommands[0])
            .AssertReply(r => Assert.Equal(conversation.LeaveUnfinishedFor(conversation.DeleteDataCommands[0]), r.Text), "whether to leave the application")
            .Send(texts.StepByStepCommands[0])
            .AssertReply(conversation.KeepUnfinished)
            .AssertReply(r => Assert.Equal(summary, r.Text), "the summary again")
            .AssertReply(r => AssertFinalConfirmation(r, texts), "asked again")
            .AssertNoReply()
            .Send("hmm")
            .AssertReply(r => Assert.Equal(texts.ChooseOneRetry, r.Text), "a retry: the question alone")
            .AssertNoReply()
            .Send(texts.SaveDraftButton)
            .AssertReply(texts.DraftSaved)
            .StartTestAsync();

        Assert.Equal(ExchangeStatus.Draft, Assert.Single(await host.ApplicationsAsync()).Status);
    }

    /// <summary>The final confirmation: its question and its Submit, Save draft and Cancel buttons.</summary>
    private static void AssertFinalConfirmation(Activity reply, ExchangeTexts texts)
    {
        Assert.Equal(texts.ChooseNext, reply.Text);
        var titles = Assert.Single(reply.Attachments!).Content!.Value.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString());
        Assert.Equal([texts.SubmitButton, texts.SaveDraftButton, texts.CancelButton], titles);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void WithdrawCommands_AreUnderstoodAsAWholeMessageAndAreNoInterruption(string language)
    {
        Assert.All(ExchangeTexts.Resolve(language).WithdrawCommands, c => Assert.Equal(InterruptionKind.None, InterruptionRecognizer.Recognize(c)));
    }

    internal static TestFlow ToTheObjectives(TestFlow flow, ExchangeTexts texts) => flow
        .Send(texts.StepByStepCommands[0])
        .AssertReply(texts.AskHost)
        .Send("Clutex")
        .AssertReplyContains(texts.HostOrganisation)
        .AssertReply(texts.AskStartDate)
        .Send("2027-03-01")
        .AssertReply(texts.AskEndDate)
        .Send("2027-03-05")
        .AssertReply(r => Assert.Equal(texts.ChooseActivityType, r.Text), "the activity types")
        .Send(texts.ActivityTypes[ExchangeActivityType.KnowledgeSharing])
        .AssertReply(texts.AskObjectives);

    /// <param name="summary">Given the summary sent above the confirmation (the eligibility and the lump sum).</param>
    /// <param name="question">Given the confirmation itself (its card holds the buttons).</param>
    internal static TestFlow ToTheFinalConfirmation(TestFlow flow, ExchangeTexts texts, Action<string>? summary = null, Action<Activity>? question = null) => ToTheObjectives(flow, texts)
        .Send("Learn the nanofibre lab methods.")
        .AssertReply(texts.AskAgenda)
        .Send("Day 1 lab tour, days 2-5 trials.")
        .AssertReply(texts.AskOutcomes)
        .Send("A joint project proposal.")
        .AssertReply(r =>
        {
            Assert.Contains(texts.Eligibility, r.Text, StringComparison.Ordinal);
            summary?.Invoke(r.Text!);
        }, "the check")
        .AssertReply(r =>
        {
            AssertFinalConfirmation(r, texts);
            question?.Invoke(r);
        }, "submit, save or cancel?");

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(Activity reply) =>
        reply.Text + string.Concat((reply.Attachments ?? []).Select(a => JsonSerializer.Serialize(a.Content, Readable)));
}
