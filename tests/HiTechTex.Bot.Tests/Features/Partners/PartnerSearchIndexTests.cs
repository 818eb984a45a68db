using HiTechTex.Bot.Features.Partners;
using Microsoft.Extensions.Logging.Abstractions;
using static HiTechTex.Bot.Tests.Features.Partners.TestOrganisations;

namespace HiTechTex.Bot.Tests.Features.Partners;

public sealed class PartnerSearchIndexTests : IDisposable
{
    private readonly PartnerSearchIndex _index = IndexOf(Multilingual);

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("smart textiles with sensor integration", "en-smart")]
    [InlineData("compósitos de carbono para automóvel", "pt-composites")]
    [InlineData("fabricante de no tejidos para filtración", "es-nonwoven")]
    [InlineData("tessitura lana cardata", "it-weaver")]
    [InlineData("havlu ve bornoz üreticisi", "tr-towel")]
    [InlineData("netkané textilie pro filtraci", "cz-nano")]
    public void Search_QueryInEachLanguage_FindsOrganisationDescribedInThatLanguageFirst(string text, string expected)
    {
        var results = _index.Search(new PartnerSearchQuery(text));

        Assert.Equal(expected, results.Ids().First());
    }

    [Theory]
    [InlineData("nonwovens")]
    [InlineData("não-tecidos")]
    [InlineData("no tejidos")]
    [InlineData("tessuto non tessuto")]
    [InlineData("dokunmamış")]
    [InlineData("netkané textilie")]
    public void Search_NonwovensInAnyLanguage_FindsSpanishAndCzechProducers(string text)
    {
        var results = _index.Search(new PartnerSearchQuery(text));

        Assert.Equal(["cz-nano", "es-nonwoven"], results.Ids().Take(2).Order());
    }

    [Fact]
    public void Search_PortugueseQueryForItalianAntimicrobialFinishingLab_FindsItalianLabDescribedInItalianFirst()
    {
        var results = _index.Search(new PartnerSearchQuery("laboratório de acabamento em Itália antimicrobiano"));

        var top = results.Hits[0];
        Assert.Equal("it-lab", top.OrganisationId);
        Assert.Contains(TextileTaxonomy.FunctionalFinishing, top.MatchedTerms);
        Assert.Contains(TextileTaxonomy.IdOf(PartnerService.TestingLab), top.MatchedTerms);
        Assert.Equal("matches: testing lab, finishing, functional finishing · Tuscany", top.Explanation);
    }

    [Fact]
    public void Search_EnglishQueryForItalianLab_FindsItThroughSynonyms()
    {
        var results = _index.Search(new PartnerSearchQuery("antimicrobial finishing laboratory in Italy"));

        Assert.Equal("it-lab", results.Ids().First());
    }

    [Fact]
    public void Search_TypoInTaxonomyWord_StillFindsNonwovenProducers()
    {
        var results = _index.Search(new PartnerSearchQuery("nonwovns"));

        Assert.Equal(["cz-nano", "es-nonwoven"], results.Ids().Take(2).Order());
        Assert.StartsWith("matches: nonwovens", results.Hits[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_TypoInName_FindsTecnotessile()
    {
        using var index = IndexOf(HiTechTexPartners.All);

        var results = index.Search(new PartnerSearchQuery("tecnotesile"));

        var top = results.Hits[0];
        Assert.Equal(HiTechTexPartners.TecnotessileId, top.OrganisationId);
        Assert.Contains("“tecnotessile”", top.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_ExactAndOneEditAwayNames_ExactMatchRanksAboveTypoMatch()
    {
        using var index = IndexOf(
        [
            Make("typo", "Lanificio Bardo", "IT", "Tuscany", "Prato", "it", "Lanificio."),
            Make("exact", "Lanificio Bardi", "IT", "Tuscany", "Prato", "it", "Lanificio."),
        ]);

        var results = index.Search(new PartnerSearchQuery("bardi"));

        Assert.Equal(["exact", "typo"], results.Ids());
        Assert.True(results.Hits[0].Score > results.Hits[1].Score);
    }

    [Fact]
    public void Search_NoText_ReturnsEveryOrganisationByName()
    {
        var results = _index.Search(new PartnerSearchQuery(null, Take: 20));

        Assert.Equal(Multilingual.Count, results.Total);
        Assert.Equal(results.Hits.Select(h => h.Name).Order(StringComparer.Ordinal), results.Hits.Select(h => h.Name));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("the and of")]
    public void Search_OnlyStopWords_ReturnsNothing(string text)
    {
        var results = _index.Search(new PartnerSearchQuery(text));

        Assert.Empty(results.Hits);
        Assert.Equal(0, results.Total);
    }

    [Theory]
    [InlineData("the")]
    [InlineData("*")]
    [InlineData("?")]
    public void Search_OnlyStopWordsOrSignsWithAFilter_ReturnsWhatTheFilterSelects(string text)
    {
        // "*" typed in the filters card's box beside Italy was "No organisation matches".
        var results = _index.Search(new PartnerSearchQuery(text, Country: "it", Take: 20));

        Assert.Equal(["it-lab", "it-weaver"], results.Ids().Order());
        Assert.Equal(2, results.Total);
    }

    [Theory]
    [InlineData("nonwovens AND OR NOT", "nonwovens")]
    [InlineData("+nonwovens -filtration", "nonwovens filtration")]
    [InlineData("\"nonwovens (filtration", "nonwovens filtration")]
    [InlineData("nonwov* filtration~ nonwovens^2", "nonwov filtration nonwovens 2")]
    [InlineData("kind:nonwovens [1 TO 5] {a TO b} /filtration/", "kind nonwovens 1 to 5 a to b filtration")]
    [InlineData("nonwovens && filtration || \\", "nonwovens filtration")]
    public void Search_QueryParserSyntax_IsOnlyWords(string typed, string words)
    {
        // The text is never given to a query parser: its signs are no operators (nor a parse error), only its words count.
        var results = _index.Search(new PartnerSearchQuery(typed, Take: 20));

        Assert.Equal(_index.Search(new PartnerSearchQuery(words, Take: 20)).Ids(), results.Ids());
        Assert.NotEmpty(results.Hits);
    }

    [Fact]
    public void Search_CountryFilter_ReturnsOnlyThatCountry()
    {
        var results = _index.Search(new PartnerSearchQuery(null, Country: "it", Take: 20));

        Assert.Equal(["it-lab", "it-weaver"], results.Ids().Order());
        Assert.Equal(2, results.Total);
    }

    [Fact]
    public void Search_RegionFilterByAlias_ReturnsOnlyThatRegion()
    {
        var results = _index.Search(new PartnerSearchQuery(null, Region: "Catalunya", Take: 20));

        Assert.Equal(["en-smart"], results.Ids());
    }

    [Fact]
    public void Search_KindFilter_ReturnsOnlyThatKind()
    {
        var results = _index.Search(new PartnerSearchQuery(null, Kind: OrganisationKind.FacilityProvider, Take: 20));

        Assert.Equal(["it-lab", "pt-lab"], results.Ids().Order());
    }

    [Fact]
    public void Search_CapabilityFilter_ReturnsOnlyDeclaredCapability()
    {
        var results = _index.Search(new PartnerSearchQuery(null, Capability: TextileTaxonomy.Nonwovens, Take: 20));

        Assert.Equal(["cz-nano", "es-nonwoven"], results.Ids().Order());
    }

    [Fact]
    public void Search_StageFilter_ReturnsOnlyThatStage()
    {
        var results = _index.Search(new PartnerSearchQuery(null, Stage: ValueChainStage.MakingUp, Take: 20));

        Assert.Equal(["en-smart", "tr-towel"], results.Ids().Order());
    }

    [Fact]
    public void Search_ServiceFilterWithText_NarrowsTextMatches()
    {
        var results = _index.Search(new PartnerSearchQuery("nonwovens", Service: PartnerService.PilotLine, Take: 20));

        Assert.Equal(["es-nonwoven"], results.Ids());
        Assert.Equal("matches: nonwovens, pilot line · Valencia", results.Hits[0].Explanation);
    }

    [Fact]
    public void Search_TextAndCountryFilter_ReturnsOnlyMatchesInCountry()
    {
        var results = _index.Search(new PartnerSearchQuery("nonwovens", Country: "CZ", Take: 20));

        Assert.Equal(["cz-nano"], results.Ids());
    }

    [Fact]
    public void Search_FilterFittingExactMatch_OutranksPartialMatchWithMoreTextHits()
    {
        using var index = IndexOf(
        [
            Make("partial", "Spunbond Nesti S.r.l.", "IT", "Tuscany", "Prato", "en",
                "Nonwovens, nonwovens and more nonwovens: spunbond nonwovens and needle-punched nonwovens.", [TextileTaxonomy.Nonwovens]),
            Make("full", "Filtri Pieri S.r.l.", "IT", "Tuscany", "Prato", "en",
                "Nonwovens producer with a pilot line.", [TextileTaxonomy.Nonwovens], services: [PartnerService.PilotLine]),
        ]);

        var results = index.Search(new PartnerSearchQuery("nonwovens pilot line"));

        Assert.Equal(["full", "partial"], results.Ids());
        Assert.Equal("matches: nonwovens, pilot line · Tuscany", results.Hits[0].Explanation);
        Assert.Equal("matches: nonwovens · Tuscany", results.Hits[1].Explanation);
    }

    [Fact]
    public void Search_Paging_ReturnsDisjointPagesAndTotal()
    {
        using var index = IndexOf(Enumerable.Range(1, 12).Select(i =>
            Make($"n{i:D2}", $"Nonwovens {i:D2}", "CZ", "Severovýchod", "Liberec", "en", "Nonwovens for filters.", [TextileTaxonomy.Nonwovens])));

        var pages = Enumerable.Range(0, 3).Select(p => index.Search(new PartnerSearchQuery("nonwovens", Skip: p * 5, Take: 5))).ToList();

        Assert.All(pages, p => Assert.Equal(12, p.Total));
        Assert.Equal([5, 5, 2], pages.Select(p => p.Hits.Count));
        Assert.Equal(12, pages.SelectMany(p => p.Ids()).Distinct().Count());
    }

    [Fact]
    public void Upsert_NewAndChangedOrganisation_VisibleImmediately()
    {
        var added = Make("new", "Kaya Dokuma A.Ş.", "TR", "Aegean", "Uşak", "tr", "Jeotekstil üretimi.", [TextileTaxonomy.Geotextiles]);

        _index.Upsert(added);
        var found = _index.Search(new PartnerSearchQuery("geotextiles"));
        _index.Upsert(added with { Description = "Agroteksil ve tarım tekstili.", Capabilities = [TextileTaxonomy.Agrotextiles] });
        var afterChange = _index.Search(new PartnerSearchQuery("geotextiles"));

        Assert.Equal("new", found.Ids().First());
        Assert.DoesNotContain("new", afterChange.Ids());
        Assert.Equal("new", _index.Search(new PartnerSearchQuery("agrotextiles")).Ids().First());
        Assert.Equal(Multilingual.Count + 1, _index.Count);
    }

    [Fact]
    public void Delete_ExistingOrganisation_GoneImmediately()
    {
        _index.Delete("cz-nano");

        Assert.DoesNotContain("cz-nano", _index.Search(new PartnerSearchQuery("nonwovens")).Ids());
        Assert.Equal(Multilingual.Count - 1, _index.Count);
    }

    [Fact]
    public void Upsert_WithoutListingConsent_RemovesFromIndex()
    {
        _index.Upsert(Multilingual[5] with { ListingConsent = false });

        Assert.DoesNotContain("cz-nano", _index.Search(new PartnerSearchQuery("nonwovens")).Ids());
    }

    [Fact]
    public void Upsert_ConcurrentWritersAndReaders_AllChangesVisible()
    {
        Parallel.For(0, 40, i =>
        {
            if (i % 2 == 0)
            {
                _index.Upsert(Make($"c{i}", $"Parallel {i}", "PT", "Norte", "Porto", "en", "Recycling of textile waste.", [TextileTaxonomy.Recycling]));
            }
            else
            {
                _index.Search(new PartnerSearchQuery("recycling"));
            }
        });

        Assert.Equal(Multilingual.Count + 20, _index.Count);
    }

    [Fact]
    public void EnsureCurrent_OnDiskIndex_RebuildsOnlyWhenMissingOrStale()
    {
        var path = Path.Combine(Path.GetTempPath(), "htt-partners-" + Guid.NewGuid().ToString("N"));
        try
        {
            bool first, second, third;
            using (var index = new PartnerSearchIndex(path, NullLogger.Instance))
            {
                first = index.EnsureCurrent([.. Multilingual]);
            }

            using (var index = new PartnerSearchIndex(path, NullLogger.Instance))
            {
                second = index.EnsureCurrent([.. Multilingual]);
                Assert.Equal(Multilingual.Count, index.Count);
                Assert.Equal("it-lab", index.Search(new PartnerSearchQuery("antimicrobial lab")).Ids().First());
            }

            using (var index = new PartnerSearchIndex(path, NullLogger.Instance))
            {
                var changed = Multilingual.Select((o, i) => i == 0 ? o with { LastUpdated = Updated.AddDays(1) } : o).ToList();
                third = index.EnsureCurrent(changed);
            }

            Assert.True(first);
            Assert.False(second);
            Assert.True(third);
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [Fact]
    public void Rebuild_ReplacesContent_AndSetsStamp()
    {
        _index.Rebuild([Multilingual[0]]);

        Assert.Equal(1, _index.Count);
        Assert.Equal(PartnerIndexStamp.Of([Multilingual[0]]), _index.Stamp);
    }
}
