using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Exchanges;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

public abstract partial class ExchangeFlowTests
{
    /// <summary>
    /// Asked for in a group chat, an application is not made there: the group gets a mention, the applicant's 1:1
    /// chat (created through the connector) a card whose button opens the form there, and every later notice about
    /// the application goes to that 1:1 chat.
    /// </summary>
    [SkippableFact]
    public async Task Flow_AskedInAGroupChat_ApplicationMovesToTheOneToOneChatAndItsNoticesGoThere()
    {
        SkipUnlessAvailable();
        const string group = "19:exchange-group@thread.v2";
        static JsonObject InGroup(JsonObject activity)
        {
            activity["conversation"] = new JsonObject { ["id"] = group, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = Support.Activities.TenantId };
            return activity;
        }

        var personal = ExchangeConnector.PersonalConversationOf(applicant.AadObjectId);
        JsonObject InPersonalChat(JsonObject activity)
        {
            activity["conversation"] = new JsonObject { ["id"] = personal, ["conversationType"] = "personal", ["tenantId"] = Support.Activities.TenantId };
            return activity;
        }

        using var host = CreateHost();
        var client = host.CreateClient();
        await SeedProfileAsync(host, applicant, organisationId: GroupChatSmeId);
        await PostAsync(client, InGroup(Message(applicant, "apply for exchange")));

        // The group: a mention of the applicant and no form.
        var note = Assert.Single(connector.To(group));
        Assert.StartsWith($"<at>{applicant.Name}</at> I've sent you a private message", note.Activity.Text, StringComparison.Ordinal);
        Assert.Equal(applicant.UserId, Assert.Single(note.Activity.Entities!).Mentioned?.Id);
        // The 1:1 chat: the card whose button asks again.
        var moved = Assert.Single(connector.To(personal));
        var button = JsonNode.Parse(moved.CardJson)!["actions"]![0]!["data"]!.AsObject();
        Assert.Equal("apply for exchange", (string?)button["text"]);

        await PostAsync(client, InPersonalChat(Support.Activities.Base("message", personal, a =>
        {
            a["from"] = From(applicant);
            a["value"] = button.DeepClone();
        })));
        var formId = FormIdPattern().Match(connector.To(personal).Last(s => s.CardJson.Contains("formId", StringComparison.Ordinal)).CardJson).Groups[1].Value;
        Assert.NotEmpty(formId);
        await PostAsync(client, InPersonalChat(Submit(applicant, formId, "submit", GroupChatSmeId)));
        var id = await SingleApplicationIdAsync(host, applicant);
        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));

        await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, id, 2);

        Assert.Equal((ExchangeStatus.Stage2, 3), await StatusAsync(host, id));
        Assert.Contains(connector.To(personal), s => s.Activity.Text?.Contains("is now: Waiting for the host", StringComparison.Ordinal) == true);
        Assert.Single(connector.To(group));

        // Withdraw clicked in the group (an old card there, or forged): the 1:1 card names the application and its
        // Continue opens it — the click is not replayed, so nothing is withdrawn before the applicant sees it.
        await PostAsync(client, InGroup(Support.Activities.Base("message", group, a =>
        {
            a["from"] = From(applicant);
            a["value"] = new JsonObject { ["action"] = ExchangeVerbs.Withdraw, ["exchangeId"] = id.ToString("D"), ["v"] = 3, ["confirmed"] = "yes" };
        })));
        var handOff = connector.To(personal).Last(s => s.CardJson.Length > 0).CardJson;
        string reference;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            reference = (await scope.ServiceProvider.GetRequiredService<ExchangeStore>().FindAsync(id, CancellationToken.None))!.Reference;
        }

        var named = string.Format(System.Globalization.CultureInfo.InvariantCulture, ExchangeTexts.English.HandOffApplicationFormat, reference);
        Assert.True(handOff.Contains(named, StringComparison.Ordinal), $"{named} not in {handOff}");
        Assert.Contains($"\"action\":\"{ExchangeVerbs.Open}\"", handOff, StringComparison.Ordinal);
        Assert.DoesNotContain(ExchangeVerbs.Withdraw, handOff, StringComparison.Ordinal);
        Assert.Equal((ExchangeStatus.Stage2, 3), await StatusAsync(host, id));
    }
}
