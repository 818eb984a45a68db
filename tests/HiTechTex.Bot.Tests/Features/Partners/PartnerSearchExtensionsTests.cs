using HiTechTex.Bot.Features.Partners;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HiTechTex.Bot.Tests.Features.Partners;

public sealed class PartnerSearchExtensionsTests
{
    [Theory]
    [InlineData("false", 6)]
    [InlineData("true", 6 + 330)]
    public async Task AddPartnerSearch_StartUp_IndexesTheConfiguredSeed(string seedDemo, int expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Partners:SeedDemoData"] = seedDemo })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddPartnerSearch();
        await using var provider = services.BuildServiceProvider();

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.Equal(expected, provider.GetRequiredService<PartnerSearchIndex>().Count);
        Assert.Equal(expected, (await provider.GetRequiredService<IPartnerDirectory>().ListAsync()).Count);
    }

    [Fact]
    public async Task Directory_UpsertAndDelete_KeepIndexConsistent()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Partners:SeedDemoData"] = "false" })
            .Build();
        await using var provider = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddPartnerSearch().BuildServiceProvider();
        var directory = provider.GetRequiredService<IPartnerDirectory>();
        var index = provider.GetRequiredService<PartnerSearchIndex>();
        var added = TestOrganisations.Make("geo", "Krkonoše Geo s.r.o.", "CZ", "Severovýchod", "Trutnov", "cs", "Geotextilie pro stavebnictví.", [TextileTaxonomy.Geotextiles]);

        await directory.UpsertAsync(added);
        var afterUpsert = index.Search(new PartnerSearchQuery("geotextiles")).Ids();
        var deleted = await directory.DeleteAsync("geo");
        var afterDelete = index.Search(new PartnerSearchQuery("geotextiles")).Ids();

        Assert.Equal("geo", afterUpsert.First());
        Assert.True(deleted);
        Assert.DoesNotContain("geo", afterDelete);
        Assert.Null(await directory.FindAsync("geo"));
        Assert.False(await directory.DeleteAsync("geo"));
    }
}
