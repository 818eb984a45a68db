using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>
/// A search while the partner directory is not ready (still seeding and indexing after a start, or its database
/// failing so that it never gets ready) waited and then answered from an empty index, or not at all. Now, past the
/// wait, the user is told the directory is still loading and to try again in a minute, and nothing else happens; once
/// the directory is ready the same search answers. The directory here never gets ready on its own (no start-up
/// seeding) and the wait is zero: no test waits for time.
/// </summary>
public sealed class DirectoryNotReadyTests : IDisposable
{
    private static readonly JsonObject Searcher = PartnerHost.User("29:user-1", "aad-user-1", "Ana Silva");
    private readonly string databasePath = BotHostFactory.NewDatabasePath();
    private readonly PartnerDirectoryReadiness neverReady = new() { Wait = TimeSpan.Zero };

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);

    private BotHostFactory CreateHost() => PartnerHost.Create(databasePath, configureServices: services =>
    {
        services.Replace(ServiceDescriptor.Singleton(neverReady));
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(PartnerDirectoryStartup)));
    });

    // A search that also leaves a country out: its note about that country is not said either.
    [Theory]
    [MemberData(nameof(PartnerSearchExcludedCountryTests.NotInItaly), MemberType = typeof(PartnerSearchExcludedCountryTests))]
    public async Task TypedSearch_DirectoryNotReady_SaysItIsStillLoading_AndNothingElse(string language, string typed)
    {
        using var factory = CreateHost();
        var client = factory.CreateClient();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: language);
        var chat = Activities.NewConversationId();
        var texts = PartnerTexts.Resolve(language);

        await PartnerHost.MessageAsync(client, chat, Searcher, typed);

        var reply = Assert.Single(factory.Connector.SentTo(chat));
        Assert.Equal(texts.DirectoryLoading, reply.Text);
        Assert.Empty(reply.Attachments ?? []);
        Assert.False(neverReady.IsReady);
    }

    [Fact]
    public async Task ResultsButton_DirectoryNotReady_SaysItIsStillLoading_ThenAnswersOnceReady()
    {
        using var factory = CreateHost();
        var client = factory.CreateClient();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave");
        var chat = Activities.NewConversationId();
        var search = new JsonObject { ["action"] = "partners.search", ["q"] = "geotextiles", ["skip"] = "0" };

        await PartnerHost.SubmitAsync(client, chat, Searcher, search);
        var loading = Assert.Single(factory.Connector.SentTo(chat));
        neverReady.SetReady();
        await PartnerHost.SubmitAsync(client, chat, Searcher, search.DeepClone().AsObject());
        var answered = factory.Connector.SentTo(chat).Skip(1).ToList();

        Assert.Equal(PartnerTexts.Resolve("en").DirectoryLoading, loading.Text);
        // Searched now: this directory was never seeded, so the search's own answer (no match, and the filters).
        Assert.Equal(PartnerTexts.Resolve("en").NoResults, answered[0].Text);
        Assert.Contains("partners.search", PartnerHost.CardJson(answered[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageExtensionSearch_DirectoryNotReady_ShowsItIsStillLoading_NotAnEmptyList()
    {
        using var factory = CreateHost();
        var client = factory.CreateClient();

        var response = await PartnerHost.QueryAsync(client, new JsonArray(new JsonObject { ["name"] = "query", ["value"] = "nonwovens" }), skip: 0, count: 5);

        var result = response.GetProperty("composeExtension");
        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.Equal(PartnerTexts.Resolve("en").DirectoryLoading, result.GetProperty("text").GetString());
    }
}
