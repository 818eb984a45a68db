using System.Net;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>
/// The host stopped (an ordinary SIGTERM: a deploy, an App Service restart) while the follow-up sends an approval card
/// the connector keeps refusing: the card was never delivered, so its claim is given back and the next host, with a
/// working connector, delivers it once and tells the applicant it reached an approver once. Stopped with the card on
/// the wire (perhaps delivered), the claim stays: never twice.
/// </summary>
public abstract partial class ExchangeFlowTests
{
    /// <summary>SMEs of no cluster whose manager is configured only after their application was submitted.</summary>
    private const string StoppedSendSmeId = "test-sme-setificio-di-como";

    /// <inheritdoc cref="StoppedSendSmeId"/>
    private const string StoppedOnTheWireSmeId = "test-sme-lanificio-di-schio";

    [SkippableFact]
    public async Task FollowUp_HostStoppedWhileTheCardSendWaitsToRetry_NextHostDeliversTheCardOnceAndTellsTheApplicantOnce()
    {
        SkipUnlessAvailable();
        var (id, lateManager, stopped) = await StopDuringLateCardAsync(StoppedSendSmeId, onTheWire: false);
        var lateChat = ExchangeConnector.PersonalConversationOf(lateManager.AadObjectId);
        Assert.Contains(stopped.Logs.Entries, e => e.EventId == 2326);
        Assert.Empty(connector.To(lateChat));

        // Given back, not kept as delivered: the next host's passes deliver it, once, and the applicant hears once.
        using (var host = CreateHost())
        {
            host.Settings[$"Roles:ClusterManagers:{lateManager.AadObjectId}:0"] = StoppedSendSmeId;
            var cardKind = ExchangeNotifier.WaitingCardKind((await FindAsync(host, id))!);
            Assert.DoesNotContain(await ClaimsAsync(host, id), c => c.Kind == cardKind && c.RecipientAadObjectId == lateManager.AadObjectId);
            await RunFollowUpAsync(host);
            await RunFollowUpAsync(host);
        }

        using (var host = CreateHost())
        {
            host.Settings[$"Roles:ClusterManagers:{lateManager.AadObjectId}:0"] = StoppedSendSmeId;
            await RunFollowUpAsync(host);
        }

        Assert.Contains("exchange.approve", Assert.Single(connector.To(lateChat), s => s.Operation == "send").CardJson, StringComparison.Ordinal);
        Assert.Single(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("has now reached an approver", StringComparison.Ordinal) == true);
    }

    [SkippableFact]
    public async Task FollowUp_HostStoppedWithTheCardOnTheWire_ClaimKeptAndNeverSentTwice()
    {
        SkipUnlessAvailable();
        var (id, lateManager, stopped) = await StopDuringLateCardAsync(StoppedOnTheWireSmeId, onTheWire: true);
        Assert.Contains(stopped.Logs.Entries, e => e.EventId == 2327);
        Assert.DoesNotContain(stopped.Logs.Entries, e => e.EventId == 2326);

        using var host = CreateHost();
        host.Settings[$"Roles:ClusterManagers:{lateManager.AadObjectId}:0"] = StoppedOnTheWireSmeId;
        var cardKind = ExchangeNotifier.WaitingCardKind((await FindAsync(host, id))!);
        Assert.Contains(await ClaimsAsync(host, id), c => c.Kind == cardKind && c.RecipientAadObjectId == lateManager.AadObjectId);
        await RunFollowUpAsync(host);
        Assert.Empty(connector.To(ExchangeConnector.PersonalConversationOf(lateManager.AadObjectId)));
    }

    [SkippableFact]
    public async Task FollowUp_HostStoppedWhileRetryingTheApplicantsStatusNotice_NextHostDeliversItOnce()
    {
        SkipUnlessAvailable();
        Guid id;
        connector.FailSend = (conversation, activity) => conversation == applicant.ConversationId && activity.Text?.Contains("is now:", StringComparison.Ordinal) == true
            ? new ConnectorException(HttpStatusCode.BadGateway, null, "Bad gateway")
            : null;
        using (var host = CreateHost())
        {
            var client = host.CreateClient();
            id = await SubmitAsync(host, client, NoticeSmeIds[18]);
            await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, id, 2);
        }

        // The follow-up's start-up pass tries the notice again; the host stops while the connector client waits to retry.
        connector.FailSend = null;
        connector.StallSend = (conversation, activity) => conversation == applicant.ConversationId && activity.Text?.Contains("is now:", StringComparison.Ordinal) == true;
        var stopped = CreateHost(withFollowUpService: true);
        using (stopped)
        {
            stopped.CreateClient().Dispose();
            await connector.Stalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        connector.StallSend = null;
        Assert.Contains(stopped.Logs.Entries, e => e.EventId == 2326);
        Assert.DoesNotContain(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("is now:", StringComparison.Ordinal) == true);
        using (var host = CreateHost())
        {
            await RunFollowUpAsync(host);
            await RunFollowUpAsync(host);
        }

        Assert.Single(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("is now: Waiting for the host", StringComparison.Ordinal) == true);
    }

    /// <summary>
    /// An application nobody may decide (the applicant told so); then a manager configured and a host started whose
    /// start-up pass sends them the card through a connector that holds it until the host stops; returns that host, stopped.
    /// </summary>
    private async Task<(Guid Id, ExchangeUser LateManager, BotHostFactory Stopped)> StopDuringLateCardAsync(string smeId, bool onTheWire)
    {
        var lateManager = new ExchangeUser("Lucia");
        var lateChat = ExchangeConnector.PersonalConversationOf(lateManager.AadObjectId);
        Guid id;
        using (var host = CreateHost())
        {
            id = await SubmitAsync(host, host.CreateClient(), smeId);
            Assert.Contains(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("No approver is set up yet", StringComparison.Ordinal) == true);
        }

        connector.StallOnTheWire = onTheWire;
        connector.StallSend = (conversation, activity) => conversation == lateChat && activity.Attachments is { Count: > 0 };
        var stopped = CreateHost(withFollowUpService: true);
        using (stopped)
        {
            stopped.Settings[$"Roles:ClusterManagers:{lateManager.AadObjectId}:0"] = smeId;
            stopped.CreateClient().Dispose();
            await connector.Stalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        connector.StallSend = null;
        return (id, lateManager, stopped);
    }

    private static async Task<IReadOnlyList<ExchangeReminder>> ClaimsAsync(BotHostFactory host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStore>().RemindersAsync(id, CancellationToken.None);
    }

    private static async Task<ExchangeApplication?> FindAsync(BotHostFactory host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStore>().FindAsync(id, CancellationToken.None);
    }
}
