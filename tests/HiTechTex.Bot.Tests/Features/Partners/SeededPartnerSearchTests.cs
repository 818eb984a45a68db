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
    [Theory]
    [InlineData("textile technology")]   // "technical textiles", a taxonomy term, is searched as that term only: 49 hits
    [InlineData("textile innovation")]
    public void Search_PagingThroughMoreThanTheRerankWindow_ShowsEveryHitExactlyOnce(string text)
    {
        const int PageSize = 5;
        var total = fixture.Index.Search(new PartnerSearchQuery(text, Take: PageSize)).Total;
        var seen = new List<string>();
        for (var skip = 0; skip < total; skip += PageSize)
        {
            seen.AddRange(fixture.Index.Search(new PartnerSearchQuery(text, Skip: skip, Take: PageSize)).Hits.Select(h => h.OrganisationId));
        }

        Assert.True(total > PartnerSearchIndex.CandidateWindow, $"the query must match more than the re-rank window: {total}");
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [Fact]
    public void Search_PagesWithinTheWindow_KeepTheirOrderWhenALaterPageIsFetched()
    {
        var firstPages = fixture.Index.Search(new PartnerSearchQuery("technical textiles", Take: 100)).Hits.Select(h => h.OrganisationId).ToList();
        var viaDeepSearch = fixture.Index.Search(new PartnerSearchQuery("technical textiles", Skip: 0, Take: 100));
        var deep = fixture.Index.Search(new PartnerSearchQuery("technical textiles", Skip: 195, Take: 10)).Hits.Select(h => h.OrganisationId).ToList();

        Assert.Equal(firstPages, viaDeepSearch.Hits.Select(h => h.OrganisationId));
        Assert.Empty(deep.Intersect(firstPages));
    }

    [Theory]
    [InlineData("pt", "corresponde a")]
    [InlineData("it", "corrisponde a")]
    [InlineData("cs", "odpovídá")]
    public void Hit_ExplanationIn_NamesTheMatchedTermsInTheUsersLanguage(string language, string prefix)
    {
        var hit = fixture.Index.Search(new PartnerSearchQuery("nonwovens")).Hits[0];
        var term = TextileTaxonomy.Find(hit.MatchedTerms[0])!;

        var line = hit.ExplanationIn(language, prefix);

        Assert.StartsWith($"{prefix}: {term.LabelIn(language)}", line, StringComparison.Ordinal);
        Assert.NotEqual(term.Label, term.LabelIn(language));
        Assert.DoesNotContain("matches", line, StringComparison.Ordinal);
        Assert.EndsWith($" · {PartnerGeography.RegionNameIn(hit.Region, language)}", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Aegean", "tr", "Ege")]
    [InlineData("Aegean", "it", "Egeo")]
    [InlineData("Aegean", "en", "Aegean")]
    [InlineData("Tuscany", "it", "Toscana")]
    [InlineData("Tuscany", "cs", "Toskánsko")]
    [InlineData("Catalonia", "pt", "Catalunha")]
    [InlineData("Catalonia", "es", "Cataluña")]
    [InlineData("Severovýchod", "en", "North-East Czechia")]
    [InlineData("Severovýchod", "cs", "Severovýchod")]
    [InlineData("Norte", "tr", "Norte")]
    [InlineData("Toscana", "tr", "Toskana")]              // an alias: the same region
    [InlineData("Lombardia", "it", "Lombardia")]          // not one of the six: as the directory has it
    public void RegionNameIn_TheReadersLanguage(string region, string language, string expected) =>
        Assert.Equal(expected, PartnerGeography.RegionNameIn(region, language));

    [Theory]
    [InlineData("tr", "Ege")]
    [InlineData("it", "Egeo")]
    [InlineData("pt", "Egeu")]
    public void Hit_ExplanationIn_TheRegionInTheUsersLanguage(string language, string region)
    {
        // Turkish cards said "eşleşenler: dokunmamış · Aegean": the directory's English name of the region.
        var hit = fixture.Index.Search(new PartnerSearchQuery("nonwovens", Country: "TR")).Hits[0];
        Assert.Equal("Aegean", hit.Region);

        Assert.EndsWith($" · {region}", hit.ExplanationIn(language, "x"), StringComparison.Ordinal);
    }
}
