using System.Globalization;
using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The waiting form's own buttons clicked at "leave what we started?" (an Action.Submit or an Action.Execute) do what
/// they do on the form, in that turn: Submit submits the application (a second click submits nothing more), Save draft
/// saves it, a refused Submit gets the form's reasons, "Answer step by step" asks its first question; the form's Cancel
/// is a yes — the form is cancelled as its Cancel cancels it, then the request the question named goes on. Before, every
/// one of them kept the form ("OK, let's finish it first.") and sent it again to be clicked once more. A click on
/// another form is still no yes or no. Turn by turn, in the six languages.
/// </summary>
public sealed partial class AnotherRequestWhileFormWaitsTests
{
    [Theory]
    [MemberData(nameof(LanguagesAndClicks))]
    public async Task TheWaitingFormsOwnSubmit_AtTheLeaveQuestion_SubmitsTheApplicationOnceInThatTurn(string language, string way)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);
        string? second = null;

        await ToTheLeaveQuestionAtTheForm(language)
            .Send(() => FormClick(way, FilledIn(formId!, "submit")))
            .AssertReply(r => Assert.Single(r.Attachments ?? []), "the submitted application's card")
            .AssertInvokeResponse(r => AssertClickAnswered(r, way))
            .AssertNoReply()
            .Send(() => FormClick(way, FilledIn(formId!, "submit")))
            .AssertReply(r => second = r.Text, "the second click: submitted already")
            .AssertNoReply()
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ExchangeStatus.Stage1, application.Status);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, texts.AlreadySubmittedFormat, application.Reference), second);
        Assert.NotEqual(conversation.KeepUnfinished, second);
        Assert.NotNull(await host.Conversation.ReadProfileAsync());
    }

    [Theory]
    [MemberData(nameof(LanguagesAndClicks))]
    public async Task TheWaitingFormsOwnSave_AtTheLeaveQuestion_SavesTheDraftInThatTurn(string language, string way)
    {
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);

        await ToTheLeaveQuestionAtTheForm(language)
            .Send(() => FormClick(way, FilledIn(formId!, "save")))
            .AssertReply(texts.DraftSaved)
            .AssertReply(r => Assert.Single(r.Attachments ?? []), "the draft's card")
            .AssertInvokeResponse(r => AssertClickAnswered(r, way))
            .AssertNoReply()
            .StartTestAsync();

        Assert.NotNull(await host.Conversation.ReadProfileAsync());
        Assert.Equal(ExchangeStatus.Draft, Assert.Single(await host.ApplicationsAsync()).Status);
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("execute")]
    public async Task TheWaitingFormsOwnSubmit_RefusedAtTheLeaveQuestion_TheFormAgainWithItsReasonsAsForAnySubmit(string way)
    {
        await host.Conversation.SeedProfileAsync("en");
        string? refused = null;

        // A day that does not exist: the form again, saying so, and nothing stored — then the form still waits.
        await ToTheLeaveQuestionAtTheForm("en")
            .Send(() => FormClick(way, FilledIn(formId!, "submit", startDate: "2027-02-30")))
            .AssertReply(r => refused = Describe(r), "the form again, with the reasons")
            .AssertNoReply()
            .Send("delete my data")
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedFor("delete my data"), r.Text), "the form still waits")
            .StartTestAsync();

        Assert.Contains(AsInDescribe(En.RefusedForm(false, [En.StartDate])), refused, StringComparison.Ordinal);
        Assert.NotEqual(formId, FormIdOf(new Activity { Text = refused }));
        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [InlineData("save")]
    [InlineData("submit")]
    public async Task AnotherFormsButton_AtTheLeaveQuestion_IsStillNoYesOrNo(string op)
    {
        await host.Conversation.SeedProfileAsync("en");

        // Only the form that waits below takes its click there: an old form's card is no answer, as before.
        await ToTheLeaveQuestionAtTheForm("en")
            .Send(() => host.Conversation.Adapter.MakeSubmit(FilledIn("0123456789abcdef0123456789abcdef", op)))
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedForRetry("delete my data"), r.Text), "how to answer")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [MemberData(nameof(LanguagesAndClicks))]
    public async Task TheWaitingFormsOwnCancel_AtTheLeaveQuestion_CancelsTheFormThenGoesOnWithTheRequest(string language, string way)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        await host.Conversation.SeedProfileAsync(language);

        // A yes: cancelled as the form's Cancel cancels it, then "delete my data" asks its question.
        await ToTheLeaveQuestionAtTheForm(language)
            .Send(() => FormClick(way, JsonSerializer.SerializeToElement(new { formId, op = "cancel", formNoInputs = true })))
            .AssertReply(texts.FormCancelled)
            .AssertReply(r => Assert.StartsWith(conversation.ConfirmDeleteData, r.Text, StringComparison.Ordinal), "the delete question")
            .AssertInvokeResponse(r => AssertClickAnswered(r, way))
            .AssertNoReply()
            .Send(NoWords[language])
            .StartTestAsync();

        // The cancelled form saves nothing.
        await host.Conversation.Flow()
            .Send(() => SaveTheForm(formId!))
            .AssertReply(r => Assert.NotEqual(texts.DraftSaved, r.Text), "not saved")
            .StartTestAsync();

        Assert.NotNull(await host.Conversation.ReadProfileAsync());
        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task TheWaitingFormsOwnCancel_AtTheLeaveQuestionAboutAButton_GoesOnWithTheButtonsRequest()
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => host.Conversation.Submit(new { action = EditProfileDialog.CardAction }))
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedFor(Texts.EditProfileButton), r.Text), "whether to leave the form, naming the button")
            .Send(() => host.Conversation.Submit(new { formId, op = "cancel", formNoInputs = true }))
            .AssertReply(En.FormCancelled)
            .AssertReplyContains("Your profile: Ana")
            .AssertReply(r => Assert.Contains("Ana", r.Text, StringComparison.Ordinal), "the first profile question")
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [MemberData(nameof(LanguagesAndClicks))]
    public async Task TheWaitingFormsOwnStepByStep_AtTheLeaveQuestion_KeepsTheApplicationAndAsksStepByStep(string language, string way)
    {
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);

        await ToTheLeaveQuestionAtTheForm(language)
            .Send(() => FormClick(way, JsonSerializer.SerializeToElement(new { formId, op = "stepByStep", formNoInputs = true })))
            .AssertReply(texts.AskHost)
            .AssertInvokeResponse(r => AssertClickAnswered(r, way))
            .AssertNoReply()
            .Send("Clutex")
            .AssertReplyContains(texts.HostOrganisation)
            .AssertReply(texts.AskStartDate)
            .StartTestAsync();

        Assert.NotNull(await host.Conversation.ReadProfileAsync());
    }

    /// <summary>The form opened in <paramref name="language"/>, then "delete my data" typed: "leave what we started?".</summary>
    private TestFlow ToTheLeaveQuestionAtTheForm(string language)
    {
        var (texts, conversation) = (ExchangeTexts.Resolve(language), ConversationTexts.For(language));
        return host.Conversation.Flow()
            .Send(texts.ApplyCommands[0])
            .AssertReply(r => formId = FormIdOf(r), "the form")
            .Send(conversation.DeleteDataCommands[0])
            .AssertReply(r => Assert.Equal(conversation.LeaveUnfinishedFor(conversation.DeleteDataCommands[0]), r.Text), "whether to leave the form");
    }

    /// <summary>A click on the form, <paramref name="way"/>: an Action.Submit, or an Action.Execute of the same data.</summary>
    private Activity FormClick(string way, JsonElement data) => way == "submit"
        ? host.Conversation.Adapter.MakeSubmit(data)
        : host.Conversation.Adapter.MakeExecute("form", data);

    /// <summary>The form <paramref name="id"/> filled in, clicked as <paramref name="op"/>.</summary>
    private static JsonElement FilledIn(string id, string op, string startDate = "2027-03-01") => JsonSerializer.SerializeToElement(new
    {
        formId = id, op, visitingId = "hitechtex-citeve", hostQuery = "clutex", hostId = "hitechtex-clutex",
        startDate, endDate = "2027-03-05", activityType = "KnowledgeSharing",
        objectives = "Learn the nonwoven pilot line.", agenda = "Day 1: lab.", outcomes = "A joint proposal.",
    });
}
