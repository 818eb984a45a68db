using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A whole command typed at "leave what we started?": no failed yes or no (before, it used one of the question's tries).
/// Another journey's command leaves what waited and starts that journey; the waiting journey's own command keeps it and
/// asks its question again; help and cancel work there as anywhere. Turn by turn, in the six languages.
/// </summary>
public sealed partial class AnotherRequestWhileFormWaitsTests
{
    public static TheoryData<string> Languages => ["en", "pt", "es", "it", "tr", "cs"];

    private static readonly Dictionary<string, string> CancelWords = new(StringComparer.Ordinal)
    {
        ["en"] = "cancel", ["pt"] = "cancelar", ["es"] = "cancelar", ["it"] = "annulla", ["tr"] = "iptal", ["cs"] = "zrušit",
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task AnotherJourneysCommand_AtTheLeaveQuestion_LeavesWhatWaitedAndStartsThatJourney(string language)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);

        // A one-turn journey: its answer, and nothing waits any more (no step-by-step question, no delete question).
        await ToTheLeaveQuestionAtTheHost(host.Conversation.Flow(), texts, conversation)
            .Send(texts.MyApplicationsCommands[0])
            .AssertReply(r => Assert.Contains(AsInDescribe(texts.NoApplications), Describe(r), StringComparison.Ordinal), "my applications")
            .AssertNoReply()
            .Send(texts.ApplyCommands[0])
            .AssertReply(r => formId = FormIdOf(r), "a new form: the step-by-step application was left")
            .AssertNoReply()
            .StartTestAsync();

        // A journey that waits: begun at once, without a second "leave what we started?".
        var leftForm = formId;
        await host.Conversation.Flow()
            .Send(conversation.DeleteDataCommands[0])
            .AssertReply(r => Assert.Equal(conversation.LeaveUnfinished, r.Text), "whether to leave the form")
            .Send(texts.StepByStepCommands[0])
            .AssertReply(texts.AskHost)
            .AssertNoReply()
            .Send(() => SaveTheForm(leftForm!))
            .AssertReply(r => Assert.NotEqual(texts.DraftSaved, r.Text), "the form left saves nothing")
            .StartTestAsync();

        Assert.NotNull(await host.Conversation.ReadProfileAsync());
        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheWaitingJourneysOwnCommand_AtTheLeaveQuestion_KeepsItAndAsksItsQuestionAgain(string language)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);

        // The step-by-step application's own command, and "apply for exchange" (the same application in other words).
        await ToTheLeaveQuestionAtTheHost(host.Conversation.Flow(), texts, conversation)
            .Send(texts.StepByStepCommands[0])
            .AssertReply(conversation.KeepUnfinished)
            .AssertReply(texts.AskHost)
            .AssertNoReply()
            .Send(conversation.DeleteDataCommands[0])
            .AssertReply(r => Assert.Equal(conversation.LeaveUnfinished, r.Text), "whether to leave the question")
            .Send(texts.ApplyCommands[0])
            .AssertReply(conversation.KeepUnfinished)
            .AssertReply(texts.AskHost)
            .AssertNoReply()
            .Send("Clutex")
            .AssertReplyContains(texts.HostOrganisation)
            .AssertReply(texts.AskStartDate)
            .StartTestAsync();

        // The form's own command: the same form again, which still saves.
        var flow = host.Conversation.Flow()
            .Send(CancelWords[language])
            .AssertReply(conversation.Cancelled)
            .Send(texts.ApplyCommands[0])
            .AssertReply(r => formId = FormIdOf(r), "the form")
            .Send(conversation.DeleteDataCommands[0])
            .AssertReply(r => Assert.Equal(conversation.LeaveUnfinished, r.Text), "whether to leave the form")
            .Send(texts.ApplyCommands[^1]);
        await KeptTheFormThatStillSaves(flow, conversation, texts).StartTestAsync();

        Assert.NotNull(await host.Conversation.ReadProfileAsync());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task HelpAtTheLeaveQuestion_TheHelpCardAndTheQuestionAgain_NoTryUsed(string language)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);

        // After help the question still takes its three answers before it gives up.
        var flow = ToTheLeaveQuestionAtTheHost(host.Conversation.Flow(), texts, conversation)
            .Send(conversation.HelpWord)
            .AssertReply(r => Assert.Single(r.Attachments!), "the help card")
            .AssertReply(conversation.EngineHelp)
            .AssertReply(r => Assert.Equal(conversation.LeaveUnfinished, r.Text), "the question again");
        await ThreeAnswersThatAreNoYesOrNo(flow, conversation)
            .AssertReply(texts.AskHost)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task CancelAtTheLeaveQuestion_CancelsEverything(string language)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);

        await ToTheLeaveQuestionAtTheHost(host.Conversation.Flow(), texts, conversation)
            .Send(CancelWords[language])
            .AssertReply(conversation.Cancelled)
            .AssertNoReply()
            .Send(texts.ApplyCommands[0])
            .AssertReply(r => FormIdOf(r), "a new form: nothing waited")
            .AssertNoReply()
            .StartTestAsync();

        Assert.NotNull(await host.Conversation.ReadProfileAsync());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ARoleCommandOfSomeoneWithoutTheRole_AtTheLeaveQuestion_RefusedOnTopAndTheQuestionAgain(string language)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);

        // Nothing to leave for: the application still waits, and the question still takes a no.
        await ToTheLeaveQuestionAtTheHost(host.Conversation.Flow(), texts, conversation)
            .Send(texts.PendingApprovalsCommands[0])
            .AssertReply(r => Assert.StartsWith(conversation.OnlyForClusterManagers, r.Text, StringComparison.Ordinal), "whom it is for")
            .AssertReply(r => Assert.Single(r.Attachments!), "what else the bot can do")
            .AssertReply(r => Assert.Equal(conversation.LeaveUnfinished, r.Text), "the question again")
            .Send("hmm")
            .AssertReply(r => Assert.Equal(conversation.LeaveUnfinishedRetry, r.Text), "how to answer")
            .StartTestAsync();
    }

    /// <summary>A text as <see cref="Describe"/> shows it inside a card (JSON-escaped: "ž" as "\u017E").</summary>
    private static string AsInDescribe(string text) => System.Text.Json.JsonSerializer.Serialize(text)[1..^1];

    private static TestFlow ToTheLeaveQuestionAtTheHost(TestFlow flow, ExchangeTexts texts, ConversationTexts conversation) => flow
        .Send(texts.StepByStepCommands[0])
        .AssertReply(texts.AskHost)
        .Send(conversation.DeleteDataCommands[0])
        .AssertReply(r => Assert.Equal(conversation.LeaveUnfinished, r.Text), "whether to leave the question");
}
