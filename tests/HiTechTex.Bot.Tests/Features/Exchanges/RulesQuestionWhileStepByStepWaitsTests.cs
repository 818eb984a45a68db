using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A rules question typed while a step-by-step application question waits: before, it was the answer ("how many
/// exchanges can I do?" searched as a host — "I found no organisation", a try used; "how long does an exchange last?"
/// saved as the objectives). Now the rules, then the same question again, no try used. Turn by turn, real main dialog.
/// </summary>
public sealed class RulesQuestionWhileStepByStepWaitsTests : IDisposable
{
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    public static TheoryData<string, string, string> HostQuestions => new()
    {
        { "en", "apply step by step", "how many exchanges can I do?" },
        { "en", "apply step by step", "can we do more than one exchange?" },
        { "pt", "candidatar passo a passo", "quantos intercâmbios posso fazer?" },
        { "pt", "candidatar passo a passo", "Podemos fazer mais de um intercâmbio?" },
    };

    [Theory]
    [MemberData(nameof(HostQuestions))]
    public async Task RulesQuestion_AtTheHostQuestion_TheRulesAndTheSameQuestionWithoutUsingATry(string language, string command, string question)
    {
        var texts = ExchangeTexts.Resolve(language);
        var rules = ConversationTexts.For(language).ExchangeRules;
        await host.Conversation.SeedProfileAsync(language);

        // Three rules questions: were they tries, the question would have given up (three answers at most).
        await host.Conversation.Flow()
            .Send(command)
            .AssertReply(texts.AskHost)
            .Send(question).AssertReply(rules).AssertReply(texts.AskHost)
            .Send(question).AssertReply(rules).AssertReply(texts.AskHost)
            .Send(question).AssertReply(rules).AssertReply(texts.AskHost)
            .Send("Clutex")
            .AssertReplyContains(texts.HostOrganisation)
            .AssertReply(texts.AskStartDate)
            .StartTestAsync();
    }

    public static TheoryData<string, string, string, string> ObjectivesQuestions => new()
    {
        { "en", "apply step by step", "knowledge sharing", "how long does an exchange last?" },
        { "en", "apply step by step", "knowledge sharing", "what's the maximum length of an exchange" },
        { "pt", "candidatar passo a passo", "partilha de conhecimento", "quanto tempo dura um intercâmbio?" },
    };

    [Theory]
    [MemberData(nameof(ObjectivesQuestions))]
    public async Task RulesQuestion_AtTheObjectivesQuestion_TheRulesAndTheQuestionAgain_NotSavedAsTheObjectives(
        string language, string command, string activity, string question)
    {
        var texts = ExchangeTexts.Resolve(language);
        var rules = ConversationTexts.For(language).ExchangeRules;
        await host.Conversation.SeedProfileAsync(language);

        await ToTheObjectives(host.Conversation.Flow(), texts, command, activity)
            .Send(question)
            .AssertReply(rules)
            .AssertReply(texts.AskObjectives)
            .Send("Learn the nanofibre lab methods.")
            .AssertReply(texts.AskAgenda)
            .Send("Day 1 lab tour.")
            .AssertReply(texts.AskOutcomes)
            .Send("A joint proposal.")
            .AssertReply(r => Assert.Contains(texts.Eligibility, r.Text, StringComparison.Ordinal), "the check")
            .AssertReply(r => Assert.Equal(texts.ChooseNext, r.Text), "the choice")
            .Send(texts.SaveDraftButton)
            .AssertReply(texts.DraftSaved)
            .StartTestAsync();

        Assert.Equal("Learn the nanofibre lab methods.", Assert.Single(await host.ApplicationsAsync()).Objectives);
    }

    [Fact]
    public async Task AnObjectiveThatMentionsHowLong_NotAQuestion_IsTheAnswer()
    {
        var texts = ExchangeTexts.English;
        await host.Conversation.SeedProfileAsync("en");

        await ToTheObjectives(host.Conversation.Flow(), texts, "apply step by step", "knowledge sharing")
            .Send("Learn how long an exchange of lab samples takes between our labs.")
            .AssertReply(texts.AskAgenda)
            .StartTestAsync();
    }

    private static TestFlow ToTheObjectives(TestFlow flow, ExchangeTexts texts, string command, string activity) => flow
        .Send(command)
        .AssertReply(texts.AskHost)
        .Send("Clutex")
        .AssertReplyContains(texts.HostOrganisation)
        .AssertReply(texts.AskStartDate)
        .Send("2027-03-01")
        .AssertReply(texts.AskEndDate)
        .Send("2027-03-05")
        .AssertReply(r => Assert.Equal(texts.ChooseActivityType, r.Text), "the activity types")
        .Send(activity)
        .AssertReply(texts.AskObjectives);
}
