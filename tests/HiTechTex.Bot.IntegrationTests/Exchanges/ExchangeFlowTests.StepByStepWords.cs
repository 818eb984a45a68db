using HiTechTex.Bot.Features.Exchanges;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>
/// With the bot's own recognizer: "I want to apply step by step" (and its Portuguese and Italian) opened the form card;
/// the questions one at a time are what was asked for.
/// </summary>
public abstract partial class ExchangeFlowTests
{
    [SkippableTheory]
    [InlineData("en", "I want to apply step by step")]
    [InlineData("pt", "quero candidatar-me passo a passo")]
    [InlineData("it", "voglio candidarmi passo passo")]
    public async Task StepByStepWords_InAnApplicationRequest_StartTheQuestions(string language, string typed)
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        await SeedProfileAsync(host, applicant, language, organisationId: MemberSmeId);

        await PostAsync(client, Message(applicant, typed));

        var reply = Assert.Single(connector.To(applicant.ConversationId));
        Assert.Equal(ExchangeTexts.Resolve(language).AskHost, reply.Activity.Text);
        Assert.DoesNotContain("formId", reply.CardJson, StringComparison.Ordinal);
    }
}
