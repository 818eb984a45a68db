using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>
/// A partner nobody at which can be reached through the bot (no contact with a Teams account, no manager of its cluster
/// configured): its details card says so instead of offering a message box and a request that could not be sent.
/// </summary>
public sealed class UnreachablePartnerDetailTests : IDisposable
{
    private const string ManagerAad = "6f1c2b4e-0000-4000-8000-00000000a9e1";
    private static readonly JsonObject Requester = PartnerHost.User("29:user-1", "aad-user-1", "Alex Wilber");
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Theory]
    [InlineData(false, false)]   // no Teams contact, no manager of its cluster: the note, no box
    [InlineData(true, true)]     // a contact with a Teams account
    [InlineData(false, true)]    // no Teams contact, but its cluster has a manager configured
    public async Task Details_OfferTheRequestOnlyWhenSomeoneCanBeReached(bool teamsContact, bool managerConfigured)
    {
        var reachable = teamsContact || managerConfigured;
        var settings = new Dictionary<string, string?>();
        if (!teamsContact && managerConfigured)
        {
            settings[$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId;
        }

        using var factory = PartnerHost.Create(databasePath, settings);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Liberec Geo Lab s.r.o.", teamsContact ? "6f1c2b4e-0000-4000-8000-00000000c0a1" : null);
        var chat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");

        await PartnerHost.SubmitAsync(client, chat, Requester, new JsonObject { ["action"] = "partners.detail", ["id"] = partner.Id });

        var card = PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());
        Assert.Contains(partner.Name, card, StringComparison.Ordinal);
        Assert.Equal(reachable, card.Contains("partners.intro.request", StringComparison.Ordinal));
        Assert.Equal(reachable, card.Contains("Input.Text", StringComparison.Ordinal));
        Assert.Equal(!reachable, card.Contains(PartnerTexts.Resolve("en").IntroductionUnreachableNote, StringComparison.Ordinal));
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
