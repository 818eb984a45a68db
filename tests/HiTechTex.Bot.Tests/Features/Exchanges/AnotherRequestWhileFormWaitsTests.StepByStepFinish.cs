using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The step-by-step application's final buttons (Submit / Save draft / Cancel, the question's choice buttons, which are
/// Action.Submit) clicked at "leave what we started?" asked above it do what they do at that
/// question — as the form's own buttons do there: Submit submits, Save draft saves, Cancel is a yes (the application is
/// cancelled as its Cancel cancels it, then the request the question named goes on). Before, each was "That button
/// belongs to an earlier question, so I did nothing with it…" and the leave question again — a no, then the same click
/// once more, were needed. Turn by turn, in the six languages.
/// </summary>
public sealed partial class AnotherRequestWhileFormWaitsTests
{
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheStepByStepsSubmit_AtTheLeaveQuestion_SubmitsTheApplicationInThatTurn(string language)
    {
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);

        await ToTheLeaveQuestionAtTheFinalConfirmation(language)
            .Send(() => FinalClick(texts.SubmitButton))
            .AssertReply(r => Assert.Contains(AsInDescribe(texts.Statuses[ExchangeStatus.Stage1]), Describe(r), StringComparison.Ordinal), "the submitted application's card")
            .AssertInvokeResponse(Assert.Null)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(ExchangeStatus.Stage1, Assert.Single(await host.ApplicationsAsync()).Status);
        Assert.NotNull(await host.Conversation.ReadProfileAsync());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheStepByStepsSaveDraft_AtTheLeaveQuestion_SavesTheDraftInThatTurn(string language)
    {
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);

        await ToTheLeaveQuestionAtTheFinalConfirmation(language)
            .Send(() => FinalClick(texts.SaveDraftButton))
            .AssertReply(texts.DraftSaved)
            .AssertReply(r => Assert.Single(r.Attachments ?? []), "the draft's card")
            .AssertInvokeResponse(Assert.Null)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(ExchangeStatus.Draft, Assert.Single(await host.ApplicationsAsync()).Status);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheStepByStepsCancel_AtTheLeaveQuestion_CancelsItThenGoesOnWithTheRequest(string language)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);

        await ToTheLeaveQuestionAtTheFinalConfirmation(language)
            .Send(() => FinalClick(texts.CancelButton))
            .AssertReply(texts.FormCancelled)
            .AssertReply(r => Assert.StartsWith(conversation.ConfirmDeleteData, r.Text, StringComparison.Ordinal), "the delete question")
            .AssertInvokeResponse(Assert.Null)
            .AssertNoReply()
            .Send(NoWords[language])
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
        Assert.NotNull(await host.Conversation.ReadProfileAsync());
    }

    /// <summary>A button of an earlier asking of the final question (its id is not the waiting one's) is still no answer there.</summary>
    [Fact]
    public async Task AnEarlierFinalQuestionsButton_AtTheLeaveQuestion_IsStillAnEarlierQuestionsButton()
    {
        await host.Conversation.SeedProfileAsync("en");

        await ToTheLeaveQuestionAtTheFinalConfirmation("en")
            .Send(() => host.Conversation.Submit(new { choice = En.SubmitButton, prompt = "0123456789abcdef" }))
            .AssertReply(r => Assert.NotEqual(Texts.LeaveUnfinishedFor(Texts.DeleteDataCommands[0]), r.Text), "no answer")
            .AssertReply(Texts.LeaveUnfinishedFor(Texts.DeleteDataCommands[0]))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    /// <summary>
    /// A question's choice buttons are Action.Submit only (PromptActivities): one sent as an Action.Execute is no button
    /// of the bot's, refused on the card before any dialog hears it — the leave question still waits, untouched.
    /// </summary>
    [Fact]
    public async Task TheFinalQuestionsDataAsAnActionExecute_AtTheLeaveQuestion_IsNoButtonOfOurs_AndTheQuestionStillWaits()
    {
        await host.Conversation.SeedProfileAsync("en");

        await ToTheLeaveQuestionAtTheFinalConfirmation("en")
            .Send(() => host.Conversation.Adapter.MakeExecute("choice", (finalButtons ?? []).Single(d => d.GetProperty("choice").GetString() == En.SubmitButton)))
            .AssertInvokeResponse(r => AssertClickAnswered(r, "execute", Texts.ButtonNotRecognised))
            .AssertNoReply()
            .Send("no")
            .AssertReply(Texts.KeepUnfinished)
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    private JsonElement[]? finalButtons;

    /// <summary>The step-by-step application up to its final question, then "delete my data" typed: "leave what we started?".</summary>
    private TestFlow ToTheLeaveQuestionAtTheFinalConfirmation(string language)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        return CommandAtAStepByStepQuestionTests.ToTheFinalConfirmation(
                host.Conversation.Flow(), texts,
                question: r => finalButtons = [.. Assert.Single(r.Attachments!).Content!.Value.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("data").Clone())])
            .AssertNoReply()
            .Send(conversation.DeleteDataCommands[0])
            .AssertReply(r => Assert.Equal(conversation.LeaveUnfinishedFor(conversation.DeleteDataCommands[0]), r.Text), "whether to leave the application");
    }

    /// <summary>The final question's button titled <paramref name="title"/>, clicked: an Action.Submit (the question's id in its data).</summary>
    private Activity FinalClick(string title) =>
        host.Conversation.Adapter.MakeSubmit((finalButtons ?? []).Single(d => d.GetProperty("choice").GetString() == title));
}
