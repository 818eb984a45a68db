using HiTechTex.Bot.Features.Partners;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>Small hand-made directories for search tests, one description per language.</summary>
internal static class TestOrganisations
{
    public static readonly DateTimeOffset Updated = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public static Organisation Make(string id, string name, string country, string region, string city, string language, string description,
        string[]? capabilities = null, ValueChainStage[]? stages = null, PartnerService[]? services = null,
        OrganisationKind kind = OrganisationKind.Sme, bool consent = true) =>
        new(id, name, kind, country, region, city, new GeoPoint(0, 0), null, description, language,
            capabilities ?? [], stages ?? [], services ?? [], [language], null,
            [new PartnerContact("Test", $"info@{id}.example")], consent, Updated, IsDemo: true);

    /// <summary>Eight organisations, descriptions in all six languages.</summary>
    public static IReadOnlyList<Organisation> Multilingual { get; } =
    [
        Make("pt-lab", "Ensaios Ferreira, Lda", "PT", "Norte", "Guimarães", "pt",
            "Laboratório de ensaios têxteis em Guimarães: análise de tinturaria e solidez das cores.",
            [TextileTaxonomy.TestingCertification], [ValueChainStage.Finishing], [PartnerService.TestingLab], OrganisationKind.FacilityProvider),
        Make("it-lab", "Laboratorio Gori", "IT", "Tuscany", "Prato", "it",
            "Laboratorio prove per il finissaggio tessile: trattamenti antimicrobici, idrorepellenti e ignifughi.",
            [TextileTaxonomy.FunctionalFinishing], [ValueChainStage.Finishing], [PartnerService.TestingLab], OrganisationKind.FacilityProvider),
        Make("it-weaver", "Tessitura Bardi S.p.A.", "IT", "Tuscany", "Prato", "it",
            "Tessitura di tessuti per abbigliamento in lana cardata rigenerata.",
            [TextileTaxonomy.Fashion], [ValueChainStage.Fabric], kind: OrganisationKind.LargeCompany),
        Make("es-nonwoven", "No Tejidos Mollà S.L.", "ES", "Valencia", "Alcoi", "es",
            "Fabricante de no tejidos para higiene y filtración, con línea piloto propia.",
            [TextileTaxonomy.Nonwovens, TextileTaxonomy.MedicalHygiene], [ValueChainStage.Fabric], [PartnerService.PilotLine]),
        Make("tr-towel", "Çamlık Havlu A.Ş.", "TR", "Aegean", "Denizli", "tr",
            "Denizli'de havlu ve bornoz üreten ev tekstili firması; organik pamuk ve geri dönüşüm iplikleri kullanır.",
            [TextileTaxonomy.HomeTextiles, TextileTaxonomy.Recycling], [ValueChainStage.Fabric, ValueChainStage.MakingUp]),
        Make("cz-nano", "Jizera Nano s.r.o.", "CZ", "Severovýchod", "Liberec", "cs",
            "Výrobce netkaných textilií a nanovláken pro filtraci a zdravotnictví.",
            [TextileTaxonomy.Nonwovens, TextileTaxonomy.MedicalHygiene], [ValueChainStage.Fabric], [PartnerService.Prototyping]),
        Make("en-smart", "Puig Wearables S.L.", "ES", "Catalonia", "Terrassa", "en",
            "Design house for smart textiles and wearables with printed electronics and sensor integration.",
            [TextileTaxonomy.SmartTextiles], [ValueChainStage.MakingUp], [PartnerService.Prototyping], OrganisationKind.Accelerator),
        Make("pt-composites", "Compósitos Costa, S.A.", "PT", "Norte", "Braga", "pt",
            "Desenvolvimento de compósitos com fibras de carbono para a indústria automóvel.",
            [TextileTaxonomy.Composites, TextileTaxonomy.Mobility], [ValueChainStage.Fabric], kind: OrganisationKind.Rto),
    ];

    public static PartnerSearchIndex IndexOf(IEnumerable<Organisation> organisations)
    {
        var index = new PartnerSearchIndex(path: null, NullLogger.Instance);
        index.Rebuild(organisations);
        return index;
    }

    public static List<string> Ids(this PartnerSearchResults results) => [.. results.Hits.Select(h => h.OrganisationId)];
}
