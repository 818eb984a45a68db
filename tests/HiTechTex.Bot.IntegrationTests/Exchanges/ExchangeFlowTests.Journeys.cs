using System.Text;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Playground;
using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

public abstract partial class ExchangeFlowTests
{
    [SkippableFact]
    public async Task Apply_CheckSaveListEditSubmitWithdraw_DraftLifecycleAndLiveEligibility()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        await SeedProfileAsync(host, applicant, organisationId: HiTechTexPartners.DenizliId);

        // Check: the host search lists matches and the eligibility shows what is missing.
        await PostAsync(client, Message(applicant, "apply for exchange"));
        await PostAsync(client, Submit(applicant, LastFormId(applicant), "check", HiTechTexPartners.DenizliId, hostId: null));
        var checkedForm = connector.To(applicant.ConversationId)[^1].CardJson;
        Assert.Contains("\"value\":\"hitechtex-clutex\"", checkedForm, StringComparison.Ordinal);
        Assert.Contains("Choose the host organisation.", checkedForm, StringComparison.Ordinal);

        // Tampered host id: refused, nothing stored.
        var tampered = Submit(applicant, LastFormId(applicant), "save", HiTechTexPartners.DenizliId, hostId: "no-such-org");
        await PostAsync(client, tampered);
        Assert.Contains("Please correct these answers, which are not valid: Host organisation.", connector.To(applicant.ConversationId)[^1].CardJson, StringComparison.Ordinal);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ExchangeStore>().ListForApplicantAsync(applicant.AadObjectId, CancellationToken.None));
        }

        // Save as draft: stored, nobody is asked yet.
        var sentBefore = connector.All.Count;
        await PostAsync(client, Submit(applicant, LastFormId(applicant), "save", HiTechTexPartners.DenizliId));
        var id = await SingleApplicationIdAsync(host, applicant);
        Assert.Equal((ExchangeStatus.Draft, 1), await StatusAsync(host, id));
        Assert.Contains(connector.All.Skip(sentBefore), s => s.Activity.Text?.Contains("Draft saved", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(connector.All.Skip(sentBefore), s => s.ConversationId.StartsWith("a:personal-", StringComparison.Ordinal));

        // My applications lists it; a manager's "pending approvals" does not (a draft is nobody's business yet).
        await PostAsync(client, Message(applicant, "my applications"));
        var reference = (await ReferenceAsync(host, id));
        Assert.Contains(reference, connector.To(applicant.ConversationId)[^1].CardJson, StringComparison.Ordinal);
        await SeedProfileAsync(host, visitingManager);
        await PostAsync(client, Message(visitingManager, "pending approvals"));
        Assert.DoesNotContain(reference, connector.To(visitingManager.ConversationId)[^1].CardJson, StringComparison.Ordinal);

        // Edit from the card, then submit.
        await PostAsync(client, Activities.Base("message", applicant.ConversationId, a =>
        {
            a["from"] = From(applicant);
            a["value"] = new JsonObject { ["action"] = ExchangeVerbs.Edit, ["exchangeId"] = id.ToString() };
        }));
        Assert.Contains("Learn the nonwoven pilot line.", connector.To(applicant.ConversationId)[^1].CardJson, StringComparison.Ordinal);
        await PostAsync(client, Submit(applicant, LastFormId(applicant), "submit", HiTechTexPartners.DenizliId));
        Assert.Equal((ExchangeStatus.Stage1, 3), await StatusAsync(host, id));

        await PostAsync(client, Message(visitingManager, "pending approvals"));
        Assert.Contains(reference, connector.To(visitingManager.ConversationId)[^1].CardJson, StringComparison.Ordinal);
        await SeedProfileAsync(host, stranger);
        await PostAsync(client, Message(stranger, "pending approvals"));
        // No cluster manager: whom the list is for and what to type instead, then the help card — no list at all.
        Assert.Equal(ConversationTexts.En.OnlyForClusterManagers, connector.To(stranger.ConversationId)[^2].Activity.Text);
        Assert.DoesNotContain(reference, connector.To(stranger.ConversationId)[^1].CardJson, StringComparison.Ordinal);
        Assert.Contains(ConversationTexts.En.HelpTitle, connector.To(stranger.ConversationId)[^1].CardJson, StringComparison.Ordinal);

        // A second application for the same visiting organisation is not eligible while this one counts.
        await PostAsync(client, Message(applicant, "apply for exchange"));
        await PostAsync(client, Submit(applicant, LastFormId(applicant), "submit", HiTechTexPartners.DenizliId));
        Assert.Contains("an organisation visits once", connector.To(applicant.ConversationId)[^1].CardJson, StringComparison.Ordinal);

        // Withdraw: the managers' cards are updated, and the organisation may apply again.
        await PostAsync(client, Submit(applicant, LastFormId(applicant), "cancel", HiTechTexPartners.DenizliId));
        var updatesBefore = connector.All.Count;
        Assert.Contains("cannot be undone", await InvokeAsync(client, applicant, ExchangeVerbs.Withdraw, id, 3), StringComparison.Ordinal);
        Assert.Equal((ExchangeStatus.Stage1, 3), await StatusAsync(host, id));
        var withdrawn = await InvokeRawAsync(client, applicant, ExchangeVerbs.Withdraw, new System.Text.Json.Nodes.JsonObject { ["exchangeId"] = id.ToString(), ["v"] = 3, ["confirmed"] = "yes" });
        Assert.Contains("Withdrawn", withdrawn, StringComparison.Ordinal);
        Assert.Equal((ExchangeStatus.Withdrawn, 4), await StatusAsync(host, id));

        // The manager had written to the bot, so their card went to that stored 1:1 chat.
        Assert.Contains(connector.All.Skip(updatesBefore), s => s.Operation == "update"
            && s.ConversationId == visitingManager.ConversationId && s.CardJson.Contains("Withdrawn", StringComparison.Ordinal));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<ExchangeStore>().HasCountingApplicationAsync(HiTechTexPartners.DenizliId, Guid.Empty, applicant.AadObjectId, CancellationToken.None));
        }
    }

    [SkippableFact]
    public async Task FollowUp_TwoInstancesOnOneDatabase_EachPendingApproverRemindedExactlyOnce()
    {
        SkipUnlessAvailable();
        using var first = CreateHost();
        using var second = CreateHost();
        var id = await SubmitAsync(first, first.CreateClient(), HiTechTexPartners.AtevalId);

        // Not yet due. (The database is shared with the class's other tests: only this application's reminders count.)
        var reminderText = $"Reminder: exchange application {await ReferenceAsync(first, id)} is waiting for your decision.";
        time.Advance(TimeSpan.FromDays(2));
        await Task.WhenAll(RunFollowUpAsync(first), RunFollowUpAsync(second));
        Assert.DoesNotContain(connector.All, s => s.Activity.Text == reminderText);

        time.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(RunFollowUpAsync(first), RunFollowUpAsync(second), RunFollowUpAsync(first), RunFollowUpAsync(second));

        var reminders = connector.All.Where(s => s.Activity.Text == reminderText).ToList();
        Assert.Equal(
            new[] { visitingManager, secondVisitingManager }.Select(m => ExchangeConnector.PersonalConversationOf(m.AadObjectId)).Order(),
            reminders.Select(r => r.ConversationId).Order());

        // CSV export: the coordinator gets a link to the file (served by either instance); anybody else a polite refusal.
        var client = second.CreateClient();
        await SeedProfileAsync(second, coordinator);
        await PostAsync(client, Message(coordinator, "export exchanges"));
        var export = connector.To(coordinator.ConversationId)[^1].Activity;
        Assert.Null(export.Attachments);
        var csv = await DownloadAsync(first.CreateClient(), ExportLinkIn(export.Text));
        Assert.StartsWith("Reference;Status;VisitingOrganisation", csv, StringComparison.Ordinal);
        Assert.Contains($"{await ReferenceAsync(second, id)};Waiting for the visiting cluster;ATEVAL", csv, StringComparison.Ordinal);

        await SeedProfileAsync(second, stranger);
        await PostAsync(client, Message(stranger, "export exchanges"));
        Assert.Equal(ConversationTexts.En.OnlyForCoordinators, connector.To(stranger.ConversationId)[^2].Activity.Text);
        Assert.Contains(ConversationTexts.En.HelpTitle, connector.To(stranger.ConversationId)[^1].CardJson, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task FollowUpService_TimeAdvancesPastTheReminderDelay_RemindsThePendingApprover()
    {
        SkipUnlessAvailable();
        using var host = CreateHost(withFollowUpService: true);
        host.Settings["Exchanges:FollowUpInterval"] = "01:00:00";
        var id = await SubmitAsync(host, host.CreateClient(), SpanishSmeId);
        var reminder = ExchangeConnector.PersonalConversationOf(secondVisitingManager.AadObjectId);

        time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));

        // The hosted service runs on its own; the test waits (polling) until the reminder has been sent.
        await Eventually.UntilAsync(
            () => Task.FromResult(connector.To(reminder).Any(s => s.Activity.Text?.Contains("is waiting for your decision", StringComparison.Ordinal) == true)),
            TimeSpan.FromSeconds(20), "the follow-up service's reminder");
        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));
    }

    private static async Task<string> ReferenceAsync(BotHostFactory host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ExchangeStore>().FindAsync(id, CancellationToken.None))!.Reference;
    }
}
