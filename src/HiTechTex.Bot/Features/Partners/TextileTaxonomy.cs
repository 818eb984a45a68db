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
        Cap(TechnicalTextiles, ["technical textiles", "technical textile", "hi-tech textiles"], ["têxteis técnicos", "têxtil técnico", "tecidos técnicos"], ["textiles técnicos", "textil técnico", "tejidos técnicos"], ["tessili tecnici", "tessile tecnico", "tessuti tecnici"], ["teknik tekstil", "teknik tekstiller", "teknik kumaş", "teknik kumaşlar"], ["technické textilie", "technická textilie", "technický textil", "technických textilií", "technickými textiliemi", "technickým textiliím", "technického textilu"]),
        Cap(SmartTextiles, ["smart textiles", "e-textiles", "wearables", "electronic textiles"], ["têxteis inteligentes", "têxteis eletrónicos"], ["textiles inteligentes", "textiles electrónicos"], ["tessili intelligenti", "tessuti intelligenti", "e-tessili"], ["akıllı tekstil", "akıllı tekstiller", "e-tekstil"], ["chytré textilie", "inteligentní textilie", "e-textilie", "chytrých textilií", "chytrými textiliemi", "inteligentních textilií"]),
        Cap(Nonwovens, ["nonwovens", "nonwoven", "non-woven"], ["não-tecidos", "não tecidos", "não-tecido"], ["no tejidos", "no tejido", "telas no tejidas"], ["tessuto non tessuto", "tessuti non tessuti", "nontessuti"], ["dokunmamış", "dokusuz yüzey", "nonwoven kumaş"], ["netkané textilie", "netkaná textilie", "netkané", "netkaných textilií", "netkanými textiliemi"]),
        Cap(Composites, ["composites", "composite materials", "textile reinforcement"], ["compósitos", "materiais compósitos"], ["composites", "materiales compuestos", "compuestos"], ["compositi", "materiali compositi"], ["kompozit", "kompozitler", "kompozit malzemeler"], ["kompozity", "kompozitní materiály"]),
        Cap(MedicalHygiene, ["medical and hygiene textiles", "medical textiles", "hygiene", "medical"], ["têxteis médicos", "higiene", "têxteis hospitalares"], ["textiles médicos", "higiene", "textil sanitario"], ["tessili medicali", "igiene", "tessuti sanitari"], ["medikal tekstil", "hijyen", "tıbbi tekstil"], ["zdravotnické textilie", "hygiena", "zdravotnické"]),
        Cap(ProtectivePpe, ["protective textiles", "ppe", "personal protective equipment", "workwear", "protective clothing"], ["vestuário de proteção", "epi", "têxteis de proteção"], ["textiles de protección", "epi", "ropa de protección", "ropa laboral"], ["tessili protettivi", "dpi", "abbigliamento protettivo", "abbigliamento da lavoro"], ["koruyucu tekstil", "kkd", "koruyucu giysi", "iş elbisesi"], ["ochranné textilie", "oopp", "ochranné oděvy", "pracovní oděvy"]),
        Cap(Sports, ["sports textiles", "sportswear", "outdoor"], ["têxteis desportivos", "vestuário desportivo"], ["textiles deportivos", "ropa deportiva"], ["tessili sportivi", "abbigliamento sportivo"], ["spor tekstili", "spor giyim"], ["sportovní textilie", "sportovní oblečení"]),
        Cap(Mobility, ["mobility and automotive textiles", "automotive textiles", "automotive", "mobility", "transport textiles"], ["têxteis automóvel", "automóvel", "mobilidade"], ["textiles para automoción", "automoción", "movilidad"], ["tessili per automotive", "automotive", "mobilità", "automobilistico"], ["otomotiv tekstili", "otomotiv", "mobilite"], ["automobilové textilie", "automobilový průmysl", "mobilita"]),
        Cap(Geotextiles, ["geotextiles", "geotextile"], ["geotêxteis", "geotêxtil"], ["geotextiles", "geotextil"], ["geotessili", "geotessile"], ["jeotekstil", "jeotekstiller"], ["geotextilie", "geotextilní"]),
        Cap(Agrotextiles, ["agrotextiles", "agricultural textiles"], ["agrotêxteis", "têxteis agrícolas"], ["agrotextiles", "textiles agrícolas"], ["agrotessili", "tessili per agricoltura"], ["agroteksil", "tarım tekstili"], ["agrotextilie", "zemědělské textilie"]),
        Cap(FunctionalFinishing, ["functional finishing", "functional coatings", "antimicrobial", "antibacterial", "water repellent", "flame retardant", "coating", "coatings", "coated fabrics", "lamination", "laminating"], ["acabamentos funcionais", "acabamento funcional", "antimicrobiano", "antibacteriano", "hidrorrepelente", "retardante de chama", "revestimento", "revestimentos", "revestir", "laminagem", "endução"], ["acabados funcionales", "acabado funcional", "antimicrobiano", "antibacteriano", "hidrófugo", "ignífugo", "recubrimiento", "recubrimientos", "recubrir", "revestimiento", "laminado"], ["finissaggi funzionali", "finissaggio funzionale", "antimicrobico", "antibatterico", "idrorepellente", "ignifugo", "spalmatura", "rivestimento", "rivestimenti", "spalmature", "accoppiatura", "laminazione"], ["fonksiyonel bitim", "fonksiyonel apre", "antimikrobiyal", "antibakteriyel", "su itici", "alev geciktirici", "kaplama", "kaplamalı", "laminasyon"], ["funkční úpravy", "funkční úprava", "antimikrobiální", "antibakteriální", "hydrofobní", "nehořlavá úprava", "zátěr", "zátěry", "povrstvení", "povrstvování", "laminace"]),
        Cap(DigitalPrinting, ["digital printing", "inkjet printing", "textile printing", "printing", "screen printing", "printer", "printers", "print"], ["estamparia digital", "impressão digital", "estampagem", "estamparia", "estampar", "impressão têxtil"], ["estampación digital", "impresión digital", "estampado", "estampación", "estampar", "impresión textil"], ["stampa digitale", "stampa tessile", "stampa inkjet", "stampa", "stamperia", "stampare"], ["dijital baskı", "tekstil baskı", "baskı", "baskıcı"], ["digitální tisk", "textilní tisk", "potisk", "tisk", "tiskárna", "potiskování", "potisknout"]),
        Cap(Knitting3D, ["3d knitting", "3d weaving", "3d knitting and weaving", "seamless knitting", "spacer fabrics"], ["malha 3d", "tecelagem 3d"], ["tejido de punto 3d", "tejeduría 3d"], ["maglieria 3d", "tessitura 3d"], ["3d örme", "3d dokuma"], ["3d pletení", "3d tkaní"]),
        Cap(Recycling, ["recycling and circularity", "recycling", "circular economy", "circularity", "upcycling", "recycled", "recycle", "recycler"], ["reciclagem", "economia circular", "circularidade", "reciclado", "reciclados", "reciclar"], ["reciclaje", "economía circular", "circularidad", "reciclado", "reciclados", "reciclar"], ["riciclo", "economia circolare", "circolarità", "rigenerazione", "riciclaggio", "riciclato", "riciclati", "riciclare"], ["geri dönüşüm", "döngüsel ekonomi", "döngüsellik", "geri dönüştürme", "geri dönüştürülmüş", "geri kazanım"], ["recyklace", "cirkulární ekonomika", "oběhové hospodářství", "recyklování", "recyklovaný", "recyklované", "recyklovat"]),
        Cap(BioBasedFibres, ["bio-based fibres", "biobased fibres", "bio-based fibers", "natural fibres", "biopolymers"], ["fibras de base biológica", "fibras naturais", "biopolímeros"], ["fibras de base biológica", "fibras naturales", "biopolímeros"], ["fibre a base biologica", "fibre naturali", "biopolimeri"], ["biyobazlı lifler", "doğal lifler", "biyopolimerler"], ["biologicky založená vlákna", "přírodní vlákna", "biopolymery"]),
        Cap(TestingCertification, ["testing and certification", "textile testing", "quality control", "testing", "textile tests"], ["ensaios e certificação", "ensaios têxteis", "controlo de qualidade", "ensaios", "ensaio", "testes"], ["ensayos y certificación", "ensayos textiles", "control de calidad", "ensayos", "ensayo", "pruebas"], ["prove e certificazione", "prove tessili", "controllo qualità", "prove", "prove di laboratorio", "collaudo", "test di laboratorio", "test tessili"], ["test ve belgelendirme", "tekstil testleri", "kalite kontrol", "test", "testler", "testi", "muayene"], ["zkoušení a certifikace", "zkoušení textilií", "kontrola kvality", "zkoušení", "testování", "zkoušky"]),
        Cap(HomeTextiles, ["home textiles", "interior textiles", "upholstery"], ["têxteis lar", "têxteis para o lar"], ["textil hogar", "textiles para el hogar", "tapicería"], ["tessili per la casa", "tessuti d'arredamento", "arredamento"], ["ev tekstili", "döşemelik"], ["bytový textil", "bytové textilie", "čalounické"]),
        Cap(Fashion, ["fashion and apparel", "apparel", "fashion", "clothing"], ["moda", "vestuário", "confeção"], ["moda", "confección", "prendas"], ["moda", "abbigliamento", "confezione"], ["moda", "hazır giyim", "konfeksiyon"], ["móda", "oděvy", "konfekce"]),

        Stage(ValueChainStage.Fibre, ["fibre", "fibres", "fiber", "fibers"], ["fibra", "fibras"], ["fibra", "fibras"], ["fibra", "fibre"], ["lif", "elyaf"], ["vlákno", "vlákna"]),
        Stage(ValueChainStage.Yarn, ["yarn", "spinning", "yarns", "spinner", "spinners", "spinning mill"], ["fio", "fiação", "fios", "fiar", "fiações"], ["hilo", "hilatura", "hilados", "hilandería", "hilar", "hilado"], ["filato", "filatura", "filati", "filanda"], ["iplik", "iplik üretimi", "eğirme", "iplikçilik", "iplik fabrikası"], ["příze", "přádelna", "předení", "příst", "přádelny"]),
        Stage(ValueChainStage.Fabric, ["fabric", "weaving", "knitting", "fabrics", "weaver", "weavers", "knitter", "knitters", "knitwear"], ["tecido", "tecelagem", "malha", "tecidos", "tecer", "malharia", "tricotagem", "tricô"], ["tejido", "tejeduría", "género de punto", "tejidos", "tejer", "tisaje", "tricotado", "tricotar", "tejido de punto"], ["tessuto", "tessitura", "maglieria", "tessuti", "tessere", "tessitore", "tessitori", "maglificio", "lavorazione a maglia"], ["kumaş", "dokuma", "örme", "örgü", "dokumacılık", "triko", "trikotaj"], ["tkanina", "tkaní", "pletení", "tkaniny", "tkát", "tkalcovna", "pletárna", "plést", "úplet"]),
        Stage(ValueChainStage.Finishing, ["finishing", "dyeing", "finishing plant", "dye", "dyes", "dyer", "dyers", "dyehouse", "dye house", "dyeing and finishing", "bleaching"], ["acabamento", "acabamentos", "tinturaria", "ultimação", "tingimento", "tingir", "tinturarias", "branqueamento", "enobrecimento"], ["acabado", "acabados", "tintorería", "ennoblecimiento", "tintura", "teñido", "teñir", "tinte", "tintes", "tintado", "blanqueo"], ["finissaggio", "nobilitazione", "tintoria", "finissaggi", "tintura", "tinture", "tingere", "tintorie", "candeggio"], ["terbiye", "apre", "boyahane", "boyama", "boya", "boyacılık", "boyahaneler"], ["zušlechťování", "finální úprava", "barvírna", "úpravna", "barvení", "barvit", "barvírny", "bělení", "zušlechtění"]),
        Stage(ValueChainStage.MakingUp, ["making-up", "making up", "garment manufacturing", "sewing", "confection", "garment making", "sew"], ["confeção", "confecção", "costura", "costurar"], ["confección", "costura", "coser", "confeccionar"], ["confezione", "cucito", "cucire", "confezionare"], ["konfeksiyon", "dikim", "dikiş", "dikmek"], ["konfekce", "šití", "šít", "šicí dílna"]),
        Stage(ValueChainStage.Distribution, ["distribution", "wholesale", "trading"], ["distribuição", "comércio"], ["distribución", "comercialización"], ["distribuzione", "commercio"], ["dağıtım", "ticaret"], ["distribuce", "obchod"]),
        Stage(ValueChainStage.EndOfLife, ["end of life", "end-of-life", "sorting", "waste"], ["fim de vida", "triagem", "resíduos"], ["fin de vida", "clasificación", "residuos"], ["fine vita", "selezione", "rifiuti"], ["ömür sonu", "ayrıştırma", "atık"], ["konec životnosti", "třídění", "odpad"]),

        Service(PartnerService.TestingLab, ["testing lab", "test laboratory", "laboratory", "lab", "labs", "testing laboratory"], ["laboratório de ensaios", "laboratório", "lab", "laboratório têxtil"], ["laboratorio de ensayos", "laboratorio", "lab", "laboratorio textil"], ["laboratorio prove", "laboratorio", "lab", "laboratorio tessile"], ["test laboratuvarı", "laboratuvar", "lab", "laboratuvarı"], ["zkušební laboratoř", "laboratoř", "lab", "textilní laboratoř"]),
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
