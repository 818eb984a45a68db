using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

public abstract partial class ExchangeFlowTests
{
    [SkippableFact]
    public async Task Apply_EachLanguage_FormAndApplicationCardInTheApplicantsLanguage()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        foreach (var texts in ExchangeTexts.All)
        {
            var user = new ExchangeUser("Lang" + texts.Language);
            await SeedProfileAsync(host, user, texts.Language);

            await PostAsync(client, Message(user, texts.ApplyCommands[0]));
            var form = connector.To(user.ConversationId)[^1].CardJson;
            Assert.Contains(texts.FormTitle, form, StringComparison.Ordinal);
            Assert.Contains(texts.Problems[EligibilityProblem.HostOrganisationMissing], form, StringComparison.Ordinal);

            // A draft (it counts for nothing, so every language can use the same organisations).
            await PostAsync(client, Submit(user, LastFormId(user), "save", HiTechTexPartners.CiteveId));
            var card = connector.To(user.ConversationId)[^1].CardJson;
            Assert.Contains(texts.Statuses[ExchangeStatus.Draft], card, StringComparison.Ordinal);
            Assert.Contains(texts.ActivityTypes[ExchangeActivityType.KnowledgeSharing], card, StringComparison.Ordinal);
            Assert.Contains(texts.Edit, card, StringComparison.Ordinal);

            await PostAsync(client, Message(user, texts.MyApplicationsCommands[0]));
            Assert.Contains(texts.MyApplicationsTitle, connector.To(user.ConversationId)[^1].CardJson, StringComparison.Ordinal);
        }
    }
}
