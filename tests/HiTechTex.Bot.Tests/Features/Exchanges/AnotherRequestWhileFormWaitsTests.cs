using System.Text.Json;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// Another request while the exchange application form waits (the main dialog's TryAnswerAnotherRequestAsync): a
/// one-turn request is answered on top and the same form still works; the form asked for again is only mentioned;
/// a journey that waits itself is begun only after a yes to leaving. Through the real main dialog, turn by turn.
/// </summary>
public sealed partial class AnotherRequestWhileFormWaitsTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private static readonly ConversationTexts Texts = ConversationTexts.En;
    private readonly ExchangeDialogTestHost host = new();
    private string? formId;

    public void Dispose() => host.Dispose();

    public static TheoryData<string> MyApplicationsRequests => ["typed", "button"];

    [Theory]
    [MemberData(nameof(MyApplicationsRequests))]
    public async Task MyApplications_WhileTheFormWaits_ListedOnTopAndTheSameFormStillSaves(string how)
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => how == "typed" ? host.Conversation.Adapter.MakeMessage("my applications") : host.Conversation.Submit(new { action = "myApplications" }))
            .AssertReply(r => Assert.Contains(En.NoApplications, Describe(r), StringComparison.Ordinal), "the list, on top")
            .AssertReply(Texts.ExchangeFormStillOpen)
            .AssertNoReply()
            .Send(() => SaveTheForm(formId!))
            .AssertReply(En.DraftSaved)
            .StartTestAsync();

        Assert.Equal(ExchangeStatus.Draft, Assert.Single(await host.ApplicationsAsync()).Status);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("welcome")]
    public async Task HelpOrMenuButton_WhileTheFormWaits_CardOnTopThenTheReminder(string action)
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => host.Conversation.Submit(new { action }))
            .AssertReply(r => Assert.Single(r.Attachments ?? []), "the card")
            .AssertReply(Texts.ExchangeFormStillOpen)
            .AssertNoReply()
            .Send(() => SaveTheForm(formId!))
            .AssertReply(En.DraftSaved)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("how many exchanges can I do?")]
    [InlineData("how long does an exchange last?")]
    public async Task RulesQuestion_WhileTheFormWaits_TheRulesOnTopAndTheSameFormStillSaves(string typed)
    {
        await host.Conversation.SeedProfileAsync("en");

        // Before: read as the application again ("fill in the form above") — the question went unanswered.
        await OpenForm()
            .Send(typed)
            .AssertReply(Texts.ExchangeRules)
            .AssertReply(Texts.ExchangeFormStillOpen)
            .AssertNoReply()
            .Send(() => SaveTheForm(formId!))
            .AssertReply(En.DraftSaved)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("do you delete my data after the exchange?")]
    [InlineData("what data do you keep?")]
    public async Task PrivacyQuestion_WhileTheFormWaits_AnsweredOnTopAndTheSameFormStillSaves(string typed)
    {
        await host.Conversation.SeedProfileAsync("en");

        // Before: "Please fill in the form above" — the question went unanswered.
        await OpenForm()
            .Send(typed)
            .AssertReply(Texts.PrivacyAnswer)
            .AssertReply(Texts.ExchangeFormStillOpen)
            .AssertNoReply()
            .Send(() => SaveTheForm(formId!))
            .AssertReply(En.DraftSaved)
            .StartTestAsync();
    }

    [Fact]
    public async Task FreeText_WhileTheFormWaitsOfAUserWhoseProfileSpeaksAnother_UnderstoodInTheProfileLanguage()
    {
        await host.Conversation.SeedProfileAsync("pt");
        host.Conversation.Adapter.Locale = "en-US";

        // Before: the Teams client's locale ("Porto" read as English); now the profile's, as in the main dialog.
        await OpenForm()
            .Send("Porto")
            .StartTestAsync();

        Assert.StartsWith("pt-", Assert.Single(host.Conversation.Recognizer.Locales), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFormAskedForAgain_WhileItWaits_RemindsWithoutASecondForm()
    {
        await host.Conversation.SeedProfileAsync("en");

        // Before: the welcome card's button got "This form is no longer active" (the click carries no form id).
        await OpenForm()
            .Send(() => host.Conversation.Submit(new { action = "applyExchange" }))
            .AssertReply(Texts.ExchangeFormStillOpen)
            .AssertNoReply()
            .Send("apply for an exchange")
            .AssertReply(Texts.ExchangeFormStillOpen)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ADraftsEdit_WhileANewFormWaits_AsksToLeaveThenOpensTheDraft()
    {
        await host.Conversation.SeedProfileAsync("en");
        await OpenForm()
            .Send(() => SaveTheForm(formId!))
            .AssertReply(En.DraftSaved)
            .AssertReply(r => Assert.Single(r.Attachments ?? []), "the draft's card")
            .AssertNoReply()
            .StartTestAsync();
        var draft = Assert.Single(await host.ApplicationsAsync());

        // The Edit button of "my applications" names the draft: not the form above asked for again.
        await OpenForm()
            .Send(() => host.Conversation.Submit(new { action = ExchangeVerbs.Edit, exchangeId = draft.Id.ToString() }))
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinished, r.Text), "whether to leave the new form")
            .Send("yes")
            .AssertReply(r => Assert.Contains("Learn the nonwoven pilot line.", Describe(r), StringComparison.Ordinal), "the draft's form")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnotherJourneyThatWaits_AnsweredNo_TheSameFormIsShownAgainAndStillWorks()
    {
        await host.Conversation.SeedProfileAsync("en");

        var flow = OpenForm()
            .Send("delete my data")
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedFor("delete my data"), r.Text), "whether to leave the form")
            .Send("maybe later")
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedForRetry("delete my data"), r.Text), "how to answer, naming the request")
            .Send("no");
        await KeptTheFormThatStillSaves(flow, Texts, En).StartTestAsync();

        Assert.NotNull(await host.Conversation.ReadProfileAsync());
    }

    [Theory]
    [InlineData("please delete my data")]
    [InlineData("can you delete my data?")]
    [InlineData("borra mis datos")]
    public async Task DeleteMyDataInOrdinaryWords_WhileTheFormWaits_AsksToLeaveIt(string typed)
    {
        await host.Conversation.SeedProfileAsync("en");

        // Before: only the exact "delete my data" was the request; these got the form's reminder.
        await OpenForm()
            .Send(typed)
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedFor(typed), r.Text), "whether to leave the form")
            .Send("yes")
            .AssertReply(r => Assert.StartsWith(Texts.ConfirmDeleteData, r.Text, StringComparison.Ordinal), "the delete question")
            .StartTestAsync();
    }

    [Fact]
    public async Task DeleteMyDataInOrdinaryWords_WhileAStepByStepQuestionWaits_AsksToLeaveIt()
    {
        await host.Conversation.SeedProfileAsync("en");

        // Before: taken as the host organisation's name.
        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(En.AskHost)
            .Send("delete my data please")
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedFor("delete my data please"), r.Text), "whether to leave the question")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnotherJourneyThatWaits_ThreeAnswersThatAreNoYesOrNo_KeepsTheFormSaysHowToGoOnAndNothingIsDeleted()
    {
        await host.Conversation.SeedProfileAsync("en");
        Assert.Equal(3, MainDialog.LeaveAttempts);

        // Before: "leave what we started?" was asked again and again, for ever. Now running out of answers means no.
        var flow = OpenForm()
            .Send("delete my data")
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedFor("delete my data"), r.Text), "whether to leave the form");
        await ThreeAnswersThatAreNoYesOrNo(flow, Texts, "delete my data")
            .AssertReply(r => Assert.Equal(formId, FormIdOf(r)), "the same form again")
            .AssertNoReply()
            .StartTestAsync();

        // Nothing was left and nothing deleted: the profile is there, the same form still saves, and the delete
        // command asks about leaving anew (the question's attempts start again).
        Assert.NotNull(await host.Conversation.ReadProfileAsync());
        await host.Conversation.Flow()
            .Send("delete my data")
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedFor("delete my data"), r.Text), "asked anew")
            .Send("no")
            .AssertReply(Texts.KeepUnfinished)
            .AssertReply(r => Assert.Equal(formId, FormIdOf(r)), "the same form again")
            .Send(() => SaveTheForm(formId!))
            .AssertReply(En.DraftSaved)
            .StartTestAsync();

        Assert.NotNull(await host.Conversation.ReadProfileAsync());
        Assert.Equal(ExchangeStatus.Draft, Assert.Single(await host.ApplicationsAsync()).Status);
    }

    [Fact]
    public async Task AnotherJourneyThatWaits_AnsweredYes_LeavesTheFormAndStartsTheRequest()
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send(() => host.Conversation.Submit(new { action = EditProfileDialog.CardAction }))
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedFor(Texts.EditProfileButton), r.Text), "whether to leave the form, naming the button")
            .Send("yes")
            .AssertReplyContains("Your profile: Ana")
            .AssertReply(r => Assert.Contains("Ana", r.Text, StringComparison.Ordinal), "the first profile question")
            .StartTestAsync();

        // The old form is gone: its submit saves nothing.
        await host.Conversation.Flow()
            .Send("cancel")
            .AssertReply(Texts.Cancelled)
            .Send(() => SaveTheForm(formId!))
            .AssertReply(r => Assert.NotEqual(En.DraftSaved, r.Text), "not saved")
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Theory]
    [InlineData("es", "salir")]
    [InlineData("es", "salir!")]
    [InlineData("es", "quiero salir")]
    [InlineData("tr", "çıkış")]
    [InlineData("tr", "çıkış yap")]
    [InlineData("tr", "durdur")]
    [InlineData("cs", "zrušit to")]
    [InlineData("en", "stop it")]
    [InlineData("en", "cancle")]
    [InlineData("en", "cancell")]
    [InlineData("en", "forget it")]
    [InlineData("es", "cancle")]
    [InlineData("es", "no quiero seguir")]
    [InlineData("pt", "não quero continuar")]
    [InlineData("it", "anulla")]
    [InlineData("it", "non voglio continuare")]
    [InlineData("tr", "devam etmek istemiyorum")]
    [InlineData("cs", "nechci pokračovat")]
    public async Task ACancelWordOfTheLanguage_WhileTheFormWaits_CancelsIt(string language, string cancel)
    {
        // "salir", "çıkış"… got "Please fill in the form above" (they cancelled only with nothing in progress).
        await host.Conversation.SeedProfileAsync(language);

        await OpenForm()
            .Send(cancel)
            .AssertReply(ConversationTexts.For(language).Cancelled)
            .AssertNoReply()
            .Send(() => SaveTheForm(formId!))
            .AssertReply(r => Assert.NotEqual(ExchangeTexts.Resolve(language).DraftSaved, r.Text), "not saved")
            .StartTestAsync();

        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task AForgedHugeSubmit_WhileTheFormWaits_IsNotKeptWholeInTheState()
    {
        await host.Conversation.SeedProfileAsync("en");
        var padding = new string('x', 20_000);

        await OpenForm()
            .Send(() => host.Conversation.Submit(new { action = EditProfileDialog.CardAction, padding }))
            .AssertReply(r => Assert.Equal(Texts.LeaveUnfinishedFor(Texts.EditProfileButton), r.Text), "whether to leave the form")
            .StartTestAsync();

        var stored = await host.Conversation.Storage.ReadAsync(["msteams/conversations/a:conversation-1"]);
        var state = Assert.Single(stored).Value.Value.GetRawText();
        Assert.DoesNotContain(padding, state, StringComparison.Ordinal);
        Assert.Contains(EditProfileDialog.CardAction, state, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedTextThatIsNoRequest_WhileTheFormWaits_TheFormsReminder()
    {
        await host.Conversation.SeedProfileAsync("en");

        await OpenForm()
            .Send("the weather is nice")
            .AssertReply(Texts.FillInForm)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task MenuButton_WhileAStepByStepQuestionWaits_AnsweredOnTopAndTheQuestionAskedAgain()
    {
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(En.AskHost)
            .Send(() => host.Conversation.Submit(new { action = "myApplications" }))
            .AssertReply(r => Assert.Contains(En.NoApplications, Describe(r), StringComparison.Ordinal), "the list, on top")
            .AssertReply(En.AskHost)
            .Send("Clutex")
            .AssertReplyContains(En.HostOrganisation)
            .AssertReply(En.AskStartDate)
            .StartTestAsync();
    }

    [Fact]
    public async Task ATypedCommand_WhileAStepByStepQuestionWaits_IsAnsweredOnTopAndTheQuestionAskedAgain()
    {
        await host.Conversation.SeedProfileAsync("en");

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(En.AskHost)
            .Send("my applications")
            .AssertReply(r => Assert.Contains(En.NoApplications, Describe(r), StringComparison.Ordinal), "the list, on top")
            .AssertReply(En.AskHost)
            .Send("Clutex")
            .AssertReplyContains(En.HostOrganisation)
            .StartTestAsync();
    }

    [Fact]
    public async Task TypedTextThatIsNotAWholeCommand_WhileAStepByStepQuestionWaits_IsTheQuestionsAnswer()
    {
        await host.Conversation.SeedProfileAsync("en");

        // Only a whole command is another request; any other text answers the question, here as a host search.
        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(En.AskHost)
            .Send("show me my applications please")
            .AssertReply(En.HostNotFound)
            .StartTestAsync();
    }

    /// <summary>
    /// "leave what we started?" about <paramref name="request"/> answered three times with no yes or no: asked how to
    /// answer twice, each time naming the request, then given up.
    /// </summary>
    private static TestFlow ThreeAnswersThatAreNoYesOrNo(TestFlow flow, ConversationTexts conversation, string request) => flow
        .Send("maybe later")
        .AssertReply(r => Assert.Equal(conversation.LeaveUnfinishedForRetry(request), r.Text), "how to answer")
        .Send("what?")
        .AssertReply(r => Assert.Equal(conversation.LeaveUnfinishedForRetry(request), r.Text), "how to answer, again")
        .Send("hmm")
        .AssertReply(r => Assert.Equal(conversation.LeaveUnfinishedGaveUp, r.Text), "kept, and how to go on instead");

    /// <summary>After a no to leaving the form: said so, the same form again, and its Save draft still saves.</summary>
    private TestFlow KeptTheFormThatStillSaves(TestFlow flow, ConversationTexts conversation, ExchangeTexts texts) => flow
        .AssertReply(conversation.KeepUnfinished)
        .AssertReply(r => Assert.Equal(formId, FormIdOf(r)), "the same form again")
        .AssertNoReply()
        .Send(() => SaveTheForm(formId!))
        .AssertReply(texts.DraftSaved);

    private TestFlow OpenForm() => host.Conversation.Flow()
        .Send("apply for an exchange")
        .AssertReply(r => formId = FormIdOf(r), "the form");

    private static string FormIdOf(Activity reply)
    {
        var id = FormIdPattern().Match(Describe(reply)).Groups[1].Value;
        Assert.NotEmpty(id);
        return id;
    }

    /// <summary>The form's Save draft clicked, filled in, on the form <paramref name="id"/>.</summary>
    private Activity SaveTheForm(string id) => host.Conversation.Adapter.MakeSubmit(FilledIn(id, "save"));

    private static string Describe(Activity reply) =>
        reply.Text + string.Concat((reply.Attachments ?? []).Select(a => JsonSerializer.Serialize(a.Content)));

    [GeneratedRegex("\"formId\":\"([0-9a-f]{32})\"")]
    private static partial Regex FormIdPattern();
}
