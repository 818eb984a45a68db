using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>
/// Who decided, as other people read it on cards: the name of the decider's profile (held to the name rules), else
/// their Teams display name only when it keeps those rules (a Teams name is the user's to choose: a Markdown link there
/// would be a link on the requester's card).
/// </summary>
public sealed class PersonNameOnCardsTests : IDisposable
{
    private const string ManagerAad = "6f1c2b4e-0000-4000-8000-00000000e0e1";
    private static readonly JsonObject Requester = PartnerHost.User("29:user-1", "aad-user-1", "Ana Silva");
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Theory]
    [InlineData("Maria Gestora", "[Verify](https://evil.example/x)", "Declined by Maria Gestora")]
    [InlineData(null, "Petr Manager", "Declined by Petr Manager")]
    [InlineData(null, "[Verify](https://evil.example/x)", "Declined by —")]
    public async Task IntroductionDeclined_TheCardNamesTheDeciderByProfileElseAValidTeamsName(string? profileName, string teamsName, string expected)
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Liberec Weave Lab a.s.", contactAadObjectId: null);
        var manager = PartnerHost.User("29:manager", ManagerAad, teamsName);
        var managerChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, managerChat, manager);
        if (profileName is not null)
        {
            await PartnerHost.SeedProfileAsync(factory, "29:manager", profileName, "CLUTEX");
        }

        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave");
        await PartnerHost.SubmitAsync(client, Activities.NewConversationId(), Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Woven samples?" });
        var card = JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(managerChat), a => a.Attachments?.Count > 0))).RootElement;

        var declined = await PartnerHost.ExecuteAsync(client, managerChat, manager, IntroductionCardActionHandler.DeclineVerb, new JsonObject { ["introductionId"] = PartnerHost.FindValue(card, "introductionId") });

        var text = PartnerHost.Text(declined);
        Assert.True(text.Contains(expected, StringComparison.Ordinal), text);
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
