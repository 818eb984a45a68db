using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// An applicant without a usable name (no profile name, a Teams name that breaks the rules) is asked for one, in their
/// language, before the application is submitted — never "Applicant —" on the managers' cards and in the CSV — and the
/// server refuses a nameless submission whatever the card sent.
/// </summary>
public sealed class ExchangeApplicantNameTests : IDisposable
{
    private readonly ExchangeDialogTestHost host = new();

    public ExchangeApplicantNameTests() =>
        host.Conversation.Adapter.User = new() { Id = "29:user-1", Name = "https://phish.example", AadObjectId = ExchangeDialogTestHost.ApplicantId };

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task StepByStep_SubmitWithoutAName_AsksForItThenSubmitsWithIt()
    {
        // Arrange
        await host.Conversation.SeedProfileAsync("en", name: "");
        var texts = ConversationTexts.En;

        // Act
        await AnswerEverything(host.Conversation.Flow())
            .Send(ExchangeTexts.English.SubmitButton)
            .AssertReply(texts.AskNameToSubmit)
            .Send("@everyone")
            .AssertReply($"{texts.NameStartsWithSymbol} {texts.NameRules}")
            .Send("my name is Ana Costa")
            .AssertReply(r => Assert.NotEmpty(r.Attachments ?? []), "the submitted application's card")
            .StartTestAsync();

        // Assert
        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal((ExchangeStatus.Stage1, "Ana Costa"), (application.Status, application.ApplicantName));
        Assert.Equal("Ana Costa", (await host.Conversation.ReadProfileAsync())?.Name);
    }

    [Fact]
    public async Task Form_SubmitWithoutAName_SavedAsDraftAskedForTheNameThenSubmittedWithIt()
    {
        // Arrange
        await host.Conversation.SeedProfileAsync("en", name: "");
        var texts = ConversationTexts.En;
        string? formId = null;

        // Act
        await host.Conversation.Flow()
            .Send("apply for an exchange")
            .AssertReply(r => formId = System.Text.RegularExpressions.Regex.Match(System.Text.Json.JsonSerializer.Serialize(r.Attachments?[0].Content), "\"formId\":\"([0-9a-f]{32})\"").Groups[1].Value, "the form")
            .Send(() => host.Conversation.Submit(new
            {
                formId, op = "submit", visitingId = "hitechtex-citeve", hostQuery = "clutex", hostId = "hitechtex-clutex",
                startDate = "2027-03-01", endDate = "2027-03-05", activityType = "KnowledgeSharing",
                objectives = "Learn the nonwoven pilot line.", agenda = "Day 1: lab.", outcomes = "A joint proposal.",
            }))
            .AssertReply(texts.AskNameToSubmit)
            .StartTestAsync();
        var draft = Assert.Single(await host.ApplicationsAsync());
        await host.Conversation.Flow()
            .Send("Ana Costa")
            .AssertReply(r => Assert.NotEmpty(r.Attachments ?? []), "the submitted application's card")
            .StartTestAsync();

        // Assert
        Assert.Equal(ExchangeStatus.Draft, draft.Status);
        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal((ExchangeStatus.Stage1, "Ana Costa"), (application.Status, application.ApplicantName));
    }

    [Fact]
    public async Task StepByStep_NoUsableNameAfterThreeAnswers_StaysADraftAndSaysHowToSetIt()
    {
        await host.Conversation.SeedProfileAsync("en", name: "");
        var texts = ConversationTexts.En;

        await AnswerEverything(host.Conversation.Flow())
            .Send(ExchangeTexts.English.SubmitButton)
            .AssertReply(texts.AskNameToSubmit)
            .Send("evil.com").AssertReply($"{texts.NameIsWebAddress} {texts.NameRules}")
            .Send("Ana\nCosta").AssertReply(texts.NameRules)
            .Send("evil.com").AssertReply($"{texts.NameIsWebAddress} {texts.NameRules}").AssertReply(texts.NameNeededToSubmit)
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ExchangeStatus.Draft, application.Status);
        Assert.Contains("\"my profile\"", texts.NameNeededToSubmit, StringComparison.Ordinal);
        host.Messenger.Verify(m => m.SendToUserAsync(ExchangeDialogTestHost.VisitingManagerId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Submit_ActorWithoutAName_RefusedOnTheServerAndNothingChanges()
    {
        // Arrange: a draft saved through the real flow (with a name), then submitted by the same person nameless.
        await host.Conversation.SeedProfileAsync("en");
        host.Conversation.Adapter.User = new() { Id = "29:user-1", Name = "Ana", AadObjectId = ExchangeDialogTestHost.ApplicantId };
        await AnswerEverything(host.Conversation.Flow())
            .Send(ExchangeTexts.English.SaveDraftButton)
            .AssertReply(ExchangeTexts.English.DraftSaved)
            .StartTestAsync();
        var draft = Assert.Single(await host.ApplicationsAsync());
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>();
        var nameless = new ExchangeActor(ExchangeDialogTestHost.ApplicantId, ConversationTurn.UnknownName, "29:user-1", "", null);

        // Act
        var submission = await workflow.SubmitAsync(nameless, draft.Id, draft.Version, CancellationToken.None);

        // Assert
        Assert.True(submission.NameMissing);
        var stored = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal((ExchangeStatus.Draft, draft.Version), (stored.Status, stored.Version));
    }

    [Fact]
    public async Task Submit_DraftSavedBeforeTheNameWasGiven_SubmittedWithTheNameOfNow()
    {
        await host.Conversation.SeedProfileAsync("en", name: "");
        await AnswerEverything(host.Conversation.Flow())
            .Send(ExchangeTexts.English.SaveDraftButton)
            .AssertReply(ExchangeTexts.English.DraftSaved)
            .StartTestAsync();
        var draft = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ConversationTurn.UnknownName, draft.ApplicantName);
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>();

        var submission = await workflow.SubmitAsync(new ExchangeActor(ExchangeDialogTestHost.ApplicantId, "Ana Costa", "29:user-1", "", null), draft.Id, draft.Version, CancellationToken.None);

        Assert.Equal((ExchangeStatus.Stage1, "Ana Costa"), (submission.Application?.Status, submission.Application?.ApplicantName));
    }

    [Fact]
    public void Texts_EveryLanguageAsksForTheNameAndSaysHowToSetIt()
    {
        foreach (var texts in ConversationTexts.All)
        {
            Assert.NotEmpty(texts.AskNameToSubmit);
            Assert.Contains($"{texts.ProfileWord}", texts.NameNeededToSubmit, StringComparison.Ordinal);
            if (texts.Language != "en")
            {
                Assert.NotEqual(ConversationTexts.En.AskNameToSubmit, texts.AskNameToSubmit);
                Assert.NotEqual(ConversationTexts.En.NameNeededToSubmitFormat, texts.NameNeededToSubmitFormat);
            }
        }
    }

    private static TestFlow AnswerEverything(TestFlow flow) => flow
        .Send("apply step by step")
        .AssertReply(ExchangeTexts.English.AskHost)
        .Send("Clutex")
        .AssertReplyContains(ExchangeTexts.English.HostOrganisation)
        .AssertReply(ExchangeTexts.English.AskStartDate)
        .Send("2027-03-01")
        .AssertReply(ExchangeTexts.English.AskEndDate)
        .Send("2027-03-05")
        .AssertReplyContains(ExchangeTexts.English.ChooseActivityType)
        .Send("knowledge sharing")
        .AssertReply(ExchangeTexts.English.AskObjectives)
        .Send("Learn the nanofibre lab methods.")
        .AssertReply(ExchangeTexts.English.AskAgenda)
        .Send("Day 1 lab tour, days 2-5 trials.")
        .AssertReply(ExchangeTexts.English.AskOutcomes)
        .Send("A joint project proposal.")
        .AssertReplyContains(ExchangeTexts.English.Eligible)
        .AssertReplyContains(ExchangeTexts.English.ChooseNext);
}
