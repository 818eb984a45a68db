namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// The textile taxonomy and its multilingual synonym map (EN, PT, ES, IT, TR, CS). Capabilities have plain ids
/// ("nonwovens"); value-chain stages and services have prefixed ids ("stage:finishing", "service:testing-lab") so all
/// three live in one keyword field of the search index. Synonyms are matched after folding case and diacritics.
/// </summary>
public static class TextileTaxonomy
{
    public const string TechnicalTextiles = "technical-textiles";
    public const string SmartTextiles = "smart-textiles";
    public const string Nonwovens = "nonwovens";
    public const string Composites = "composites";
    public const string MedicalHygiene = "medical-hygiene";
    public const string ProtectivePpe = "protective-ppe";
    public const string Sports = "sports";
    public const string Mobility = "mobility-automotive";
    public const string Geotextiles = "geotextiles";
    public const string Agrotextiles = "agrotextiles";
    public const string FunctionalFinishing = "functional-finishing";
    public const string DigitalPrinting = "digital-printing";
    public const string Knitting3D = "3d-knitting-weaving";
    public const string Recycling = "recycling-circularity";
    public const string BioBasedFibres = "bio-based-fibres";
    public const string TestingCertification = "testing-certification";
    public const string HomeTextiles = "home-textiles";
    public const string Fashion = "fashion-apparel";

    /// <summary>All terms: capabilities, then stages, then services.</summary>
    public static IReadOnlyList<TaxonomyTerm> Terms { get; } =
    [
        Cap(TechnicalTextiles, ["technical textiles", "technical textile", "hi-tech textiles"], ["têxteis técnicos", "têxtil técnico"], ["textiles técnicos", "textil técnico"], ["tessili tecnici", "tessile tecnico", "tessuti tecnici"], ["teknik tekstil", "teknik tekstiller"], ["technické textilie", "technická textilie"]),
        Cap(SmartTextiles, ["smart textiles", "e-textiles", "wearables", "electronic textiles"], ["têxteis inteligentes", "têxteis eletrónicos"], ["textiles inteligentes", "textiles electrónicos"], ["tessili intelligenti", "tessuti intelligenti", "e-tessili"], ["akıllı tekstil", "akıllı tekstiller", "e-tekstil"], ["chytré textilie", "inteligentní textilie", "e-textilie"]),
        Cap(Nonwovens, ["nonwovens", "nonwoven", "non-woven"], ["não-tecidos", "não tecidos", "não-tecido"], ["no tejidos", "no tejido", "telas no tejidas"], ["tessuto non tessuto", "tessuti non tessuti", "nontessuti"], ["dokunmamış", "dokusuz yüzey", "nonwoven kumaş"], ["netkané textilie", "netkaná textilie", "netkané"]),
        Cap(Composites, ["composites", "composite materials", "textile reinforcement"], ["compósitos", "materiais compósitos"], ["composites", "materiales compuestos", "compuestos"], ["compositi", "materiali compositi"], ["kompozit", "kompozitler", "kompozit malzemeler"], ["kompozity", "kompozitní materiály"]),
        Cap(MedicalHygiene, ["medical and hygiene textiles", "medical textiles", "hygiene", "medical"], ["têxteis médicos", "higiene", "têxteis hospitalares"], ["textiles médicos", "higiene", "textil sanitario"], ["tessili medicali", "igiene", "tessuti sanitari"], ["medikal tekstil", "hijyen", "tıbbi tekstil"], ["zdravotnické textilie", "hygiena", "zdravotnické"]),
        Cap(ProtectivePpe, ["protective textiles", "ppe", "personal protective equipment", "workwear", "protective clothing"], ["vestuário de proteção", "epi", "têxteis de proteção"], ["textiles de protección", "epi", "ropa de protección", "ropa laboral"], ["tessili protettivi", "dpi", "abbigliamento protettivo", "abbigliamento da lavoro"], ["koruyucu tekstil", "kkd", "koruyucu giysi", "iş elbisesi"], ["ochranné textilie", "oopp", "ochranné oděvy", "pracovní oděvy"]),
        Cap(Sports, ["sports textiles", "sportswear", "outdoor"], ["têxteis desportivos", "vestuário desportivo"], ["textiles deportivos", "ropa deportiva"], ["tessili sportivi", "abbigliamento sportivo"], ["spor tekstili", "spor giyim"], ["sportovní textilie", "sportovní oblečení"]),
        Cap(Mobility, ["mobility and automotive textiles", "automotive textiles", "automotive", "mobility", "transport textiles"], ["têxteis automóvel", "automóvel", "mobilidade"], ["textiles para automoción", "automoción", "movilidad"], ["tessili per automotive", "automotive", "mobilità", "automobilistico"], ["otomotiv tekstili", "otomotiv", "mobilite"], ["automobilové textilie", "automobilový průmysl", "mobilita"]),
        Cap(Geotextiles, ["geotextiles", "geotextile"], ["geotêxteis", "geotêxtil"], ["geotextiles", "geotextil"], ["geotessili", "geotessile"], ["jeotekstil", "jeotekstiller"], ["geotextilie", "geotextilní"]),
        Cap(Agrotextiles, ["agrotextiles", "agricultural textiles"], ["agrotêxteis", "têxteis agrícolas"], ["agrotextiles", "textiles agrícolas"], ["agrotessili", "tessili per agricoltura"], ["agroteksil", "tarım tekstili"], ["agrotextilie", "zemědělské textilie"]),
        Cap(FunctionalFinishing, ["functional finishing", "functional coatings", "antimicrobial", "antibacterial", "water repellent", "flame retardant", "coating"], ["acabamentos funcionais", "acabamento funcional", "antimicrobiano", "antibacteriano", "hidrorrepelente", "retardante de chama", "revestimento"], ["acabados funcionales", "acabado funcional", "antimicrobiano", "antibacteriano", "hidrófugo", "ignífugo", "recubrimiento"], ["finissaggi funzionali", "finissaggio funzionale", "antimicrobico", "antibatterico", "idrorepellente", "ignifugo", "spalmatura"], ["fonksiyonel bitim", "fonksiyonel apre", "antimikrobiyal", "antibakteriyel", "su itici", "alev geciktirici", "kaplama"], ["funkční úpravy", "funkční úprava", "antimikrobiální", "antibakteriální", "hydrofobní", "nehořlavá úprava", "zátěr"]),
        Cap(DigitalPrinting, ["digital printing", "inkjet printing", "textile printing"], ["estamparia digital", "impressão digital", "estampagem"], ["estampación digital", "impresión digital", "estampado"], ["stampa digitale", "stampa tessile", "stampa inkjet"], ["dijital baskı", "tekstil baskı", "baskı"], ["digitální tisk", "textilní tisk", "potisk"]),
        Cap(Knitting3D, ["3d knitting", "3d weaving", "3d knitting and weaving", "seamless knitting", "spacer fabrics"], ["malha 3d", "tecelagem 3d"], ["tejido de punto 3d", "tejeduría 3d"], ["maglieria 3d", "tessitura 3d"], ["3d örme", "3d dokuma"], ["3d pletení", "3d tkaní"]),
        Cap(Recycling, ["recycling and circularity", "recycling", "circular economy", "circularity", "upcycling"], ["reciclagem", "economia circular", "circularidade"], ["reciclaje", "economía circular", "circularidad"], ["riciclo", "economia circolare", "circolarità", "rigenerazione"], ["geri dönüşüm", "döngüsel ekonomi", "döngüsellik"], ["recyklace", "cirkulární ekonomika", "oběhové hospodářství"]),
        Cap(BioBasedFibres, ["bio-based fibres", "biobased fibres", "bio-based fibers", "natural fibres", "biopolymers"], ["fibras de base biológica", "fibras naturais", "biopolímeros"], ["fibras de base biológica", "fibras naturales", "biopolímeros"], ["fibre a base biologica", "fibre naturali", "biopolimeri"], ["biyobazlı lifler", "doğal lifler", "biyopolimerler"], ["biologicky založená vlákna", "přírodní vlákna", "biopolymery"]),
        Cap(TestingCertification, ["testing and certification", "textile testing", "quality control"], ["ensaios e certificação", "ensaios têxteis", "controlo de qualidade"], ["ensayos y certificación", "ensayos textiles", "control de calidad"], ["prove e certificazione", "prove tessili", "controllo qualità"], ["test ve belgelendirme", "tekstil testleri", "kalite kontrol"], ["zkoušení a certifikace", "zkoušení textilií", "kontrola kvality"]),
        Cap(HomeTextiles, ["home textiles", "interior textiles", "upholstery"], ["têxteis lar", "têxteis para o lar"], ["textil hogar", "textiles para el hogar", "tapicería"], ["tessili per la casa", "tessuti d'arredamento", "arredamento"], ["ev tekstili", "döşemelik"], ["bytový textil", "bytové textilie", "čalounické"]),
        Cap(Fashion, ["fashion and apparel", "apparel", "fashion", "clothing"], ["moda", "vestuário", "confeção"], ["moda", "confección", "prendas"], ["moda", "abbigliamento", "confezione"], ["moda", "hazır giyim", "konfeksiyon"], ["móda", "oděvy", "konfekce"]),

        Stage(ValueChainStage.Fibre, ["fibre", "fibres", "fiber", "fibers"], ["fibra", "fibras"], ["fibra", "fibras"], ["fibra", "fibre"], ["lif", "elyaf"], ["vlákno", "vlákna"]),
        Stage(ValueChainStage.Yarn, ["yarn", "spinning", "yarns"], ["fio", "fiação", "fios"], ["hilo", "hilatura", "hilados"], ["filato", "filatura", "filati"], ["iplik", "iplik üretimi", "eğirme"], ["příze", "přádelna", "předení"]),
        Stage(ValueChainStage.Fabric, ["fabric", "weaving", "knitting", "fabrics"], ["tecido", "tecelagem", "malha", "tecidos"], ["tejido", "tejeduría", "género de punto", "tejidos"], ["tessuto", "tessitura", "maglieria", "tessuti"], ["kumaş", "dokuma", "örme"], ["tkanina", "tkaní", "pletení", "tkaniny"]),
        Stage(ValueChainStage.Finishing, ["finishing", "dyeing", "finishing plant"], ["acabamento", "acabamentos", "tinturaria", "ultimação"], ["acabado", "acabados", "tintorería", "ennoblecimiento"], ["finissaggio", "nobilitazione", "tintoria", "finissaggi"], ["terbiye", "apre", "boyahane", "boyama"], ["zušlechťování", "finální úprava", "barvírna", "úpravna"]),
        Stage(ValueChainStage.MakingUp, ["making-up", "making up", "garment manufacturing", "sewing", "confection"], ["confeção", "confecção", "costura"], ["confección", "costura"], ["confezione", "cucito"], ["konfeksiyon", "dikim"], ["konfekce", "šití"]),
        Stage(ValueChainStage.Distribution, ["distribution", "wholesale", "trading"], ["distribuição", "comércio"], ["distribución", "comercialización"], ["distribuzione", "commercio"], ["dağıtım", "ticaret"], ["distribuce", "obchod"]),
        Stage(ValueChainStage.EndOfLife, ["end of life", "end-of-life", "sorting", "waste"], ["fim de vida", "triagem", "resíduos"], ["fin de vida", "clasificación", "residuos"], ["fine vita", "selezione", "rifiuti"], ["ömür sonu", "ayrıştırma", "atık"], ["konec životnosti", "třídění", "odpad"]),

        Service(PartnerService.TestingLab, ["testing lab", "test laboratory", "laboratory", "lab"], ["laboratório de ensaios", "laboratório"], ["laboratorio de ensayos", "laboratorio"], ["laboratorio prove", "laboratorio"], ["test laboratuvarı", "laboratuvar"], ["zkušební laboratoř", "laboratoř"]),
        Service(PartnerService.PilotLine, ["pilot line", "pilot plant", "pilot scale"], ["linha piloto", "instalação piloto"], ["línea piloto", "planta piloto"], ["linea pilota", "impianto pilota"], ["pilot hat", "pilot tesis"], ["pilotní linka", "poloprovoz"]),
        Service(PartnerService.Prototyping, ["prototyping", "prototype", "prototypes", "sampling"], ["prototipagem", "protótipo", "protótipos"], ["prototipado", "prototipo", "prototipos"], ["prototipazione", "prototipo", "prototipi", "campionatura"], ["prototipleme", "prototip"], ["prototypování", "prototyp", "prototypy"]),
        Service(PartnerService.Training, ["training", "courses", "coaching"], ["formação", "cursos"], ["formación", "cursos"], ["formazione", "corsi"], ["eğitim", "kurslar"], ["školení", "vzdělávání", "kurzy"]),
        Service(PartnerService.Certification, ["certification", "certificates", "labelling"], ["certificação"], ["certificación"], ["certificazione"], ["belgelendirme", "sertifikasyon"], ["certifikace"]),
        Service(PartnerService.Consulting, ["consulting", "consultancy", "advisory"], ["consultoria"], ["consultoría", "asesoramiento"], ["consulenza"], ["danışmanlık"], ["poradenství", "konzultace"]),
    ];

    private static readonly Dictionary<string, TaxonomyTerm> ById = Terms.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The capability terms only.</summary>
    public static IReadOnlyList<TaxonomyTerm> Capabilities { get; } = [.. Terms.Where(t => t.Facet == TaxonomyFacet.Capability)];

    public static TaxonomyTerm? Find(string id) => ById.GetValueOrDefault(id);

    public static bool IsCapability(string id) => ById.TryGetValue(id, out var term) && term.Facet == TaxonomyFacet.Capability;

    public static string IdOf(ValueChainStage stage) => "stage:" + Slug(stage.ToString());

    public static string IdOf(PartnerService service) => "service:" + Slug(service.ToString());

    /// <summary>Every taxonomy id that describes the organisation's declared profile.</summary>
    public static IEnumerable<string> IdsOf(Organisation organisation) =>
        organisation.Capabilities.Concat(organisation.Stages.Select(IdOf)).Concat(organisation.Services.Select(IdOf));

    // "MakingUp" -> "making-up", "EndOfLife" -> "end-of-life", "TestingLab" -> "testing-lab".
    private static string Slug(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static TaxonomyTerm Cap(string id, string[] en, string[] pt, string[] es, string[] it, string[] tr, string[] cs) =>
        new(id, TaxonomyFacet.Capability, Names(en, pt, es, it, tr, cs));

    private static TaxonomyTerm Stage(ValueChainStage stage, string[] en, string[] pt, string[] es, string[] it, string[] tr, string[] cs) =>
        new(IdOf(stage), TaxonomyFacet.Stage, Names(en, pt, es, it, tr, cs));

    private static TaxonomyTerm Service(PartnerService service, string[] en, string[] pt, string[] es, string[] it, string[] tr, string[] cs) =>
        new(IdOf(service), TaxonomyFacet.Service, Names(en, pt, es, it, tr, cs));

    private static Dictionary<string, string[]> Names(string[] en, string[] pt, string[] es, string[] it, string[] tr, string[] cs) =>
        new() { ["en"] = en, ["pt"] = pt, ["es"] = es, ["it"] = it, ["tr"] = tr, ["cs"] = cs };
}
