using System.Globalization;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// Generates demo organisations (<see cref="Organisation.IsDemo"/>) spread evenly over the six regions, so the search
/// has something to rank before real members are imported. Deterministic: the same seed and count give the same
/// organisations on every run and machine (System.Random with a seed is stable across .NET versions for this API use).
/// Names are invented, websites and contacts use the reserved .example domain, and each organisation's cluster is its
/// region's Hi-Tech-TEX partner.
/// </summary>
public static class DemoOrganisationGenerator
{
    public const int DefaultSeed = 20220207;

    private static readonly DateTimeOffset BaseDate = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> ClusterOfRegion = new()
    {
        ["Norte"] = HiTechTexPartners.CiteveId,
        ["Catalonia"] = HiTechTexPartners.AeiTextilsId,
        ["Valencia"] = HiTechTexPartners.AtevalId,
        ["Tuscany"] = HiTechTexPartners.TecnotessileId,
        ["Aegean"] = HiTechTexPartners.DenizliId,
        ["Severovýchod"] = HiTechTexPartners.ClutexId,
    };

    private static readonly Dictionary<string, string[]> Surnames = new()
    {
        ["PT"] = ["Silva", "Ferreira", "Costa", "Oliveira", "Martins", "Sousa", "Pereira", "Carvalho", "Ribeiro", "Almeida", "Lopes", "Fernandes", "Gomes", "Marques", "Teixeira", "Machado", "Cunha", "Freitas"],
        ["ES"] = ["García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Vidal", "Puig", "Soler", "Ferrer", "Bosch", "Molina", "Navarro", "Sanz", "Mollà", "Vilaplana", "Francés", "Pons"],
        ["IT"] = ["Rossi", "Bianchi", "Romano", "Gori", "Bardi", "Lanini", "Ciardi", "Fabbri", "Mariotti", "Pecci", "Santini", "Vannucci", "Giusti", "Nesti", "Biagini", "Bertini", "Calamai", "Pieri"],
        ["TR"] = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan", "Kılıç", "Ege", "Pamukkale", "Akdeniz", "Anadolu", "Buldan", "Çamlık", "Sarayköy", "Babadağ"],
        ["CZ"] = ["Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák", "Němec", "Pokorný", "Jizera", "Krkonoše", "Nisa", "Ještěd", "Labe", "Úpa", "Metuje", "Orlice"],
    };

    // {0} = surname, {1} = city. SME and large-company names first, then one per other kind.
    private static readonly Dictionary<string, string[]> SmeNames = new()
    {
        ["PT"] = ["Têxteis {0}, Lda", "Fiação {0} & Filhos, S.A.", "Malhas {0}, Lda", "Tinturaria {0}, Lda", "{0} Têxteis Técnicos, S.A.", "Confeções {0}, Lda"],
        ["ES"] = ["Tejidos {0} S.L.", "Hilaturas {0} S.A.", "{0} Textil S.L.", "Acabados {0} S.L.", "Tèxtils {0} S.L.", "Confecciones {0} S.L."],
        ["IT"] = ["Lanificio {0} S.r.l.", "Tessitura {0} S.p.A.", "Filatura {0} S.r.l.", "Tintoria {0} S.r.l.", "{0} Tessuti S.r.l.", "Confezioni {0} S.r.l."],
        ["TR"] = ["{0} Tekstil A.Ş.", "{0} İplik San. Tic. Ltd. Şti.", "{0} Dokuma A.Ş.", "{0} Boya Apre Ltd. Şti.", "{0} Havlu A.Ş.", "{0} Konfeksiyon Ltd. Şti."],
        ["CZ"] = ["{0} Textil s.r.o.", "Přádelna {0} a.s.", "Tkalcovna {0} s.r.o.", "{0} Netkané textilie s.r.o.", "Úpravna {0} s.r.o.", "Konfekce {0} s.r.o."],
    };

    private static readonly Dictionary<string, Dictionary<OrganisationKind, string>> KindNames = new()
    {
        ["PT"] = Kinds("Grupo {0} Têxtil, S.A.", "Associação Têxtil {0}", "Centro Tecnológico {0}", "Instituto Têxtil {0} de {1}", "Hub de Inovação Têxtil {1} {0}", "Laboratório {0}"),
        ["ES"] = Kinds("Grupo {0} Textil S.A.", "Agrupación Textil {0}", "Centro Tecnológico {0}", "Escuela Técnica Textil {0} de {1}", "Aceleradora Textil {1} {0}", "Laboratorio {0}"),
        ["IT"] = Kinds("Gruppo {0} Tessile S.p.A.", "Consorzio Tessile {0}", "Centro Ricerche {0}", "Istituto Tessile {0} di {1}", "Incubatore Tessile {1} {0}", "Laboratorio {0}"),
        ["TR"] = Kinds("{0} Holding Tekstil A.Ş.", "{0} Tekstil Kümesi", "{0} Tekstil Araştırma Merkezi", "{1} {0} Tekstil Mühendisliği Enstitüsü", "{1} Tekstil Kuluçka Merkezi {0}", "{0} Test Laboratuvarı"),
        ["CZ"] = Kinds("Skupina {0} Textil a.s.", "Textilní klastr {0}", "Výzkumné centrum {0}", "Textilní institut {0} {1}", "Textilní inkubátor {1} {0}", "Laboratoř {0}"),
    };

    private static readonly Dictionary<string, Dictionary<OrganisationKind, string>> KindPhrases = new()
    {
        ["en"] = Phrases("Textile SME", "Textile group", "Textile cluster organisation", "Technology centre", "University institute", "Innovation accelerator", "Testing and service provider"),
        ["pt"] = Phrases("PME têxtil", "Grupo têxtil", "Organização de cluster têxtil", "Centro tecnológico", "Instituto universitário", "Aceleradora de inovação", "Prestador de serviços e ensaios"),
        ["es"] = Phrases("Pyme textil", "Grupo textil", "Organización clúster textil", "Centro tecnológico", "Instituto universitario", "Aceleradora de innovación", "Proveedor de servicios y ensayos"),
        ["it"] = Phrases("PMI tessile", "Gruppo tessile", "Organizzazione cluster tessile", "Centro tecnologico", "Istituto universitario", "Acceleratore di innovazione", "Fornitore di servizi e prove"),
        ["tr"] = Phrases("tekstil KOBİ'si", "tekstil grubu", "tekstil kümesi", "teknoloji merkezi", "üniversite enstitüsü", "inovasyon hızlandırıcısı", "test ve hizmet sağlayıcısı"),
        ["cs"] = Phrases("Textilní MSP", "Textilní skupina", "Textilní klastrová organizace", "Technologické centrum", "Univerzitní institut", "Inovační akcelerátor", "Poskytovatel zkoušek a služeb"),
    };

    // {0} kind phrase, {1} city, {2} capabilities, {3} stages, {4} services.
    private static readonly Dictionary<string, (string Text, string And, string NoService)> Templates = new()
    {
        ["en"] = ("{0} in {1} specialising in {2}. Active in {3}; offers {4}.", " and ", "production for other companies"),
        ["pt"] = ("{0} em {1} especializada em {2}. Atua em {3}; oferece {4}.", " e ", "produção para outras empresas"),
        ["es"] = ("{0} de {1} especializada en {2}. Trabaja en {3}; ofrece {4}.", " y ", "producción para otras empresas"),
        ["it"] = ("{0} di {1} specializzata in {2}. Attiva in {3}; offre {4}.", " e ", "produzione per conto terzi"),
        ["tr"] = ("{1} merkezli {0}; {2} alanında uzman. Faaliyet alanları: {3}. Sunduğu hizmetler: {4}.", " ve ", "fason üretim"),
        ["cs"] = ("{0} z lokality {1} se specializací na {2}. Působí v oblasti: {3}; nabízí {4}.", " a ", "zakázkovou výrobu"),
    };

    public static IReadOnlyList<Organisation> Generate(int count, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var regions = PartnerGeography.Regions;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Organisation>(count);
        for (var i = 0; i < count; i++)
        {
            var region = regions[i % regions.Count];
            result.Add(Create(random, i + 1, region, names));
        }

        return result;
    }

    private static Organisation Create(Random random, int number, PartnerRegion region, HashSet<string> names)
    {
        var country = region.Country;
        var city = region.Cities[random.Next(region.Cities.Count)];
        var kind = PickKind(random.NextDouble());
        var name = UniqueName(random, country, kind, city.Name, names);
        var language = random.NextDouble() < 0.35 ? "en" : region.Language;

        var capabilities = Pick(random, TextileTaxonomy.Capabilities.Select(t => t.Id).ToArray(), random.Next(1, 4));
        var stages = Pick(random, Enum.GetValues<ValueChainStage>(), random.Next(1, 3));
        var services = kind switch
        {
            OrganisationKind.FacilityProvider => Pick(random, Enum.GetValues<PartnerService>(), random.Next(1, 3)).Prepend(PartnerService.TestingLab).Distinct().ToArray(),
            OrganisationKind.Rto or OrganisationKind.University => Pick(random, Enum.GetValues<PartnerService>(), random.Next(2, 4)),
            OrganisationKind.Sme => random.NextDouble() < 0.3 ? Pick(random, Enum.GetValues<PartnerService>(), 1) : [],
            _ => Pick(random, Enum.GetValues<PartnerService>(), random.Next(1, 3)),
        };

        var id = string.Create(CultureInfo.InvariantCulture, $"demo-{number:D4}");
        var location = new GeoPoint(
            Math.Round(city.Location.Latitude + ((random.NextDouble() - 0.5) * 0.08), 5),
            Math.Round(city.Location.Longitude + ((random.NextDouble() - 0.5) * 0.08), 5));
        var description = Describe(language, kind, city.Name, capabilities, stages, services);

        return new Organisation(
            id, name, kind, country, region.Name, city.Name, location,
            Website: $"https://{id}.example",
            Description: description,
            DescriptionLanguage: language,
            Capabilities: capabilities,
            Stages: stages,
            Services: services,
            Languages: random.NextDouble() < 0.7 ? [region.Language, "en"] : [region.Language],
            ClusterId: kind == OrganisationKind.ClusterOrganisation ? null : ClusterOfRegion[region.Name],
            Contacts: [new PartnerContact("Demo contact", $"info@{id}.example")],
            ListingConsent: true,
            LastUpdated: BaseDate.AddDays(-random.Next(0, 365)),
            IsDemo: true);
    }

    private static OrganisationKind PickKind(double roll) => roll switch
    {
        < 0.55 => OrganisationKind.Sme,
        < 0.65 => OrganisationKind.LargeCompany,
        < 0.77 => OrganisationKind.FacilityProvider,
        < 0.86 => OrganisationKind.Rto,
        < 0.91 => OrganisationKind.University,
        < 0.96 => OrganisationKind.Accelerator,
        _ => OrganisationKind.ClusterOrganisation,
    };

    private static string UniqueName(Random random, string country, OrganisationKind kind, string city, HashSet<string> names)
    {
        var surnames = Surnames[country];
        for (var attempt = 0; ; attempt++)
        {
            var pattern = kind == OrganisationKind.Sme
                ? SmeNames[country][random.Next(SmeNames[country].Length)]
                : KindNames[country][kind];
            var surname = surnames[random.Next(surnames.Length)];
            var name = string.Format(CultureInfo.InvariantCulture, pattern, surname, city);
            if (attempt > 20)
            {
                name = string.Create(CultureInfo.InvariantCulture, $"{name} {attempt}");
            }

            if (names.Add(name))
            {
                return name;
            }
        }
    }

    private static string Describe(string language, OrganisationKind kind, string city, IReadOnlyList<string> capabilities,
        IReadOnlyList<ValueChainStage> stages, IReadOnlyList<PartnerService> services)
    {
        var (text, and, noService) = Templates[language];
        var caps = Join(capabilities.Select(c => TextileTaxonomy.Find(c)!.LabelIn(language)), and);
        var stageText = Join(stages.Select(s => TextileTaxonomy.Find(TextileTaxonomy.IdOf(s))!.LabelIn(language)), and);
        var serviceText = services.Count == 0
            ? noService
            : Join(services.Select(s => TextileTaxonomy.Find(TextileTaxonomy.IdOf(s))!.LabelIn(language)), and);
        return string.Format(CultureInfo.InvariantCulture, text, KindPhrases[language][kind], city, caps, stageText, serviceText);
    }

    private static string Join(IEnumerable<string> items, string and)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + and + list[^1];
    }

    private static T[] Pick<T>(Random random, T[] source, int count) =>
        [.. source.OrderBy(_ => random.Next()).Take(count)];

    private static Dictionary<OrganisationKind, string> Kinds(string large, string cluster, string rto, string university, string accelerator, string facility) => new()
    {
        [OrganisationKind.LargeCompany] = large,
        [OrganisationKind.ClusterOrganisation] = cluster,
        [OrganisationKind.Rto] = rto,
        [OrganisationKind.University] = university,
        [OrganisationKind.Accelerator] = accelerator,
        [OrganisationKind.FacilityProvider] = facility,
    };

    private static Dictionary<OrganisationKind, string> Phrases(string sme, string large, string cluster, string rto, string university, string accelerator, string facility) => new()
    {
        [OrganisationKind.Sme] = sme,
        [OrganisationKind.LargeCompany] = large,
        [OrganisationKind.ClusterOrganisation] = cluster,
        [OrganisationKind.Rto] = rto,
        [OrganisationKind.University] = university,
        [OrganisationKind.Accelerator] = accelerator,
        [OrganisationKind.FacilityProvider] = facility,
    };
}
