using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>
/// The database-backed directory: idempotent seeding, the index consistent on every change, and several instances
/// (each its own index) on one database kept current by the change-counter sync. Run on each provider.
/// </summary>
public abstract class EfPartnerDirectoryTests(DatabaseFixture database) : IDisposable
{
    private readonly List<PartnerSearchIndex> indexes = [];

    [SkippableFact]
    public async Task InitializeAsync_TwiceWithDemo_SeedsOnceAndIndexesEverything()
    {
        SkipUnlessAvailable();
        var (directory, index) = NewInstance();
        var options = new PartnersOptions { SeedDemoData = true, DemoOrganisationCount = 12 };

        await directory.InitializeAsync(options, CancellationToken.None);
        var sequence = directory.LastSeenSequence;
        await directory.InitializeAsync(options, CancellationToken.None);

        var listed = await directory.ListAsync();
        Assert.Equal(6 + 12, listed.Count(o => o.Id.StartsWith("hitechtex-", StringComparison.Ordinal) || o.Id.StartsWith("demo-", StringComparison.Ordinal)));
        Assert.Equal(sequence, directory.LastSeenSequence);
        Assert.Equal(listed.Count(o => o.ListingConsent), index.Count);
        Assert.Equal(HiTechTexPartners.ClutexId, index.Search(new PartnerSearchQuery("CLUTEX")).Hits[0].OrganisationId);
    }

    [SkippableFact]
    public async Task InitializeAsync_DemoSwitchedOff_RemovesDemoEntriesEverywhere()
    {
        SkipUnlessAvailable();
        var (first, _) = NewInstance();
        await first.InitializeAsync(new PartnersOptions { SeedDemoData = true, DemoOrganisationCount = 12 }, CancellationToken.None);
        var (second, secondIndex) = NewInstance();

        await second.InitializeAsync(new PartnersOptions { SeedDemoData = false }, CancellationToken.None);

        Assert.DoesNotContain(await second.ListAsync(), o => o.IsDemo);
        Assert.Null(await first.FindAsync("demo-0001"));
        Assert.DoesNotContain(secondIndex.Search(new PartnerSearchQuery(null, Take: 100)).Hits, h => h.OrganisationId.StartsWith("demo-", StringComparison.Ordinal));
        Assert.NotNull(await second.FindAsync(HiTechTexPartners.CiteveId));
    }

    [SkippableFact]
    public async Task UpsertAndDelete_IndexOfThisInstance_SeesTheChangeAtOnce()
    {
        SkipUnlessAvailable();
        var (directory, index) = NewInstance();
        await directory.InitializeAsync(new PartnersOptions { SeedDemoData = false }, CancellationToken.None);
        var id = NewId();
        var added = TestOrganisations.Make(id, "Krkonoše Geo s.r.o.", "CZ", "Severovýchod", "Trutnov", "cs", "Geotextilie pro stavebnictví.", [TextileTaxonomy.Geotextiles]);

        await directory.UpsertAsync(added);
        var found = await directory.FindAsync(id);
        var afterUpsert = index.Search(new PartnerSearchQuery("geotextiles")).Hits.Select(h => h.OrganisationId).ToList();
        var deleted = await directory.DeleteAsync(id);
        var afterDelete = index.Search(new PartnerSearchQuery("geotextiles")).Hits.Select(h => h.OrganisationId).ToList();

        AssertSame(added, found);
        Assert.Contains(id, afterUpsert);
        Assert.True(deleted);
        Assert.DoesNotContain(id, afterDelete);
        Assert.Null(await directory.FindAsync(id));
        Assert.False(await directory.DeleteAsync(id));
    }

    [SkippableFact]
    public async Task UpsertIfVersionAsync_StaleOrAlreadyAdded_WritesNothingAndFromTwoInstancesAtOnceOneWins()
    {
        SkipUnlessAvailable();
        var (directory, index) = NewInstance();
        var (other, _) = NewInstance();
        await directory.InitializeAsync(new PartnersOptions { SeedDemoData = false }, CancellationToken.None);
        var id = NewId();
        var added = TestOrganisations.Make(id, "Verze s.r.o.", "CZ", "Severovýchod", "Trutnov", "cs", "Geotextilie.", [TextileTaxonomy.Geotextiles]);

        var inserted = await directory.UpsertIfVersionAsync(added, expectedVersion: null);
        var insertedAgain = await other.UpsertIfVersionAsync(added with { Name = "Second Insert s.r.o." }, expectedVersion: null);
        var read = (await directory.FindVersionedAsync(id))!;
        var both = await Task.WhenAll(
            directory.UpsertIfVersionAsync(added with { Name = "First Edit s.r.o." }, read.Version),
            other.UpsertIfVersionAsync(added with { Name = "Second Edit s.r.o." }, read.Version));
        var after = (await directory.FindVersionedAsync(id))!;
        var stale = await directory.UpsertIfVersionAsync(added with { Name = "Stale s.r.o." }, read.Version);

        Assert.True(inserted);
        Assert.False(insertedAgain);
        AssertSame(added, read.Organisation);
        Assert.Single(both, written => written);
        Assert.True(after.Version > read.Version);
        Assert.Equal(both[0] ? "First Edit s.r.o." : "Second Edit s.r.o.", after.Organisation.Name);
        Assert.False(stale);
        Assert.Equal(after.Organisation.Name, (await directory.FindAsync(id))!.Name);
        Assert.DoesNotContain(index.Search(new PartnerSearchQuery("Stale")).Hits, h => h.OrganisationId == id);
    }

    [SkippableFact]
    public async Task SyncIndexAsync_ChangesMadeByAnotherInstance_AppearInThisIndex()
    {
        SkipUnlessAvailable();
        var (writer, _) = NewInstance();
        var (reader, readerIndex) = NewInstance();
        await writer.InitializeAsync(new PartnersOptions { SeedDemoData = false }, CancellationToken.None);
        await reader.InitializeAsync(new PartnersOptions { SeedDemoData = false }, CancellationToken.None);
        var id = NewId();
        var organisation = TestOrganisations.Make(id, "Agro Puig S.L.", "ES", "Catalonia", "Manresa", "es", "Agrotextiles para invernaderos.", [TextileTaxonomy.Agrotextiles]);

        await writer.UpsertAsync(organisation);
        var beforeSync = readerIndex.Search(new PartnerSearchQuery("agrotextiles")).Hits.Select(h => h.OrganisationId).ToList();
        var applied = await reader.SyncIndexAsync();
        var afterSync = readerIndex.Search(new PartnerSearchQuery("agrotextiles")).Hits.Select(h => h.OrganisationId).ToList();
        await writer.UpsertAsync(organisation with { ListingConsent = false });
        await reader.SyncIndexAsync();
        var afterWithdrawal = readerIndex.Search(new PartnerSearchQuery("agrotextiles")).Hits.Select(h => h.OrganisationId).ToList();
        await writer.UpsertAsync(organisation);
        await writer.DeleteAsync(id);
        await reader.SyncIndexAsync();
        var afterDelete = readerIndex.Search(new PartnerSearchQuery("agrotextiles")).Hits.Select(h => h.OrganisationId).ToList();

        Assert.DoesNotContain(id, beforeSync);
        Assert.True(applied >= 1);
        Assert.Contains(id, afterSync);
        Assert.DoesNotContain(id, afterWithdrawal);
        Assert.DoesNotContain(id, afterDelete);
        Assert.Equal(0, await reader.SyncIndexAsync());
        Assert.True(writer.LastSeenSequence <= reader.LastSeenSequence);
    }

    [SkippableFact]
    public async Task ImportAsync_Many_AllInTheDirectoryAndTheIndex()
    {
        SkipUnlessAvailable();
        var (directory, index) = NewInstance();
        await directory.InitializeAsync(new PartnersOptions { SeedDemoData = false }, CancellationToken.None);
        var prefix = NewId();
        var batch = TestOrganisations.Multilingual.Select(o => o with { Id = prefix + o.Id }).ToList();

        await directory.ImportAsync(batch);

        foreach (var organisation in batch)
        {
            AssertSame(organisation, await directory.FindAsync(organisation.Id));
        }

        Assert.Contains(prefix + "cz-nano", index.Search(new PartnerSearchQuery("netkané")).Hits.Select(h => h.OrganisationId));
    }

    [SkippableFact]
    public async Task ImportAsync_AgainWithMoreIdsThanOneQueryReads_UpdatesEveryExistingRowOnce()
    {
        SkipUnlessAvailable();
        var (directory, _) = NewInstance();
        await directory.InitializeAsync(new PartnersOptions { SeedDemoData = false }, CancellationToken.None);
        var prefix = NewId();
        var count = (EfPartnerDirectory.IdsPerQuery * 2) + 500;
        var first = Enumerable.Range(0, count)
            .Select(i => TestOrganisations.Make($"{prefix}-{i:D5}", $"Org {i}", "PT", "Norte", "Braga", "pt", "Tecidos.")).ToList();
        await directory.ImportAsync(first);
        var before = (await directory.ListAsync()).Count;

        // The existing rows are read in chunks: every one of them, in any chunk, must be updated rather than added again.
        await directory.ImportAsync([.. first.Select(o => o with { Name = "Renamed " + o.Name })]);

        var all = (await directory.ListAsync()).Where(o => o.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(before, (await directory.ListAsync()).Count);
        Assert.Equal(count, all.Count);
        Assert.All(all, o => Assert.StartsWith("Renamed ", o.Name, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task ListAsync_KeptUntilAnyInstanceChangesTheDirectory_ThenReadAgain()
    {
        SkipUnlessAvailable();
        var (reader, _) = NewInstance();
        var (writer, _) = NewInstance();
        await reader.InitializeAsync(new PartnersOptions { SeedDemoData = false }, CancellationToken.None);
        var id = NewId();
        var organisation = TestOrganisations.Make(id, "Lista Kept Lda", "PT", "Norte", "Guimarães", "pt", "Malhas técnicas.");

        var first = await reader.ListAsync();
        var unchanged = await reader.ListAsync();
        // Another instance's write: this instance's index has not synced, but the list must show it at once.
        await writer.UpsertAsync(organisation);
        var afterInsert = await reader.ListAsync();
        await writer.UpsertAsync(organisation with { Name = "Lista Renamed Lda" });
        var afterRename = await reader.ListAsync();
        await writer.DeleteAsync(id);
        var afterDelete = await reader.ListAsync();

        Assert.Same(first, unchanged);
        Assert.DoesNotContain(first, o => o.Id == id);
        Assert.Equal("Lista Kept Lda", Assert.Single(afterInsert, o => o.Id == id).Name);
        Assert.Equal("Lista Renamed Lda", Assert.Single(afterRename, o => o.Id == id).Name);
        Assert.DoesNotContain(afterDelete, o => o.Id == id);
        Assert.Equal(first.Count, afterDelete.Count);
        // The kept list is shared between callers: nobody can change it.
        Assert.Throws<NotSupportedException>(() => ((IList<Organisation>)afterDelete).Clear());
    }

    public void Dispose()
    {
        foreach (var index in indexes)
        {
            index.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private (EfPartnerDirectory Directory, PartnerSearchIndex Index) NewInstance()
    {
        var index = new PartnerSearchIndex(path: null, NullLogger.Instance);
        indexes.Add(index);
        return (new EfPartnerDirectory(database.Services.GetRequiredService<IServiceScopeFactory>(), index, NullLogger<EfPartnerDirectory>.Instance), index);
    }

    // Records compare their lists by reference; the JSON compares the content.
    private static void AssertSame(Organisation expected, Organisation? actual) =>
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(expected), System.Text.Json.JsonSerializer.Serialize(actual));

    private static string NewId() => "t-" + Guid.NewGuid().ToString("N")[..10];

    private void SkipUnlessAvailable() => Skip.If(database.SkipReason is not null, database.SkipReason);
}
