using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A whole command typed at "leave what we started?", or a menu or list card's button clicked there (an Action.Submit or
/// an Action.Execute): no failed yes or no (before, each used one of the question's tries). Another journey's request
/// leaves what waited and starts that journey; the waiting journey's own keeps it and asks its question again; help and
/// cancel work there as anywhere. Turn by turn, in the six languages.
/// </summary>
public sealed partial class AnotherRequestWhileFormWaitsTests
{
    private static readonly string[] LanguageCodes = ["en", "pt", "es", "it", "tr", "cs"];

    public static TheoryData<string> Languages => [.. LanguageCodes];

    /// <summary>Each language with each way to ask: typed, a card's Action.Submit, a card's Action.Execute.</summary>
    public static TheoryData<string, string> LanguagesAndWays => LanguagesWith("typed", "submit", "execute");

    /// <summary>Each language with each of <paramref name="ways"/>.</summary>
    private static TheoryData<string, string> LanguagesWith(params string[] ways)
    {
        var data = new TheoryData<string, string>();
        foreach (var language in LanguageCodes)
        {
            foreach (var way in ways)
            {
                data.Add(language, way);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, string> CancelWords = new(StringComparer.Ordinal)
    {
        ["en"] = "cancel", ["pt"] = "cancelar", ["es"] = "cancelar", ["it"] = "annulla", ["tr"] = "iptal", ["cs"] = "zrušit",
    };

    [Theory]
    [MemberData(nameof(LanguagesAndWays))]
    public async Task AnotherJourneysRequest_AtTheLeaveQuestion_LeavesWhatWaitedAndStartsThatJourney(string language, string way)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);

        // A one-turn journey: its answer, and nothing waits any more (no step-by-step question, no delete question).
        await ToTheLeaveQuestionAtTheHost(host.Conversation.Flow(), texts, conversation)
            .Send(() => Request(way, texts.MyApplicationsCommands[0], "myApplications"))
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
            .AssertReply(r => Assert.Equal(conversation.LeaveUnfinishedFor(conversation.DeleteDataCommands[0]), r.Text), "whether to leave the form")
            .Send(() => Request(way, texts.StepByStepCommands[0], ExchangeStepByStepDialog.DialogId))
            .AssertReply(texts.AskHost)
            .AssertNoReply()
            .Send(() => SaveTheForm(leftForm!))
            .AssertReply(r => Assert.NotEqual(texts.DraftSaved, r.Text), "the form left saves nothing")
            .StartTestAsync();

        Assert.NotNull(await host.Conversation.ReadProfileAsync());
        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [MemberData(nameof(LanguagesAndWays))]
    public async Task TheWaitingJourneysOwnRequest_AtTheLeaveQuestion_KeepsItAndAsksItsQuestionAgain(string language, string way)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);

        // The step-by-step application's own request, and "apply for exchange" (the same application in other words;
        // as a button, the menu's "Apply for an exchange").
        await ToTheLeaveQuestionAtTheHost(host.Conversation.Flow(), texts, conversation)
            .Send(() => Request(way, texts.StepByStepCommands[0], ExchangeStepByStepDialog.DialogId))
            .AssertReply(conversation.KeepUnfinished)
            .AssertReply(texts.AskHost)
            .AssertNoReply()
            .Send(conversation.DeleteDataCommands[0])
            .AssertReply(r => Assert.Equal(conversation.LeaveUnfinishedFor(conversation.DeleteDataCommands[0]), r.Text), "whether to leave the question")
            .Send(() => Request(way, texts.ApplyCommands[0], "applyExchange"))
            .AssertReply(conversation.KeepUnfinished)
            .AssertReply(texts.AskHost)
            .AssertNoReply()
            .Send("Clutex")
            .AssertReplyContains(texts.HostOrganisation)
            .AssertReply(texts.AskStartDate)
            .StartTestAsync();

        // The form's own request: the same form again, which still saves.
        var flow = host.Conversation.Flow()
            .Send(CancelWords[language])
            .AssertReply(conversation.Cancelled)
            .Send(texts.ApplyCommands[0])
            .AssertReply(r => formId = FormIdOf(r), "the form")
            .Send(conversation.DeleteDataCommands[0])
            .AssertReply(r => Assert.Equal(conversation.LeaveUnfinishedFor(conversation.DeleteDataCommands[0]), r.Text), "whether to leave the form")
            .Send(() => Request(way, texts.ApplyCommands[^1], "applyExchange"));
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
            .AssertReply(conversation.EngineHelp);
        await TheLeaveQuestionAgainWithAllItsTries(flow, texts, conversation).StartTestAsync();
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
    [MemberData(nameof(LanguagesAndWays))]
    public async Task ARoleRequestOfSomeoneWithoutTheRole_AtTheLeaveQuestion_RefusedOnTopAndTheQuestionAgain_NoTryUsed(string language, string way)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);

        // Typed, a cluster manager's "pending approvals"; clicked, the stuck list's "Retry now" of a forwarded card.
        // Nothing to leave for: the application still waits, and the question still takes its three answers.
        var refusal = way == "typed" ? conversation.OnlyForClusterManagers : conversation.OnlyForCoordinators;
        var flow = ToTheLeaveQuestionAtTheHost(host.Conversation.Flow(), texts, conversation)
            .Send(() => Request(way, texts.PendingApprovalsCommands[0], ExchangeVerbs.RetryDelivery))
            .AssertReply(r => Assert.StartsWith(refusal, r.Text, StringComparison.Ordinal), "whom it is for")
            .AssertReply(r => Assert.Single(r.Attachments!), "what else the bot can do");
        await TheLeaveQuestionAgainWithAllItsTries(flow, texts, conversation).StartTestAsync();
    }

    [Theory]
    [InlineData("help")]
    [InlineData("welcome")]
    public async Task TheHelpCardsButtons_AtTheLeaveQuestion_TheCardAndTheQuestionAgain_NoTryUsed(string action)
    {
        var (texts, conversation) = (ExchangeTexts.English, ConversationTexts.En);
        await host.Conversation.SeedProfileAsync("en");

        var flow = ToTheLeaveQuestionAtTheHost(host.Conversation.Flow(), texts, conversation)
            .Send(() => host.Conversation.Submit(new { action }))
            .AssertReply(r => Assert.Single(r.Attachments!), "the card");
        await TheLeaveQuestionAgainWithAllItsTries(flow, texts, conversation).StartTestAsync();
    }

    [Theory]
    [InlineData("typed")]
    [InlineData("button")]
    public async Task TheLeaveQuestion_AnsweredAfterTheLanguageChanged_AskedAgainInTheNewLanguage(string how)
    {
        await host.Conversation.SeedProfileAsync("en");
        var pt = ConversationTexts.For("pt");

        // Before: its text stayed in the language of the turn that asked it. A typed request is named as typed; a
        // button by its label in the new language.
        var (request, named) = how == "typed" ? ("delete my data", "delete my data") : (Texts.EditProfileButton, pt.EditProfileButton);
        await OpenForm()
            .Send(() => how == "typed" ? host.Conversation.Adapter.MakeMessage(request) : host.Conversation.Submit(new { action = EditProfileDialog.CardAction }))
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedFor(request), r.Text), "whether to leave the form, in English")
            .Do(() => host.Conversation.SeedProfileAsync("pt"))
            .Send("talvez depois")
            .AssertReply(r => Assert.Equal(pt.LeaveUnfinishedForRetry(named), r.Text), "how to answer, in Portuguese")
            .Send(pt.HelpWord)
            .AssertReply(r => Assert.Single(r.Attachments!), "the help card")
            .AssertReply(pt.EngineHelp)
            .AssertReply(r => Assert.Equal(pt.LeaveUnfinishedFor(named), r.Text), "the question again, in Portuguese")
            .Send("hmm")
            .AssertReply(r => Assert.Equal(pt.LeaveUnfinishedForRetry(named), r.Text), "how to answer")
            .Send("o quê?")
            .AssertReply(pt.LeaveUnfinishedGaveUp)
            .AssertReply(r => Assert.Equal(formId, FormIdOf(r)), "the same form again")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task TheLeaveQuestion_AskedBeforeItsOptionsKeptWhatItNames_StillNamesTheRequestAsAsked()
    {
        await host.Conversation.SeedProfileAsync("en");
        await OpenForm()
            .Send("delete my data")
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedFor("delete my data"), r.Text), "whether to leave the form")
            .StartTestAsync();

        // The state an older deploy left: the question's options without what it names. Worded anew it would have lost
        // the request's name; it stays as asked.
        const string Key = "msteams/conversations/a:conversation-1";
        var stored = Assert.Single(await host.Conversation.Storage.ReadAsync([Key])).Value;
        var json = System.Text.Json.Nodes.JsonNode.Parse(stored.Value.GetRawText())!;
        var removed = 0;
        RemoveValidations(json, ref removed);
        Assert.Equal(1, removed);
        await host.Conversation.Storage.WriteAsync(new Dictionary<string, StoreItem> { [Key] = new(JsonSerializer.SerializeToElement(json), "*") });
        await host.Conversation.SeedProfileAsync("pt");

        await host.Conversation.Flow()
            .Send("talvez depois")
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedForRetry("delete my data"), r.Text), "how to answer, as asked")
            .StartTestAsync();
    }

    /// <summary>Removes every non-null <c>validations</c> of the stored state <paramref name="node"/>, counting them.</summary>
    private static void RemoveValidations(System.Text.Json.Nodes.JsonNode? node, ref int removed)
    {
        if (node is System.Text.Json.Nodes.JsonObject obj)
        {
            if (obj["validations"] is not null && obj.Remove("validations"))
            {
                removed++;
            }

            foreach (var (_, child) in obj.ToList())
            {
                RemoveValidations(child, ref removed);
            }
        }
        else if (node is System.Text.Json.Nodes.JsonArray array)
        {
            foreach (var child in array)
            {
                RemoveValidations(child, ref removed);
            }
        }
    }

    [Fact]
    public async Task ATypedRequestLongerThanTheLimit_NamedInTheLeaveQuestion_CutWithAnEllipsis()
    {
        await host.Conversation.SeedProfileAsync("en");
        const string Typed = "Hello, could you please delete all of my personal information right now please, thank you";
        const string Shown = "Hello, could you please delete all of my personal information right now please,…";
        Assert.True(Typed.Length > MainDialog.MaxRequestShown);
        Assert.Equal(MainDialog.MaxRequestShown, Shown.Length);

        // The request is named, not quoted whole: its first 79 characters and "…", in the question and in its retry.
        await OpenForm()
            .Send(Typed)
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedFor(Shown), r.Text), "whether to leave the form, the request cut")
            .Send("maybe later")
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedForRetry(Shown), r.Text), "how to answer, the request cut")
            .Send("yes")
            .AssertReply(r => Assert.StartsWith(Texts.ConfirmDeleteData, r.Text, StringComparison.Ordinal), "the whole request routed: the delete question")
            .StartTestAsync();
    }

    /// <summary>
    /// "leave what we started?" asked again after an answer on top — still naming the request, "delete my data" — and
    /// still with all its tries (none was used): three answers that are no yes or no, then the step-by-step question it kept.
    /// </summary>
    private static TestFlow TheLeaveQuestionAgainWithAllItsTries(TestFlow flow, ExchangeTexts texts, ConversationTexts conversation) =>
        ThreeAnswersThatAreNoYesOrNo(
                flow.AssertReply(r => Assert.Equal(conversation.LeaveUnfinishedFor(conversation.DeleteDataCommands[0]), r.Text), "the question again, naming the request"),
                conversation, conversation.DeleteDataCommands[0])
            .AssertReply(texts.AskHost)
            .AssertNoReply();

    /// <summary>
    /// A request <paramref name="way"/> ("typed", "submit", "execute"): the message <paramref name="typed"/>, or a card
    /// button whose data is <c>{"action": <paramref name="action"/>}</c> as an Action.Submit or an Action.Execute.
    /// </summary>
    private Activity Request(string way, string typed, string action) => way switch
    {
        "typed" => host.Conversation.Adapter.MakeMessage(typed),
        "submit" => host.Conversation.Submit(new { action }),
        _ => host.Conversation.Adapter.MakeExecute("go", JsonSerializer.SerializeToElement(new { action })),
    };

    /// <summary>A text as <see cref="Describe"/> shows it inside a card (JSON-escaped: "ž" as "\u017E").</summary>
    private static string AsInDescribe(string text) => System.Text.Json.JsonSerializer.Serialize(text)[1..^1];

    private static TestFlow ToTheLeaveQuestionAtTheHost(TestFlow flow, ExchangeTexts texts, ConversationTexts conversation) => flow
        .Send(texts.StepByStepCommands[0])
        .AssertReply(texts.AskHost)
        .Send(conversation.DeleteDataCommands[0])
        .AssertReply(r => Assert.Equal(conversation.LeaveUnfinishedFor(conversation.DeleteDataCommands[0]), r.Text), "whether to leave the question");
}
