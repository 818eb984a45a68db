using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>The approval card's automatic refresh (<c>refresh.userIds</c>) after stage 1, and what a refresh may show.</summary>
public abstract partial class ExchangeFlowTests
{
    [SkippableFact]
    public async Task Refresh_AfterStageOne_TheApproversCardStillRefreshesForThemAndAForgedRefreshShowsNothing()
    {
        // Before: once the visiting cluster's manager approved, their own card (still replaced after each transition) no
        // longer listed them in refresh.userIds: it stopped refreshing by itself, showing a state that had moved on.
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, NoticeSmeIds[19]);

        // The host contact opens their card before anything is decided: not theirs to see yet (stage 1), nothing changes.
        Assert.Contains("You cannot do this", await InvokeOnCardAsync(client, hostContact, ExchangeVerbs.Refresh, id, 0), StringComparison.Ordinal);

        var sentBefore = connector.All.Count;
        var approved = await InvokeOnCardAsync(client, visitingManager, ExchangeVerbs.Approve, id, 2);
        Assert.Equal((ExchangeStatus.Stage2, 3), await StatusAsync(host, id));

        // The answer to their click and the update of their card keep them among the ids whose card refreshes itself.
        Assert.Contains(visitingManager.UserId, RefreshUserIds(approved));
        var theirUpdate = Assert.Single(connector.All.Skip(sentBefore),
            s => s.Operation == "update" && s.ConversationId == ExchangeConnector.PersonalConversationOf(visitingManager.AadObjectId));
        Assert.Contains(visitingManager.UserId, RefreshUserIds(theirUpdate.CardJson));
        Assert.Contains(applicant.UserId, RefreshUserIds(theirUpdate.CardJson));

        // Their refresh shows the current state, read-only; the host side's refresh offers the decision.
        var refreshed = await InvokeOnCardAsync(client, visitingManager, ExchangeVerbs.Refresh, id, 0);
        Assert.Contains("Waiting for the host", refreshed, StringComparison.Ordinal);
        Assert.DoesNotContain("exchange.approve", refreshed, StringComparison.Ordinal);
        Assert.Contains(visitingManager.UserId, RefreshUserIds(refreshed));
        var hostView = await InvokeOnCardAsync(client, hostContact, ExchangeVerbs.Refresh, id, 0);
        Assert.Contains("exchange.approve", hostView, StringComparison.Ordinal);
        Assert.Contains(hostContact.UserId, RefreshUserIds(hostView));

        // A forged refresh from someone who may not see it: the neutral card, no details, nothing changed or sent.
        sentBefore = connector.All.Count;
        var forged = await InvokeAsync(client, stranger, ExchangeVerbs.Refresh, id, 3);
        Assert.Contains("You cannot do this", forged, StringComparison.Ordinal);
        Assert.DoesNotContain(ExchangeTexts.English.Objectives, forged, StringComparison.Ordinal);
        Assert.DoesNotContain("\"refresh\"", forged, StringComparison.Ordinal);
        Assert.Equal((ExchangeStatus.Stage2, 3), await StatusAsync(host, id));
        Assert.Equal(3, await AuditCountAsync(host, id));
        Assert.Empty(connector.All.Skip(sentBefore));

        // Nobody who may not see the application is listed, and never more than Teams' 60.
        Assert.DoesNotContain(stranger.UserId, RefreshUserIds(hostView));
        Assert.InRange(RefreshUserIds(hostView).Count, 1, ExchangeNotifier.MaxRefreshUserIds);
        Assert.Equal(RefreshUserIds(hostView).Distinct().Count(), RefreshUserIds(hostView).Count);
    }

    /// <summary>
    /// A click (or Teams' automatic refresh) on the card the bot sent to the user's 1:1 chat: from that chat, as Teams
    /// sends it, so that the bot learns the user's Teams id (29:…) there.
    /// </summary>
    private static async Task<string> InvokeOnCardAsync(HttpClient client, ExchangeUser user, string verb, Guid id, int version)
    {
        var activity = Activities.Base("invoke", ExchangeConnector.PersonalConversationOf(user.AadObjectId), a =>
        {
            a["from"] = From(user);
            a["name"] = InvokeNames.AdaptiveCardAction;
            a["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject { ["exchangeId"] = id.ToString(), ["v"] = version } },
                ["trigger"] = verb == ExchangeVerbs.Refresh ? "automatic" : "manual",
            };
        });
        var response = JsonNode.Parse(await PostAsync(client, activity))!;
        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        return response["value"]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static List<string> RefreshUserIds(string cardJson)
    {
        using var card = JsonDocument.Parse(cardJson);
        return [.. card.RootElement.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(e => e.GetString()!)];
    }
}
