using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Playground;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>The withdraw confirmation's two answers, the cards the lists send, who reassigned, and an approver configured late.</summary>
public abstract partial class ExchangeFlowTests
{
    [SkippableFact]
    public async Task Withdraw_NoKeepIt_CardShowsTheApplicationAgainWithoutTheQuestionAndNothingChanged()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[6]);
        var sentBefore = connector.All.Count;

        var asked = await InvokeAsync(client, applicant, ExchangeVerbs.Withdraw, id, 2);
        Assert.Contains("\"title\":\"No, keep it\",\"verb\":\"exchange.keep\"", asked, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"exchange.keep\"", asked, StringComparison.Ordinal);

        var kept = await InvokeAsync(client, applicant, ExchangeVerbs.Keep, id, 2);

        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, ExchangeTexts.English.KeptFormat, await ReferenceAsync(host, id)), kept, StringComparison.Ordinal);
        Assert.DoesNotContain("\"confirmed\":\"yes\"", kept, StringComparison.Ordinal);
        Assert.DoesNotContain(ExchangeVerbs.Keep, kept, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Withdraw\"", kept, StringComparison.Ordinal);
        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));
        Assert.Equal(2, await AuditCountAsync(host, id));
        Assert.Empty(connector.All.Skip(sentBefore));
    }

    [SkippableFact]
    public async Task Withdraw_NoKeepItFromAnOlderClient_AnsweredPolitelyAndNothingChanged()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[7]);

        // The Action.Submit fallback of "No, keep it".
        await PostAsync(client, Activities.Base("message", applicant.ConversationId, a =>
        {
            a["from"] = From(applicant);
            a["value"] = new JsonObject { ["action"] = ExchangeVerbs.Keep, ["exchangeId"] = id.ToString(), ["v"] = 2 };
        }));

        var answer = connector.To(applicant.ConversationId)[^1].CardJson;
        Assert.Contains("stays as it is; nothing was changed", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("\"confirmed\":\"yes\"", answer, StringComparison.Ordinal);
        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));
        Assert.Equal(2, await AuditCountAsync(host, id));
    }

    [SkippableFact]
    public async Task MyApplications_WithdrawConfirmationSentFromTheList_RecordedSoTheNextDecisionReplacesIt()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[8]);

        // "my applications" → Withdraw (Action.Submit): the confirmation comes as a new message.
        await PostAsync(client, Activities.Base("message", applicant.ConversationId, a =>
        {
            a["from"] = From(applicant);
            a["value"] = new JsonObject { ["action"] = ExchangeVerbs.Withdraw, ["exchangeId"] = id.ToString(), ["v"] = 2 };
        }));
        var confirmation = connector.To(applicant.ConversationId)[^1];
        Assert.Contains("\"confirmed\":\"yes\"", confirmation.CardJson, StringComparison.Ordinal);

        // The manager approves meanwhile: the confirmation is replaced with the current card, which asks nothing.
        await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, id, 2);

        var replaced = Assert.Single(connector.To(applicant.ConversationId), s => s.Operation == "update" && s.ActivityId == confirmation.ActivityId);
        Assert.Contains("Waiting for the host", replaced.CardJson, StringComparison.Ordinal);
        Assert.DoesNotContain("\"confirmed\":\"yes\"", replaced.CardJson, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Reassign_ReassignerHasAProfile_NewApproverToldTheProfilesNameNotTheTeamsName()
    {
        SkipUnlessAvailable();

        // A third manager of CITEVE's cluster (a user of this test only: profiles outlive it in the shared database).
        // Teams calls him "Valter"; his profile says "Valter Almeida".
        var valter = new ExchangeUser("Valter");
        using var host = CreateHost();
        host.Settings[$"Roles:ClusterManagers:{valter.AadObjectId}:0"] = HiTechTexPartners.CiteveId;
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[9]);
        await host.Services.GetRequiredService<IStorage>().WriteAsync(new Dictionary<string, StoreItem>
        {
            [$"msteams/users/{valter.UserId}"] = new(JsonSerializer.SerializeToElement(
                new { profile = new { name = "Valter Almeida", organisation = "CITEVE", language = "en" } }, BotState.DefaultJsonOptions), "*"),
        });

        await InvokeAsync(client, valter, ExchangeVerbs.Reassign, id, 2, reassignTo: secondVisitingManager.AadObjectId);

        var assigned = connector.To(ExchangeConnector.PersonalConversationOf(secondVisitingManager.AadObjectId)).Where(s => s.Operation == "send").ToList()[^1].CardJson;
        Assert.Contains($"\"text\":\"Valter Almeida has assigned exchange application {await ReferenceAsync(host, id)} to you", assigned, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Submit_NoApproverThenManagerConfigured_CardAtStartUpAndOnlyOnceAcrossRestarts()
    {
        SkipUnlessAvailable();
        var lateManager = new ExchangeUser("Lorenzo");
        var lateChat = ExchangeConnector.PersonalConversationOf(lateManager.AadObjectId);
        Guid id;
        using (var host = CreateHost())
        {
            id = await SubmitAsync(host, host.CreateClient(), LateManagerSmeId);
            Assert.Contains(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("No approver is set up yet", StringComparison.Ordinal) == true);
        }

        // The operator configures a manager and restarts: the start-up pass sends the card, with no clock moved.
        using (var host = CreateHost(withFollowUpService: true))
        {
            host.Settings[$"Roles:ClusterManagers:{lateManager.AadObjectId}:0"] = LateManagerSmeId;
            host.CreateClient().Dispose();
            await Eventually.UntilAsync(
                () => Task.FromResult(connector.To(lateChat).Any(s => s.Operation == "send" && s.CardJson.Contains("exchange.approve", StringComparison.Ordinal))),
                TimeSpan.FromSeconds(20), "the late manager's card");
            await Eventually.UntilAsync(
                () => Task.FromResult(connector.To(applicant.ConversationId).Any(s => s.Activity.Text?.Contains("has now reached an approver", StringComparison.Ordinal) == true)),
                TimeSpan.FromSeconds(20), "the applicant told it reached an approver");
        }

        // Another restart (and another pass): nothing twice.
        using (var host = CreateHost())
        {
            host.Settings[$"Roles:ClusterManagers:{lateManager.AadObjectId}:0"] = LateManagerSmeId;
            host.CreateClient().Dispose();
            await RunFollowUpAsync(host);
        }

        Assert.Single(connector.To(lateChat), s => s.Operation == "send");
        Assert.DoesNotContain(connector.To(lateChat), s => s.Activity.Text?.Contains("Reminder", StringComparison.Ordinal) == true);
        Assert.Single(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("has now reached an approver", StringComparison.Ordinal) == true);
        Assert.Equal(2, (await StatusOfAsync(id)).Version);

        async Task<(ExchangeStatus Status, int Version)> StatusOfAsync(Guid application)
        {
            using var host = CreateHost();
            return await StatusAsync(host, application);
        }
    }
}
