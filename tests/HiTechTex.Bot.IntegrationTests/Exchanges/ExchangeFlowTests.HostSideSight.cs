using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>
/// What the host side may see: an application once it reached stage 2, never one closed or sent back at stage 1 — a
/// card button is a request anyone can forge, so the rule holds for a forged Refresh or Open with a known id. And a
/// reassignment stores the manager's own id, whatever the case of the id sent.
/// </summary>
public abstract partial class ExchangeFlowTests
{
    [SkippableTheory]
    [InlineData(ExchangeVerbs.Reject, 20)]
    [InlineData(ExchangeVerbs.RequestChanges, 21)]
    [InlineData(ExchangeVerbs.Withdraw, 22)]
    public async Task HostSide_ApplicationRejectedSentBackOrWithdrawnAtStageOne_ForgedRefreshAndOpenShowNothing(string verb, int sme)
    {
        // Before: any status but draft and stage 1 let the host side see it, so a forged Refresh or Open by the host
        // cluster's manager or contact showed the whole application that never reached them.
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[sme]);
        await DecideAsync(client, verb, id, 2, verb == ExchangeVerbs.Withdraw ? applicant : visitingManager);
        var (status, version) = await StatusAsync(host, id);
        Assert.Equal(3, version);
        var sentBefore = connector.All.Count;

        foreach (var user in new[] { hostManager, hostContact })
        {
            var refreshed = await InvokeAsync(client, user, ExchangeVerbs.Refresh, id, 0);
            Assert.True(refreshed.Contains("You cannot do this", StringComparison.Ordinal), $"{user.Name}: {refreshed}");
            Assert.DoesNotContain(ExchangeTexts.English.Objectives, refreshed, StringComparison.Ordinal);
            Assert.DoesNotContain("\"refresh\"", refreshed, StringComparison.Ordinal);

            await SeedProfileAsync(host, user);
            await PostAsync(client, OpenMessage(user, id));
            Assert.Equal("I cannot find this application.", connector.To(user.ConversationId)[^1].Activity.Text);
        }

        // Nothing changed, nothing of it was sent to anybody, no card of theirs was recorded to be updated later.
        Assert.Equal((status, 3), await StatusAsync(host, id));
        Assert.Equal(3, await AuditCountAsync(host, id));
        Assert.DoesNotContain(connector.All.Skip(sentBefore), s => s.CardJson.Contains(ExchangeTexts.English.Objectives, StringComparison.Ordinal));
        Assert.Equal(0, await CardCountAsync(host, id, hostManager, hostContact));

        // The applicant, the visiting side's manager and the coordinator see it as before.
        foreach (var user in new[] { applicant, visitingManager, coordinator })
        {
            Assert.Contains(ExchangeTexts.English.Objectives, await InvokeAsync(client, user, ExchangeVerbs.Refresh, id, 0), StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [InlineData(ExchangeVerbs.Reject, 23)]
    [InlineData(ExchangeVerbs.RequestChanges, 24)]
    [InlineData(ExchangeVerbs.Withdraw, 25)]
    public async Task HostSide_ApplicationRejectedSentBackOrWithdrawnAtStageTwo_TheHostSideStillSeesIt(string verb, int sme)
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[sme]);
        await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, id, 2);
        Assert.Equal((ExchangeStatus.Stage2, 3), await StatusAsync(host, id));

        await DecideAsync(client, verb, id, 3, verb == ExchangeVerbs.Withdraw ? applicant : hostManager);
        Assert.Equal(4, (await StatusAsync(host, id)).Item2);
        await AssertHostSideSeesAsync(host, client, id);

        if (verb == ExchangeVerbs.RequestChanges)
        {
            // Submitted again it is back at stage 1: the host side who asked for the changes still sees it, deciding nothing.
            await PostAsync(client, Submit(applicant, await EditFormIdAsync(client, id), "submit", NoticeSmeIds[sme]));
            Assert.Equal(ExchangeStatus.Stage1, (await StatusAsync(host, id)).Item1);
            await AssertHostSideSeesAsync(host, client, id);
        }
    }

    [SkippableFact]
    public async Task Reassign_TargetIdInAnotherCase_StoredAsTheManagersOwnIdAndTheirNewCardArrives()
    {
        // Before: the id was matched ignoring case and stored as sent, so the new approver was recorded under an id no
        // chat of the bot knows.
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[26]);
        var veraChat = ExchangeConnector.PersonalConversationOf(secondVisitingManager.AadObjectId);
        Assert.Single(connector.To(veraChat), s => s.Operation == "send");

        await InvokeAsync(client, visitingManager, ExchangeVerbs.Reassign, id, 2, reassignTo: secondVisitingManager.AadObjectId.ToUpperInvariant());

        Assert.Equal((ExchangeStatus.Stage1, 3), await StatusAsync(host, id));
        var toVera = connector.To(veraChat).Where(s => s.Operation == "send").ToList();
        Assert.Equal(2, toVera.Count);
        Assert.Contains($"{visitingManager.Name} has assigned exchange application", toVera[^1].CardJson, StringComparison.Ordinal);
        Assert.Contains("exchange.approve", toVera[^1].CardJson, StringComparison.Ordinal);
        Assert.Contains("exchange.approve", await InvokeAsync(client, secondVisitingManager, ExchangeVerbs.Refresh, id, 0), StringComparison.Ordinal);
        Assert.Contains("You cannot do this", await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, id, 3), StringComparison.Ordinal);

        // The manager's own id, as the directory and their chat know it.
        Assert.Equal(secondVisitingManager.AadObjectId, (await FindAsync(host, id))!.AssignedApproverAadObjectId);
        await InvokeAsync(client, secondVisitingManager, ExchangeVerbs.Approve, id, 3);
        Assert.Equal((ExchangeStatus.Stage2, 4), await StatusAsync(host, id));
        var audit = await AuditOfAsync(host, id);
        Assert.Equal(secondVisitingManager.AadObjectId, Assert.Single(audit, a => a.Action == ExchangeAction.Approved).ActorAadObjectId);
    }

    private async Task AssertHostSideSeesAsync(BotHostFactory host, HttpClient client, Guid id)
    {
        foreach (var user in new[] { hostManager, hostContact })
        {
            var refreshed = await InvokeAsync(client, user, ExchangeVerbs.Refresh, id, 0);
            Assert.True(refreshed.Contains(ExchangeTexts.English.Objectives, StringComparison.Ordinal), $"{user.Name}: {refreshed}");
            Assert.DoesNotContain("exchange.approve", refreshed, StringComparison.Ordinal);

            await SeedProfileAsync(host, user);
            await PostAsync(client, OpenMessage(user, id));
            Assert.Contains(ExchangeTexts.English.Objectives, connector.To(user.ConversationId)[^1].CardJson, StringComparison.Ordinal);
        }
    }

    /// <summary>Rejects, sends back (with a comment) or — the applicant — withdraws (confirmed) the application at <paramref name="version"/>.</summary>
    private async Task DecideAsync(HttpClient client, string verb, Guid id, int version, ExchangeUser by)
    {
        var card = verb == ExchangeVerbs.Withdraw
            ? await InvokeRawAsync(client, by, verb, new JsonObject { ["exchangeId"] = id.ToString(), ["v"] = version, ["confirmed"] = "yes" })
            : await InvokeAsync(client, by, verb, id, version, comment: "Not this time.");
        Assert.DoesNotContain("You cannot do this", card, StringComparison.Ordinal);
    }

    private static JsonObject OpenMessage(ExchangeUser user, Guid id) => Activities.Base("message", user.ConversationId, a =>
    {
        a["from"] = From(user);
        a["value"] = new JsonObject { ["action"] = ExchangeVerbs.Open, ["exchangeId"] = id.ToString() };
    });

    private static async Task<IReadOnlyList<ExchangeAuditEntry>> AuditOfAsync(BotHostFactory host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStore>().AuditAsync(id, CancellationToken.None);
    }

    private static async Task<int> CardCountAsync(BotHostFactory host, Guid id, params ExchangeUser[] recipients)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var cards = await scope.ServiceProvider.GetRequiredService<ExchangeStore>().CardsAsync(id, CancellationToken.None);
        return cards.Count(c => recipients.Any(r => r.AadObjectId == c.RecipientAadObjectId));
    }
}
