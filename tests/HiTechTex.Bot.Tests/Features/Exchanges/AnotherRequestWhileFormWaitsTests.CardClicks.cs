using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A menu or list card's button clicked while an ordinary question waits (a text, date or choice question of the
/// step-by-step application, the yes or no of "delete my data", the first-use questions): an Action.Execute does what the
/// same Action.Submit does there, and its invoke gets HTTP 200 with a message response. Before, the Execute click was
/// ignored. The menu's "Apply for an exchange" at a step-by-step application question says it is under way already and
/// asks the question again, as the typed command does. Turn by turn, in the six languages.
/// </summary>
public sealed partial class AnotherRequestWhileFormWaitsTests
{
    private static readonly Dictionary<string, string> NoWords = new(StringComparer.Ordinal)
    {
        ["en"] = "no", ["pt"] = "não", ["es"] = "no", ["it"] = "no", ["tr"] = "hayır", ["cs"] = "ne",
    };

    /// <summary>Each language with each way to click: a card's Action.Submit, a card's Action.Execute.</summary>
    public static TheoryData<string, string> LanguagesAndClicks => LanguagesWith("submit", "execute");

    [Theory]
    [MemberData(nameof(LanguagesAndClicks))]
    public async Task AOneTurnMenuButton_AtTextDateAndChoiceQuestions_AnsweredOnTopAndTheQuestionAgain(string language, string way)
    {
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);

        var flow = MyApplicationsOnTop(host.Conversation.Flow().Send(texts.StepByStepCommands[0]).AssertReply(texts.AskHost), texts, way)
            .AssertReply(texts.AskHost)
            .Send("Clutex")
            .AssertReplyContains(texts.HostOrganisation)
            .AssertReply(texts.AskStartDate);
        flow = MyApplicationsOnTop(flow, texts, way)
            .AssertReply(texts.AskStartDate)
            .Send("2027-03-01")
            .AssertReply(texts.AskEndDate)
            .Send("2027-03-05")
            .AssertReply(r => Assert.Equal(texts.ChooseActivityType, r.Text), "the activity types");
        await MyApplicationsOnTop(flow, texts, way)
            .AssertReply(r => Assert.Equal(texts.ChooseActivityType, r.Text), "the activity types again")
            .AssertNoReply()
            .Send(texts.ActivityTypes[ExchangeActivityType.KnowledgeSharing])
            .AssertReply(texts.AskObjectives)
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(LanguagesAndClicks))]
    public async Task AOneTurnMenuButton_AtTheDeleteQuestion_AnsweredOnTopAndTheQuestionAgain(string language, string way)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);

        var flow = host.Conversation.Flow()
            .Send(conversation.DeleteDataCommands[0])
            .AssertReply(r => Assert.StartsWith(conversation.ConfirmDeleteData, r.Text, StringComparison.Ordinal), "the delete question");
        await MyApplicationsOnTop(flow, texts, way)
            .AssertReply(r => Assert.StartsWith(conversation.ConfirmDeleteData, r.Text, StringComparison.Ordinal), "the delete question again")
            .AssertNoReply()
            .StartTestAsync();

        Assert.NotNull(await host.Conversation.ReadProfileAsync());
    }

    [Theory]
    [MemberData(nameof(LanguagesAndClicks))]
    public async Task AnotherWaitingJourneysButton_AtAStepByStepQuestion_AsksWhetherToLeave(string language, string way)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);

        await host.Conversation.Flow()
            .Send(texts.StepByStepCommands[0])
            .AssertReply(texts.AskHost)
            .Send(() => Request(way, "", EditProfileDialog.CardAction))
            .AssertReply(r => Assert.Equal(conversation.LeaveUnfinishedFor(conversation.EditProfileButton), r.Text), "whether to leave, naming the button")
            .AssertInvokeResponse(r => AssertClickAnswered(r, way))
            .AssertNoReply()
            .Send(NoWords[language])
            .AssertReply(conversation.KeepUnfinished)
            .AssertReply(texts.AskHost)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(LanguagesAndClicks))]
    public async Task TheMenusApplyButton_AtAStepByStepQuestion_UnderWayAlreadyAndTheQuestionAgain_NoTryUsed(string language, string way)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);

        // Before: "leave what we started?" — the answers given, for a new form. Three clicks use none of the question's tries.
        var flow = host.Conversation.Flow()
            .Send(texts.StepByStepCommands[0])
            .AssertReply(texts.AskHost);
        for (var click = 0; click < 3; click++)
        {
            flow = ApplyUnderWay(flow, conversation, way).AssertReply(texts.AskHost);
        }

        flow = flow
            .AssertNoReply()
            .Send("Clutex")
            .AssertReplyContains(texts.HostOrganisation)
            .AssertReply(texts.AskStartDate);
        await ApplyUnderWay(flow, conversation, way)
            .AssertReply(texts.AskStartDate)
            .Send("2027-03-01")
            .AssertReply(texts.AskEndDate)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("execute")]
    public async Task TheMenusApplyButton_AtAQuestionTheFormsStepByStepButtonBegan_UnderWayAlready(string way)
    {
        await host.Conversation.SeedProfileAsync("en");

        var flow = OpenForm()
            .Send(() => host.Conversation.Submit(new { op = "stepByStep", formId, formNoInputs = true }))
            .AssertReply(En.AskHost);
        await ApplyUnderWay(flow, Texts, way)
            .AssertReply(En.AskHost)
            .Send("Clutex")
            .AssertReplyContains(En.HostOrganisation)
            .AssertReply(En.AskStartDate)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("execute")]
    public async Task AMenuButton_AtAFirstUseQuestion_KeptForAfterTheProfile_TheQuestionAgainWithoutATry(string way)
    {
        // The click is no answer to the first-use question (it was read as one, a failed one using a try): the request is
        // kept and run once the profile is saved, said so, on the card too for an Action.Execute, and the question again.
        await host.Conversation.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Send(() => Request(way, "", "myApplications"))
            .AssertReply(Texts.ProfileFirst)
            .AssertReply(Texts.ConfirmName("Ana"))
            .AssertInvokeResponse(r => AssertClickAnswered(r, way, way == "execute" ? Texts.ProfileFirst : null))
            .AssertNoReply()
            .Send("yes")
            .AssertReply(Texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReply(_ => { }, "the language question")
            .Send("English")
            .AssertReply(Texts.ProfileSaved("Ana"))
            .AssertReply(r => Assert.Contains(AsInDescribe(En.NoApplications), Describe(r), StringComparison.Ordinal), "my applications")
            .StartTestAsync();

        Assert.NotNull(await host.Conversation.ReadProfileAsync());
    }

    /// <summary>The menu's "My applications" clicked <paramref name="way"/>: the list on top, the click answered.</summary>
    private TestFlow MyApplicationsOnTop(TestFlow flow, ExchangeTexts texts, string way) => flow
        .Send(() => Request(way, "", "myApplications"))
        .AssertReply(r => Assert.Contains(AsInDescribe(texts.NoApplications), Describe(r), StringComparison.Ordinal), "my applications, on top")
        .AssertInvokeResponse(r => AssertClickAnswered(r, way));

    /// <summary>The menu's "Apply for an exchange" clicked <paramref name="way"/> at a step-by-step question: under way already.</summary>
    private TestFlow ApplyUnderWay(TestFlow flow, ConversationTexts conversation, string way) => flow
        .Send(() => Request(way, "", "applyExchange"))
        .AssertReply(conversation.AlreadyUnderway)
        .AssertInvokeResponse(r => AssertClickAnswered(r, way));

    /// <summary>
    /// An Action.Execute's invoke answered as the protocol requires (spec §5.2): HTTP 200 with
    /// <c>{statusCode: 200, type: application/vnd.microsoft.activity.message, value: "…"}</c>; a message has no invoke response.
    /// </summary>
    private static void AssertClickAnswered(InvokeResponse? response, string way, string? message = null)
    {
        if (way != "execute")
        {
            Assert.Null(response);
            return;
        }

        Assert.Equal(200, response?.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(response!.Body);
        Assert.Equal((200, AdaptiveCardInvokeResponse.MessageType), (body.StatusCode, body.Type));
        Assert.Equal(JsonValueKind.String, body.Value?.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(body.Value!.Value.GetString()));
        if (message is not null)
        {
            Assert.Equal(message, body.Value!.Value.GetString());
        }
    }
}
