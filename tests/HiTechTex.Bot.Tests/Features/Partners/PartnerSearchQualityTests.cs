using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>
/// The labelled search-quality set. (1) Queries in EN, PT, ES, IT, TR and CS (some with typos), each with the
/// organisation that must be among the top 5, over the six partners plus the hand-written multilingual organisations
/// of <see cref="TestOrganisations.Multilingual"/> (one right answer each; cross-language queries, such as a
/// Portuguese query for an Italian lab, rely on the taxonomy's synonym map). (2) Over the full default seed, where
/// 330 demo organisations share the taxonomy and so many answers are equally right, precision: every one of the
/// top 5 satisfies what the query asks for.
/// </summary>
public sealed class PartnerSearchQualityTests(PartnerSearchQualityTests.Corpus corpus) : IClassFixture<PartnerSearchQualityTests.Corpus>
{
    public static TheoryData<string, string, string> Labelled { get; } = new()
    {
        // English
        { "en", "antimicrobial finishing lab in Tuscany", "it-lab" },
        { "en", "nonwovens pilot line for hygiene in Spain", "es-nonwoven" },
        { "en", "smart textiles prototyping wearables", "en-smart" },
        { "en", "carbon fibre composites automotive Portugal", "pt-composites" },
        { "en", "Czech technical textiles cluster", HiTechTexPartners.ClutexId },
        { "en", "textile testing laboratory Guimarães", "pt-lab" },
        // Portuguese
        { "pt", "laboratório de ensaios têxteis em Guimarães", "pt-lab" },
        { "pt", "compósitos para a indústria automóvel", "pt-composites" },
        { "pt", "não tecidos para higiene com linha piloto", "es-nonwoven" },
        { "pt", "laboratório de acabamento antimicrobiano em Itália", "it-lab" },
        { "pt", "têxteis inteligentes e prototipagem", "en-smart" },
        // Spanish
        { "es", "no tejidos para higiene en Valencia", "es-nonwoven" },
        { "es", "laboratorio de acabados antimicrobianos en Italia", "it-lab" },
        { "es", "textiles inteligentes y wearables en Cataluña", "en-smart" },
        { "es", "textil hogar y reciclaje en Turquía", "tr-towel" },
        { "es", "clúster textil de Cataluña Terrassa", HiTechTexPartners.AeiTextilsId },
        // Italian
        { "it", "laboratorio prove finissaggio antimicrobico Prato", "it-lab" },
        { "it", "tessuto non tessuto per filtrazione in Repubblica Ceca", "cz-nano" },
        { "it", "tessitura lana rigenerata Prato", "it-weaver" },
        { "it", "compositi per automotive in Portogallo", "pt-composites" },
        { "it", "tessili intelligenti e prototipazione", "en-smart" },
        // Turkish
        { "tr", "Denizli ev tekstili geri dönüşüm", "tr-towel" },
        { "tr", "havlu ve bornoz üreticisi", "tr-towel" },
        { "tr", "İtalya antimikrobiyal laboratuvar", "it-lab" },
        { "tr", "İspanya dokunmamış hijyen pilot hat", "es-nonwoven" },
        { "tr", "akıllı tekstil prototip", "en-smart" },
        // Czech
        { "cs", "netkané textilie pro zdravotnictví Liberec", "cz-nano" },
        { "cs", "zkušební laboratoř textilií Portugalsko", "pt-lab" },
        { "cs", "kompozity pro automobilový průmysl", "pt-composites" },
        { "cs", "chytré textilie prototypování", "en-smart" },
        { "cs", "antimikrobiální úprava Itálie laboratoř", "it-lab" },
        { "cs", "technické textilie klastr Liberec", HiTechTexPartners.ClutexId },
        // Typos
        { "en", "nonwovnes hygeine Valencia", "es-nonwoven" },
        { "en", "antimicrobail finishing Prato", "it-lab" },
        { "it", "laboratorio Gory Prato", "it-lab" },
        { "pt", "compositos automovel Braga", "pt-composites" },
    };

    [Theory]
    [MemberData(nameof(Labelled))]
    public void Search_LabelledQuery_ExpectedOrganisationInTopFive(string language, string query, string expected)
    {
        var results = corpus.Index.Search(new PartnerSearchQuery(query));

        var top = results.Hits.Take(5).Select(h => h.OrganisationId).ToList();
        Assert.True(top.Contains(expected), $"[{language}] \"{query}\": expected {expected} in the top 5, got {string.Join(", ", top)}");
    }

    public static TheoryData<string, string, string, string> Precision { get; } = new()
    {
        { "en", "antimicrobial finishing lab in Tuscany", TextileTaxonomy.FunctionalFinishing, "Tuscany" },
        { "pt", "não tecidos na Chéquia", TextileTaxonomy.Nonwovens, "Severovýchod" },
        { "es", "reciclaje textil en Turquía", TextileTaxonomy.Recycling, "Aegean" },
        { "it", "geotessili in Portogallo", TextileTaxonomy.Geotextiles, "Norte" },
        { "tr", "Katalonya akıllı tekstil", TextileTaxonomy.SmartTextiles, "Catalonia" },
        { "cs", "kompozity Valencie Španělsko", TextileTaxonomy.Composites, "" },
    };

    private static readonly VocabularyMatcher Vocabulary = VocabularyMatcher.ForTaxonomy();

    [Theory]
    [MemberData(nameof(Precision))]
    public void Search_FullSeed_EveryTopFiveHitHasTheCapabilityAndPlace(string language, string query, string capability, string region)
    {
        var results = corpus.FullIndex.Search(new PartnerSearchQuery(query));

        var top = results.Hits.Take(5).ToList();
        Assert.Equal(5, top.Count);
        Assert.All(top, hit =>
        {
            var organisation = corpus.FullSeed.Single(o => o.Id == hit.OrganisationId);
            // About the capability: declared, or named in the name or description ("Novák Netkané textilie s.r.o.").
            var about = TextileTaxonomy.IdsOf(organisation).Contains(capability)
                || Vocabulary.Find(organisation.Name + " " + organisation.Description, allowTypos: false, includeNested: true).Any(m => m.Key == capability);
            Assert.True(about && (region.Length == 0 || organisation.Region == region),
                $"[{language}] \"{query}\": {organisation.Id} ({organisation.Region}; {string.Join(", ", organisation.Capabilities)}) does not fit");
            Assert.Contains(TextileTaxonomy.Find(capability)!.Label, hit.Explanation, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Search_LabelledSet_CoversSixLanguagesWithAtLeastThirtyQueries()
    {
        var languages = Labelled.Select(row => (string)row[0]).Distinct().ToList();

        Assert.True(Labelled.Count >= 30);
        Assert.Equal(["cs", "en", "es", "it", "pt", "tr"], languages.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_TextWithFilters_EveryHitSatisfiesThemAndTheLabExplainsItsMatches()
    {
        var results = corpus.FullIndex.Search(new PartnerSearchQuery("antimicrobial finishing", Country: "IT", Service: PartnerService.TestingLab, Take: 20));

        Assert.All(results.Hits, h => Assert.Equal("IT", h.Country));
        var lab = Assert.Single(results.Hits.Take(5), h => h.OrganisationId == "it-lab");
        Assert.Equal("matches: functional finishing, finishing, testing lab · Tuscany", lab.Explanation);
    }

    [Fact]
    public void Search_KindAndStageFilters_NarrowToThem()
    {
        var results = corpus.FullIndex.Search(new PartnerSearchQuery("textile", Kind: OrganisationKind.Rto, Stage: ValueChainStage.Fabric, Take: 100));

        Assert.NotEmpty(results.Hits);
        var ids = results.Hits.Select(h => h.OrganisationId).ToHashSet();
        Assert.All(corpus.FullSeed.Where(o => ids.Contains(o.Id)), o =>
        {
            Assert.Equal(OrganisationKind.Rto, o.Kind);
            Assert.Contains(ValueChainStage.Fabric, o.Stages);
        });
    }

    /// <summary>The corpora, indexed once for the class.</summary>
    public sealed class Corpus : IDisposable
    {
        public Corpus()
        {
            Organisations = [.. HiTechTexPartners.All, .. TestOrganisations.Multilingual];
            Index = TestOrganisations.IndexOf(Organisations);
            FullSeed = [.. PartnerSeedData.Create(new PartnersOptions()), .. TestOrganisations.Multilingual];
            FullIndex = TestOrganisations.IndexOf(FullSeed);
        }

        public IReadOnlyList<Organisation> Organisations { get; }

        public PartnerSearchIndex Index { get; }

        /// <summary>The default seed (6 partners + 330 demo organisations) plus the hand-written ones.</summary>
        public IReadOnlyList<Organisation> FullSeed { get; }

        public PartnerSearchIndex FullIndex { get; }

        public void Dispose()
        {
            Index.Dispose();
            FullIndex.Dispose();
        }
    }
}
