using System.Text.Json;
using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Features.Partners;

public sealed class PartnerSeedDataTests
{
    [Fact]
    public void Create_Default_HasSixRealPartnersInTheSixRegions()
    {
        var seed = PartnerSeedData.Create(new PartnersOptions());

        var real = seed.Where(o => !o.IsDemo).ToList();
        Assert.Equal(6, real.Count);
        Assert.Equal(PartnerGeography.Regions.Select(r => r.Name).Order(), real.Select(o => o.Region).Order());
        Assert.Equal(["CZ", "ES", "ES", "IT", "PT", "TR"], real.Select(o => o.Country).Order());
        Assert.Contains(real, o => o.Name.Contains("CITEVE", StringComparison.Ordinal) && o.City == "Vila Nova de Famalicão");
        Assert.Contains(real, o => o.Name.Contains("Tecnotessile", StringComparison.Ordinal) && o.City == "Prato" && o.Kind == OrganisationKind.Rto);
        Assert.All(real, o => Assert.All(o.Contacts, c => Assert.EndsWith(".example", c.Email, StringComparison.Ordinal)));
    }

    [Fact]
    public void Create_Default_HasAtLeast300DemoOrganisationsOverAllSixRegions()
    {
        var demo = PartnerSeedData.Create(new PartnersOptions()).Where(o => o.IsDemo).ToList();

        Assert.True(demo.Count >= 300, $"only {demo.Count} demo organisations");
        var perRegion = demo.GroupBy(o => o.Region).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(6, perRegion.Count);
        Assert.All(perRegion.Values, count => Assert.True(count >= 50));
        Assert.Equal(demo.Count, demo.Select(o => o.Id).Distinct().Count());
        Assert.Equal(demo.Count, demo.Select(o => o.Name).Distinct().Count());
    }

    [Fact]
    public void Create_DemoDisabled_HasOnlyTheRealPartners()
    {
        var seed = PartnerSeedData.Create(new PartnersOptions { SeedDemoData = false });

        Assert.Equal(6, seed.Count);
        Assert.DoesNotContain(seed, o => o.IsDemo);
    }

    [Fact]
    public void Generate_SameSeed_IsDeterministic()
    {
        var first = JsonSerializer.Serialize(DemoOrganisationGenerator.Generate(330));
        var second = JsonSerializer.Serialize(DemoOrganisationGenerator.Generate(330));
        var other = JsonSerializer.Serialize(DemoOrganisationGenerator.Generate(330, seed: 1));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Generate_Organisations_AreNearTheirRegionsCitiesAndUseTaxonomyVocabulary()
    {
        var demo = DemoOrganisationGenerator.Generate(330);

        Assert.All(demo, o =>
        {
            var region = Assert.Single(PartnerGeography.Regions, r => r.Name == o.Region);
            Assert.Equal(region.Country, o.Country);
            var city = Assert.Single(region.Cities, c => c.Name == o.City);
            Assert.InRange(Math.Abs(o.Location.Latitude - city.Location.Latitude), 0, 0.05);
            Assert.InRange(Math.Abs(o.Location.Longitude - city.Location.Longitude), 0, 0.05);
            Assert.Contains(o.DescriptionLanguage, new[] { "en", region.Language });
            Assert.NotEmpty(o.Capabilities);
            Assert.All(o.Capabilities, c => Assert.True(TextileTaxonomy.IsCapability(c), c));
            Assert.All(o.Capabilities, c => Assert.Contains(TextileTaxonomy.Find(c)!.LabelIn(o.DescriptionLanguage), o.Description, StringComparison.Ordinal));
            Assert.True(o.IsDemo);
            Assert.EndsWith(".example", o.Website, StringComparison.Ordinal);
        });
        Assert.Contains(demo, o => o.DescriptionLanguage == "en");
        Assert.Contains(demo, o => o.DescriptionLanguage == "cs");
        Assert.All(demo.Where(o => o.Kind != OrganisationKind.ClusterOrganisation), o => Assert.StartsWith("hitechtex-", o.ClusterId, StringComparison.Ordinal));
    }
}
