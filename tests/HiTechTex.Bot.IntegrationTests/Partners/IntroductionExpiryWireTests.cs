using System.Text.Json;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>
/// The expiry sweep on the wire: the real connector client, against a local server speaking the Bot Connector REST
/// shape, replaces the manager's card with <c>PUT v3/conversations/{id}/activities/{activityId}</c> (the expired card,
/// no buttons) and posts the requester's notice to their chat.
/// </summary>
public sealed class IntroductionExpiryWireTests : IAsyncLifetime
{
    private const string ManagerChat = "a:manager-chat";
    private const string RequesterChat = "a:requester-chat";
    private const string CardActivityId = "1700000000042";
    private readonly string databasePath = BotHostFactory.NewDatabasePath();
    private LocalHttpServer connector = null!;

    public async Task InitializeAsync() =>
        connector = await LocalHttpServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"1700000000099"}""");
        });

    public async Task DisposeAsync()
    {
        await connector.DisposeAsync();
        BotHostFactory.DeleteDatabase(databasePath);
    }

    [Fact]
    public async Task Sweep_PutsTheExpiredCardInPlaceOfTheSentOneAndPostsTheNotice()
    {
        using var factory = new BotHostFactory(databasePath) { UseFakeConnector = false };
        factory.Settings["Partners:SeedDemoData"] = "false";
        factory.CreateClient().Dispose();
        var references = factory.Services.GetRequiredService<IConversationReferenceStore>();
        foreach (var (chat, user) in new[] { (ManagerChat, "29:manager"), (RequesterChat, "29:requester") })
        {
            await references.SaveAsync(new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = connector.BaseUrl + "/teams/",
                Conversation = new ConversationAccount { Id = chat, ConversationType = "personal", TenantId = Activities.TenantId },
                User = new ChannelAccount { Id = user },
                Bot = new ChannelAccount { Id = "28:bot" },
            }, CancellationToken.None);
        }

        var id = Guid.NewGuid().ToString("N");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            db.Add(new IntroductionEntity
            {
                Id = id,
                RequesterKey = "29:requester",
                RequesterName = "Alex Wilber",
                RequesterOrganisation = "Contoso Textiles",
                RequesterLanguage = "en",
                RequesterConversationId = RequesterChat,
                OrganisationId = "it-wire-lab",
                OrganisationName = "Wire Lab s.r.o.",
                Message = "Felt trial?",
                AddresseesJson = "[]",
                CardsJson = JsonSerializer.Serialize(new[] { new { conversationId = ManagerChat, activityId = CardActivityId, userId = "29:manager", language = "en" } }),
                Status = nameof(IntroductionStatus.Pending),
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-15),
                PendingKey = "29:requester|it-wire-lab",
            });
            await db.SaveChangesAsync();
        }

        DateTimeOffset expiredAt;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<IntroductionService>().ExpireDueAsync(CancellationToken.None));
            expiredAt = (await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<IntroductionEntity>().FindAsync(id))!.DecidedAt!.Value;
        }

        var texts = PartnerTexts.Resolve("en");
        var put = Assert.Single(connector.Requests, r => r.Method == "PUT");
        Assert.Equal($"/teams/v3/conversations/{ManagerChat}/activities/{CardActivityId}", put.Path);
        var card = JsonDocument.Parse(put.Body).RootElement.GetProperty("attachments")[0].GetProperty("content");
        Assert.Contains(PartnerTexts.Format(texts.StatusExpiredOn, PartnerCards.DayOf(texts, expiredAt)), PartnerHost.Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain(IntroductionCardActionHandler.AcceptVerb, card.GetRawText(), StringComparison.Ordinal);
        var notice = Assert.Single(connector.Requests, r => r.Method == "POST" && r.Path.Contains(RequesterChat, StringComparison.Ordinal));
        Assert.Contains("Wire Lab s.r.o.", JsonDocument.Parse(notice.Body).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
