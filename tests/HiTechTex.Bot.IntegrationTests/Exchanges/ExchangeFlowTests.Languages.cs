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

    [SkippableFact]
    public async Task Submit_ApproverWithAnItalianProfile_GetsTheApprovalCardInItalian_AnUnknownApproverInEnglish()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var italian = new ExchangeUser("Isabella");
        host.Settings[$"Roles:ClusterManagers:{italian.AadObjectId}:0"] = HiTechTexPartners.CiteveId;
        var client = host.CreateClient();

        // She has an Italian profile and has written to the bot once (so her 1:1 chat is known).
        await SeedProfileAsync(host, italian, "it");
        await PostAsync(client, Message(italian, "pending approvals"));
        var id = await SubmitAsync(host, client, LanguageSmeId);

        var italianTexts = ExchangeTexts.Resolve("it");
        var toItalian = connector.To(italian.ConversationId)[^1].CardJson;
        Assert.Contains(italianTexts.Statuses[ExchangeStatus.Stage1], toItalian, StringComparison.Ordinal);
        Assert.Contains(italianTexts.Approve, toItalian, StringComparison.Ordinal);

        // A manager the bot knows nothing about gets English.
        var toUnknown = connector.To(ExchangeConnector.PersonalConversationOf(visitingManager.AadObjectId))[^1].CardJson;
        Assert.Contains(ExchangeTexts.English.Statuses[ExchangeStatus.Stage1], toUnknown, StringComparison.Ordinal);

        // Her decision updates the other card in its recipient's language (PUT), and hers in Italian.
        var approved = await InvokeAsync(client, italian, ExchangeVerbs.Approve, id, 2);
        Assert.Contains(italianTexts.Statuses[ExchangeStatus.Stage2], approved, StringComparison.Ordinal);
        Assert.Contains(connector.All, s => s.Operation == "update"
            && s.ConversationId == ExchangeConnector.PersonalConversationOf(visitingManager.AadObjectId)
            && s.CardJson.Contains(ExchangeTexts.English.Statuses[ExchangeStatus.Stage2], StringComparison.Ordinal));
    }
}
