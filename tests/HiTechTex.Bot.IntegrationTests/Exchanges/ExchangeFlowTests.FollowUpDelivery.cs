using System.Globalization;
using System.Net;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>
/// Through the real host: a reminder and a closing-report request the connector failed to deliver (503) are delivered
/// by the follow-up's next pass once it recovers, once.
/// </summary>
public abstract partial class ExchangeFlowTests
{
    [SkippableFact]
    public async Task FollowUp_ConnectorFailsTheReminderThenRecovers_NextPassRemindsOnceEachManager()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var id = await SubmitAsync(host, host.CreateClient(), NoticeSmeIds[16]);
        var reminder = string.Format(CultureInfo.InvariantCulture, ExchangeTexts.English.ReminderFormat, await ReferenceAsync(host, id));
        var vasco = ExchangeConnector.PersonalConversationOf(visitingManager.AadObjectId);
        var vera = ExchangeConnector.PersonalConversationOf(secondVisitingManager.AadObjectId);
        connector.FailSend = (conversation, activity) => conversation == vasco && activity.Text == reminder
            ? new ConnectorException(HttpStatusCode.ServiceUnavailable, null, "Service unavailable")
            : null;
        time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));

        await RunFollowUpAsync(host);
        Assert.DoesNotContain(connector.To(vasco), s => s.Activity.Text == reminder);
        Assert.Single(connector.To(vera), s => s.Activity.Text == reminder);

        connector.FailSend = null;
        await RunFollowUpAsync(host);
        await RunFollowUpAsync(host);
        time.Advance(TimeSpan.FromHours(1));
        await RunFollowUpAsync(host);

        Assert.Single(connector.To(vasco), s => s.Activity.Text == reminder);
        Assert.Single(connector.To(vera), s => s.Activity.Text == reminder);
    }

    [SkippableFact]
    public async Task FollowUp_ConnectorFailsTheClosingReportRequestThenRecovers_NextPassAsksOnce()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[17]);
        await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, id, 2);
        await InvokeAsync(client, hostContact, ExchangeVerbs.Approve, id, 3);
        Assert.Equal((ExchangeStatus.Approved, 4), await StatusAsync(host, id));
        var request = string.Format(CultureInfo.InvariantCulture, ExchangeTexts.English.ReportRequestFormat, await ReferenceAsync(host, id));
        connector.FailSend = (_, activity) => activity.Text == request
            ? new ConnectorException(HttpStatusCode.ServiceUnavailable, null, "Service unavailable")
            : null;
        time.Advance(TimeSpan.FromDays(40));  // past the exchange's last day (5 March 2027)

        await RunFollowUpAsync(host);
        Assert.DoesNotContain(connector.All, s => s.Activity.Text == request);
        Assert.Null(await ReportRequestedAtAsync(host, id));

        connector.FailSend = null;
        await RunFollowUpAsync(host);
        await RunFollowUpAsync(host);

        Assert.Single(connector.All, s => s.Activity.Text == request && s.Operation == "send");
        Assert.NotNull(await ReportRequestedAtAsync(host, id));
    }

    private static async Task<DateTimeOffset?> ReportRequestedAtAsync(BotHostFactory host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ExchangeStore>().FindAsync(id, CancellationToken.None))!.ReportRequestedAt;
    }
}
