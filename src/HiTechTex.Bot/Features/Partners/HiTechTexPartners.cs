namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// The six real Hi-Tech-TEX partners (domain.md). Names, places and profiles are public; the contacts are role-mailbox
/// placeholders on the reserved .example domain (not real addresses) until each partner supplies its own.
/// </summary>
public static class HiTechTexPartners
{
    public const string CiteveId = "hitechtex-citeve";
    public const string AeiTextilsId = "hitechtex-aei-textils";
    public const string AtevalId = "hitechtex-ateval";
    public const string TecnotessileId = "hitechtex-ntt-tecnotessile";
    public const string DenizliId = "hitechtex-dcc-ttc";
    public const string ClutexId = "hitechtex-clutex";

    /// <summary>When the seed was last reviewed; a change here makes the search index rebuild.</summary>
    private static readonly DateTimeOffset Reviewed = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Organisation> All { get; } =
    [
        Partner(CiteveId, "Portuguese Textile Cluster / CITEVE", OrganisationKind.ClusterOrganisation, "PT", "Norte", "Vila Nova de Famalicão", new(41.408, -8.519),
            "https://www.citeve.pt", "pt",
            "Cluster têxtil português e Centro Tecnológico das Indústrias Têxtil e do Vestuário (CITEVE), coordenador do Hi-Tech-TEX. Laboratório de ensaios acreditado, certificação, linha piloto e prototipagem para têxteis técnicos, têxteis inteligentes, acabamentos funcionais e economia circular. Formação e consultoria para PME.",
            [TextileTaxonomy.TechnicalTextiles, TextileTaxonomy.SmartTextiles, TextileTaxonomy.FunctionalFinishing, TextileTaxonomy.Recycling, TextileTaxonomy.TestingCertification, TextileTaxonomy.Fashion],
            [ValueChainStage.Fibre, ValueChainStage.Yarn, ValueChainStage.Fabric, ValueChainStage.Finishing, ValueChainStage.MakingUp],
            [PartnerService.TestingLab, PartnerService.Certification, PartnerService.PilotLine, PartnerService.Prototyping, PartnerService.Training, PartnerService.Consulting],
            ["pt", "en", "es"]),
        Partner(AeiTextilsId, "AEI Tèxtils — Associació Agrupació d'Empreses Innovadores Tèxtils", OrganisationKind.ClusterOrganisation, "ES", "Catalonia", "Terrassa", new(41.563, 2.008),
            null, "es",
            "Clúster catalán de textiles técnicos: agrupa empresas innovadoras, centros tecnológicos y universidades. Proyectos de innovación en textiles inteligentes, textiles médicos, composites, economía circular y textiles para automoción. Formación y consultoría para sus socios.",
            [TextileTaxonomy.TechnicalTextiles, TextileTaxonomy.SmartTextiles, TextileTaxonomy.MedicalHygiene, TextileTaxonomy.Composites, TextileTaxonomy.Recycling, TextileTaxonomy.Mobility],
            [ValueChainStage.Fabric, ValueChainStage.Finishing, ValueChainStage.MakingUp],
            [PartnerService.Training, PartnerService.Consulting],
            ["es", "ca", "en"]),
        Partner(AtevalId, "ATEVAL — Asociación Textil de la Comunidad Valenciana", OrganisationKind.ClusterOrganisation, "ES", "Valencia", "Ontinyent", new(38.821, -0.606),
            "https://www.ateval.com", "es",
            "Asociación empresarial del sector textil de la Comunidad Valenciana: textil hogar, textiles técnicos, no tejidos, acabados funcionales y reciclaje. Formación, consultoría y apoyo a la internacionalización de las pymes textiles.",
            [TextileTaxonomy.HomeTextiles, TextileTaxonomy.TechnicalTextiles, TextileTaxonomy.Nonwovens, TextileTaxonomy.FunctionalFinishing, TextileTaxonomy.Recycling],
            [ValueChainStage.Yarn, ValueChainStage.Fabric, ValueChainStage.Finishing, ValueChainStage.MakingUp, ValueChainStage.Distribution],
            [PartnerService.Training, PartnerService.Consulting],
            ["es", "en"]),
        Partner(TecnotessileId, "NTT — Next Technology Tecnotessile S.R.L.", OrganisationKind.Rto, "IT", "Tuscany", "Prato", new(43.880, 11.097),
            "https://www.tecnotessile.it", "it",
            "Centro di ricerca e trasferimento tecnologico del distretto tessile di Prato. Laboratorio prove, impianto pilota e prototipazione per tessili tecnici, finissaggi funzionali, tessuto non tessuto, compositi e riciclo delle fibre. Formazione e consulenza per le PMI.",
            [TextileTaxonomy.TechnicalTextiles, TextileTaxonomy.FunctionalFinishing, TextileTaxonomy.Nonwovens, TextileTaxonomy.Composites, TextileTaxonomy.Recycling, TextileTaxonomy.TestingCertification],
            [ValueChainStage.Fibre, ValueChainStage.Yarn, ValueChainStage.Fabric, ValueChainStage.Finishing, ValueChainStage.EndOfLife],
            [PartnerService.TestingLab, PartnerService.PilotLine, PartnerService.Prototyping, PartnerService.Training, PartnerService.Consulting],
            ["it", "en"]),
        Partner(DenizliId, "DCC TTC — Denizli Chamber of Commerce", OrganisationKind.ClusterOrganisation, "TR", "Aegean", "Denizli", new(37.776, 29.086),
            "https://www.dto.org.tr", "tr",
            "Denizli Ticaret Odası tekstil kümesi: ev tekstili, havlu ve bornoz, hazır giyim ve teknik tekstil üreticilerini bir araya getirir. Eğitim, danışmanlık, ihracat ve geri dönüşüm projeleri.",
            [TextileTaxonomy.HomeTextiles, TextileTaxonomy.TechnicalTextiles, TextileTaxonomy.Fashion, TextileTaxonomy.Recycling],
            [ValueChainStage.Yarn, ValueChainStage.Fabric, ValueChainStage.Finishing, ValueChainStage.MakingUp, ValueChainStage.Distribution],
            [PartnerService.Training, PartnerService.Consulting],
            ["tr", "en"]),
        Partner(ClutexId, "CLUTEX — Klastr Technické Textilie", OrganisationKind.ClusterOrganisation, "CZ", "Severovýchod", "Liberec", new(50.767, 15.056),
            "https://www.clutex.cz", "cs",
            "Klastr technických textilií v Liberci: sdružuje firmy, výzkumné organizace a univerzitu. Technické textilie, netkané textilie, nanovlákna, chytré textilie, zdravotnické a ochranné textilie. Školení, poradenství a společné výzkumné projekty.",
            [TextileTaxonomy.TechnicalTextiles, TextileTaxonomy.Nonwovens, TextileTaxonomy.SmartTextiles, TextileTaxonomy.MedicalHygiene, TextileTaxonomy.ProtectivePpe],
            [ValueChainStage.Fibre, ValueChainStage.Fabric, ValueChainStage.Finishing],
            [PartnerService.Training, PartnerService.Consulting],
            ["cs", "en"]),
    ];

    private static Organisation Partner(string id, string name, OrganisationKind kind, string country, string region, string city, GeoPoint location,
        string? website, string language, string description, string[] capabilities, ValueChainStage[] stages, PartnerService[] services, string[] languages) =>
        new(id, name, kind, country, region, city, location, website, description, language, capabilities, stages, services, languages,
            ClusterId: null,
            Contacts: [new PartnerContact("Partner office (placeholder contact)", $"info@{id}.example")],
            ListingConsent: true,
            LastUpdated: Reviewed,
            IsDemo: false);
}
