using System.Net;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>An approval card the connector failed to deliver is delivered by the follow-up's next pass, once.</summary>
public abstract partial class ExchangeFlowTests
{
    /// <summary>A member of CITEVE's cluster for the delivery test (an organisation visits once).</summary>
    private const string DeliverySmeId = "test-sme-rendas-de-vila-do-conde";

    [SkippableFact]
    public async Task Submit_ConnectorFailsForOneManagerThenRecovers_FollowUpDeliversTheCardOnceAndNothingTwice()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var vasco = ExchangeConnector.PersonalConversationOf(visitingManager.AadObjectId);
        var vera = ExchangeConnector.PersonalConversationOf(secondVisitingManager.AadObjectId);
        connector.FailSend = (conversation, activity) => conversation == vasco && activity.Attachments is { Count: > 0 }
            ? new ConnectorException(HttpStatusCode.ServiceUnavailable, null, "Service unavailable")
            : null;

        var id = await SubmitAsync(host, client, DeliverySmeId);
        // (The database is shared with the class's other tests: only this application's cards count.)
        IReadOnlyList<ExchangeConnector.Sent> Cards(string conversation) =>
            [.. connector.To(conversation).Where(s => s.Operation == "send" && s.CardJson.Contains(id.ToString(), StringComparison.Ordinal))];
        Assert.Empty(Cards(vasco));
        Assert.Single(Cards(vera));
        var toApplicant = connector.To(applicant.ConversationId).Count;

        // Still failing at the first pass; back at the next.
        await RunFollowUpAsync(host);
        Assert.Empty(Cards(vasco));
        connector.FailSend = null;
        await RunFollowUpAsync(host);
        await RunFollowUpAsync(host);

        Assert.Contains("exchange.approve", Assert.Single(Cards(vasco)).CardJson, StringComparison.Ordinal);
        Assert.Single(Cards(vera));
        Assert.Equal(toApplicant, connector.To(applicant.ConversationId).Count);  // the other manager had it: never stuck
        await using var scope = host.Services.CreateAsyncScope();
        var cards = await scope.ServiceProvider.GetRequiredService<ExchangeStore>().CardsAsync(id, CancellationToken.None);
        Assert.Single(cards, c => c.RecipientAadObjectId == visitingManager.AadObjectId);
    }
}
