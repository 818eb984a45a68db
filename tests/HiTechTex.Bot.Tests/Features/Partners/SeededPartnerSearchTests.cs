using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Features.Partners;

public sealed class SeededPartnerSearchTests(SeededPartnerIndexFixture fixture) : IClassFixture<SeededPartnerIndexFixture>
{
    [Theory]
    [InlineData("tecnotesile", HiTechTexPartners.TecnotessileId)]
    [InlineData("CLUTEX Liberec", HiTechTexPartners.ClutexId)]
    [InlineData("Denizli Ticaret Odası", HiTechTexPartners.DenizliId)]
    [InlineData("CITEVE centro tecnológico", HiTechTexPartners.CiteveId)]
    [InlineData("ATEVAL Comunidad Valenciana", HiTechTexPartners.AtevalId)]
    [InlineData("AEI Tèxtils Terrassa", HiTechTexPartners.AeiTextilsId)]
    public void Search_PartnerByNameOrTypo_FindsItFirst(string text, string expected)
    {
        var results = fixture.Index.Search(new PartnerSearchQuery(text));

        Assert.Equal(expected, results.Hits[0].OrganisationId);
    }

    [Fact]
    public void Search_PortugueseQueryForItalianFinishingLab_TopResultsAreItalianLabs()
    {
        var results = fixture.Index.Search(new PartnerSearchQuery("laboratório de acabamento em Itália antimicrobiano"));

        Assert.All(results.Hits.Take(3), h => Assert.Equal("IT", h.Country));
        Assert.Contains(results.Hits.Take(3), h => h.MatchedTerms.Contains(TextileTaxonomy.IdOf(PartnerService.TestingLab)));
    }

    [Fact]
    public void Search_FiltersOnFullSeed_EveryHitSatisfiesThemAndTotalMatchesDirectory()
    {
        var results = fixture.Index.Search(new PartnerSearchQuery(null, Country: "IT", Service: PartnerService.TestingLab, Take: 100));

        var expected = fixture.Seed.Count(o => o.Country == "IT" && o.Services.Contains(PartnerService.TestingLab));
        Assert.Equal(expected, results.Total);
        Assert.Equal(expected, results.Hits.Count);
        Assert.All(results.Hits, h => Assert.Equal("IT", h.Country));
    }

    [Fact]
    public void Index_FullSeed_HoldsEveryConsentingOrganisation()
    {
        Assert.Equal(fixture.Seed.Count(o => o.ListingConsent), fixture.Index.Count);
        Assert.Equal(PartnerIndexStamp.Of(fixture.Seed), fixture.Index.Stamp);
    }
}
