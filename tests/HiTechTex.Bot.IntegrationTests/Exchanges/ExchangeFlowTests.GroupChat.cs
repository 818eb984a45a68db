using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Exchanges;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

public abstract partial class ExchangeFlowTests
{
    [SkippableFact]
    public async Task Flow_AppliedInAGroupChat_StatusNoticeGoesToTheApplicantsOneToOneChatNotToTheGroup()
    {
        SkipUnlessAvailable();
        const string group = "19:exchange-group@thread.v2";
        static JsonObject InGroup(JsonObject activity)
        {
            activity["conversation"] = new JsonObject { ["id"] = group, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = Support.Activities.TenantId };
            return activity;
        }

        using var host = CreateHost();
        var client = host.CreateClient();
        await SeedProfileAsync(host, applicant);
        await PostAsync(client, InGroup(Message(applicant, "apply for exchange")));
        var formId = FormIdPattern().Match(connector.To(group).Last(s => s.CardJson.Contains("formId", StringComparison.Ordinal)).CardJson).Groups[1].Value;
        await PostAsync(client, InGroup(Submit(applicant, formId, "submit", GroupChatSmeId)));
        var id = await SingleApplicationIdAsync(host, applicant);
        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));

        await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, id, 2);

        Assert.Equal((ExchangeStatus.Stage2, 3), await StatusAsync(host, id));
        Assert.Contains(
            connector.To(ExchangeConnector.PersonalConversationOf(applicant.AadObjectId)),
            s => s.Activity.Text?.Contains("is now: Waiting for the host", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(connector.To(group), s => s.Activity.Text?.Contains("is now:", StringComparison.Ordinal) == true);
    }
}
