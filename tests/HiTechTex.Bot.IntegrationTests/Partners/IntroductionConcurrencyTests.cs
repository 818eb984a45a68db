using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>
/// Introduction requests sent at the same moment from several chats of one user (two clients, two instances behind
/// the load balancer): the daily limit and "one pending request per partner" hold, because the database decides
/// (unique slot and pending keys), on SQLite and on PostgreSQL. Each request is its own conversation, so the
/// per-conversation turn serialization does not line them up.
/// </summary>
public sealed class IntroductionConcurrencyTests : IDisposable
{
    private const string ContactAad = "6f1c2b4e-0000-4000-8000-00000000c0b1";
    private static readonly JsonObject Requester = PartnerHost.User("29:user-race", "aad-user-race", "Alex Wilber");
    private readonly string databasePath = BotHostFactory.NewDatabasePath();
    private readonly PostgreSqlTestDatabase postgres = new();

    [Fact]
    public Task Sqlite_ConcurrentRequests_LimitAndOnePendingPerPartnerHold() => ConcurrentRequestsAsync(postgreSql: false);

    [SkippableFact]
    public Task PostgreSql_ConcurrentRequests_LimitAndOnePendingPerPartnerHold()
    {
        Skip.If(postgres.SkipReason is not null, postgres.SkipReason);
        return ConcurrentRequestsAsync(postgreSql: true);
    }

    public void Dispose()
    {
        postgres.Dispose();
        BotHostFactory.DeleteDatabase(databasePath);
    }

    private async Task ConcurrentRequestsAsync(bool postgreSql)
    {
        var settings = new Dictionary<string, string?> { ["Partners:DailyIntroductionLimit"] = "3" };
        if (postgreSql)
        {
            settings["Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:Bot"] = postgres.ConnectionString;
        }

        using var factory = PartnerHost.Create(databasePath, settings);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partners = new List<Organisation>();
        for (var i = 0; i < 6; i++)
        {
            partners.Add(await PartnerHost.AddOrganisationAsync(factory, $"Race Lab {i} s.r.o.", ContactAad));
        }

        await PartnerHost.InstallAsync(client, Activities.NewConversationId(), PartnerHost.User("29:contact-race", ContactAad, "Jana Nováková"));
        await PartnerHost.SeedProfileAsync(factory, "29:user-race", "Alex Wilber", "Contoso Textiles");

        // Eight requests to the first partner at once (a double click in two windows), then five to five other partners at once
        // (limit 3: two more get through).
        var chats = new List<string>();
        chats.AddRange(await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RequestAsync(client, partners[0]))));
        Assert.Equal(1, await CountAsync(factory, partners[0].Id));

        chats.AddRange(await Task.WhenAll(partners.Skip(1).Select(p => RequestAsync(client, p))));
        var stored = await StoredAsync(factory);
        Assert.Equal(3, stored.Count);
        Assert.Equal(3, stored.Select(e => e.DailySlotKey).Distinct().Count());
        Assert.Equal(stored.Count, stored.Select(e => e.OrganisationId).Distinct().Count());

        // Everyone was answered politely: one "sent" per stored request, the rest "already asked" or "limit".
        var answers = chats.Select(c => Assert.Single(factory.Connector.SentTo(c)).Text ?? "").ToList();
        Assert.Equal(3, answers.Count(t => t.Contains("has been sent", StringComparison.Ordinal)));
        Assert.Equal(7, answers.Count(t => t.Contains("already asked", StringComparison.Ordinal)));
        Assert.Equal(3, answers.Count(t => t.Contains("today's limit", StringComparison.Ordinal)));
    }

    private static async Task<string> RequestAsync(HttpClient client, Organisation partner)
    {
        var chat = Activities.NewConversationId();
        await PartnerHost.SubmitAsync(client, chat, Requester, new JsonObject
        {
            ["action"] = "partners.intro.request",
            ["id"] = partner.Id,
            ["message"] = "Can we run a trial together?",
        });
        return chat;
    }

    private static async Task<int> CountAsync(BotHostFactory factory, string organisationId) =>
        (await StoredAsync(factory)).Count(e => e.OrganisationId == organisationId);

    private static async Task<List<IntroductionEntity>> StoredAsync(BotHostFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<IntroductionEntity>().AsNoTracking()
            .Where(e => e.RequesterKey == "aad-user-race").ToListAsync();
    }
}
