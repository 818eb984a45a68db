using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.IntegrationTests.Support;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

public abstract partial class ExchangeFlowTests
{
    [SkippableFact]
    public async Task SubmitFallback_ManagerOnAnOlderClient_ApprovesOnceThenGetsTheStaleCard()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, FallbackSmeId);
        await SeedProfileAsync(host, visitingManager);
        JsonObject Approve() => Activities.Base("message", visitingManager.ConversationId, a =>
        {
            a["from"] = From(visitingManager);
            a["value"] = new JsonObject { ["action"] = ExchangeVerbs.Approve, ["exchangeId"] = id.ToString(), ["v"] = 2, ["comment"] = "Fine by us." };
        });

        await PostAsync(client, Approve());
        await PostAsync(client, Approve());

        Assert.Equal((ExchangeStatus.Stage2, 3), await StatusAsync(host, id));
        var replies = connector.To(visitingManager.ConversationId).Select(s => s.CardJson).ToList();
        Assert.Contains(replies, r => r.Contains("Fine by us.", StringComparison.Ordinal) && !r.Contains("out of date", StringComparison.Ordinal));
        Assert.Contains("out of date", replies[^1], StringComparison.Ordinal);
    }
}
