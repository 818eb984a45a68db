using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>Who is told what after a transition: new messages where Teams would not alert, nothing where nothing changed.</summary>
public abstract partial class ExchangeFlowTests
{
    [SkippableFact]
    public async Task Resubmit_AfterRequestChanges_ApproverWhoHadTheCardGetsANewOne()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[0]);
        var managerChat = ExchangeConnector.PersonalConversationOf(visitingManager.AadObjectId);
        await InvokeAsync(client, visitingManager, ExchangeVerbs.RequestChanges, id, 2, comment: "Add the agenda.");
        var before = connector.All.Count;

        await PostAsync(client, Submit(applicant, await EditFormIdAsync(client, id), "submit", NoticeSmeIds[0]));

        Assert.Equal((ExchangeStatus.Stage1, 5), await StatusAsync(host, id));
        var after = connector.All.Skip(before).Where(s => s.ConversationId == managerChat).ToList();
        var fresh = Assert.Single(after, s => s.Operation == "send");
        Assert.Contains("was submitted again after the requested changes", fresh.CardJson, StringComparison.Ordinal);
        Assert.Contains("exchange.approve", fresh.CardJson, StringComparison.Ordinal);
        Assert.Contains(after, s => s.Operation == "update" && s.CardJson.Contains("exchange.approve", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Reassign_ToAnotherManager_NewCardForThemAndNoStatusNoticeToTheApplicant()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[1]);
        var veraChat = ExchangeConnector.PersonalConversationOf(secondVisitingManager.AadObjectId);
        Assert.Single(connector.To(veraChat), s => s.Operation == "send");
        var applicantTextsBefore = connector.To(applicant.ConversationId).Count(s => s.Activity.Text is not null);

        await InvokeAsync(client, visitingManager, ExchangeVerbs.Reassign, id, 2, reassignTo: secondVisitingManager.AadObjectId);

        var toVera = connector.To(veraChat).Where(s => s.Operation == "send").ToList();
        Assert.Equal(2, toVera.Count);
        Assert.Contains($"\"type\":\"TextRun\",\"text\":\"{visitingManager.Name} has assigned exchange application", toVera[^1].CardJson, StringComparison.Ordinal);
        Assert.Equal(applicantTextsBefore, connector.To(applicant.ConversationId).Count(s => s.Activity.Text is not null));
    }

    [SkippableFact]
    public async Task ApprovalCard_ReassignChoicesAndLabels_NamesNotIdsAndNoYours()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();

        // Vera has written to the bot (her profile is known); Isabella, a third manager, never has.
        var isabella = new ExchangeUser("Isabella");
        host.Settings[$"Roles:ClusterManagers:{isabella.AadObjectId}:0"] = HiTechTexPartners.CiteveId;
        var client = host.CreateClient();
        await SeedProfileAsync(host, secondVisitingManager);
        await PostAsync(client, Message(secondVisitingManager, "pending approvals"));
        var id = await SubmitAsync(host, client, NoticeSmeIds[2]);

        var card = connector.To(ExchangeConnector.PersonalConversationOf(visitingManager.AadObjectId))[^1].CardJson;
        Assert.Contains($"\"title\":\"{secondVisitingManager.Name}\",\"value\":\"{secondVisitingManager.AadObjectId}\"", card, StringComparison.Ordinal);
        Assert.Contains($"\"title\":\"Cluster manager 1\",\"value\":\"{isabella.AadObjectId}\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain($"…{isabella.AadObjectId[^6..]}", card, StringComparison.Ordinal);
        Assert.Contains("\"Visiting organisation\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("(yours)", card, StringComparison.Ordinal);
        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));
    }

    [SkippableFact]
    public async Task Withdraw_SubmittedApplication_AskedFirstThenApproversTold()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[3]);

        var asked = await InvokeAsync(client, applicant, ExchangeVerbs.Withdraw, id, 2);
        Assert.Contains("cannot be undone", asked, StringComparison.Ordinal);
        Assert.Contains("\"confirmed\":\"yes\"", asked, StringComparison.Ordinal);
        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));

        var withdrawn = await InvokeRawAsync(client, applicant, ExchangeVerbs.Withdraw, new JsonObject { ["exchangeId"] = id.ToString(), ["v"] = 2, ["confirmed"] = "yes" });

        Assert.Equal((ExchangeStatus.Withdrawn, 3), await StatusAsync(host, id));
        Assert.DoesNotContain("exchange.withdraw", withdrawn, StringComparison.Ordinal);
        Assert.DoesNotContain(ExchangeVerbs.Keep, withdrawn, StringComparison.Ordinal);
        foreach (var manager in new[] { visitingManager, secondVisitingManager })
        {
            Assert.Contains(connector.To(ExchangeConnector.PersonalConversationOf(manager.AadObjectId)),
                s => s.Operation == "send" && s.Activity.Text?.Contains($"was withdrawn by {applicant.Name}", StringComparison.Ordinal) == true);
        }
    }

    [SkippableFact]
    public async Task MyApplications_WithdrawableApplication_OpenAndWithdrawButtonsAndWithdrawAsksFirst()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[4]);

        await PostAsync(client, Message(applicant, "cancel my application"));
        var list = connector.To(applicant.ConversationId)[^1].CardJson;
        Assert.Contains("\"title\":\"Open\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Refresh", list, StringComparison.Ordinal);
        Assert.Contains($"\"title\":\"Withdraw\",\"data\":{{\"action\":\"exchange.withdraw\",\"exchangeId\":\"{id}\",\"v\":2}}", list, StringComparison.Ordinal);

        await PostAsync(client, Activities.Base("message", applicant.ConversationId, a =>
        {
            a["from"] = From(applicant);
            a["value"] = new JsonObject { ["action"] = ExchangeVerbs.Withdraw, ["exchangeId"] = id.ToString(), ["v"] = 2 };
        }));
        Assert.Contains("cannot be undone", connector.To(applicant.ConversationId)[^1].CardJson, StringComparison.Ordinal);
        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));

        // Somebody else's list has no Withdraw button for it, and a forged one changes nothing.
        await SeedProfileAsync(host, stranger);
        await PostAsync(client, Activities.Base("message", stranger.ConversationId, a =>
        {
            a["from"] = From(stranger);
            a["value"] = new JsonObject { ["action"] = ExchangeVerbs.Withdraw, ["exchangeId"] = id.ToString(), ["v"] = 2, ["confirmed"] = "yes" };
        }));
        Assert.Contains("You cannot do this", connector.To(stranger.ConversationId)[^1].CardJson, StringComparison.Ordinal);
        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));
    }

    [SkippableFact]
    public async Task Notice_ApplicantChangedTheirLanguage_ToldInTheProfilesLanguageNow()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[5]);

        await SeedProfileAsync(host, applicant, "pt", NoticeSmeIds[5]);
        await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, id, 2);

        var portuguese = ExchangeTexts.Resolve("pt");
        Assert.Contains(connector.To(applicant.ConversationId), s => s.Activity.Text?.StartsWith("A sua candidatura de intercâmbio", StringComparison.Ordinal) == true
            && s.Activity.Text.Contains(portuguese.Statuses[ExchangeStatus.Stage2], StringComparison.Ordinal));
        Assert.Contains(connector.To(applicant.ConversationId), s => s.Operation == "update" && s.CardJson.Contains(portuguese.Statuses[ExchangeStatus.Stage2], StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Submit_NoApproverForTheVisitingOrganisation_ApplicantToldWhomToContact()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();

        var id = await SubmitAsync(host, client, NoManagerSmeId);

        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));
        Assert.Contains(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("No approver is set up yet for Tessitura di Prato (test SME) (IT)", StringComparison.Ordinal) == true
            && s.Activity.Text.Contains("the Hi-Tech-TEX programme coordinator", StringComparison.Ordinal));
    }

    private async Task<string> EditFormIdAsync(HttpClient client, Guid id)
    {
        await PostAsync(client, Activities.Base("message", applicant.ConversationId, a =>
        {
            a["from"] = From(applicant);
            a["value"] = new JsonObject { ["action"] = ExchangeVerbs.Edit, ["exchangeId"] = id.ToString() };
        }));
        return LastFormId(applicant);
    }
}
