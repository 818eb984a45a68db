namespace HiTechTex.Bot.Language.Vocabulary;

/// <summary>Countries, partner regions, their cities, organisation kinds and coaching topics, in EN, PT, ES, IT, TR and CS.</summary>
internal static class Gazetteer
{
    public static IReadOnlyList<GazetteerEntry> Countries { get; } =
    [
        new("PT", ["portugal", "portuguese", "portugues", "portuguesa", "portogallo", "portoghese", "portekiz*", "portugalsk*"]),
        new("ES", ["spain", "spanish", "espanha", "espanhol*", "espana", "espanol*", "spagna", "spagnol*", "ispanya*", "spanelsk*"]),
        new("IT", ["italy~", "italian", "italia", "italiano", "italiana", "italianos", "italiane", "italiani", "italya*", "italie", "italii", "italsk*"]),
        new("TR", ["turkey", "turkish", "turkiye*", "turquia", "turco", "turca", "turchia", "turk", "turecko", "turecku", "turecka", "turecky"]),
        new("CZ", ["czechia", "czech republic=2", "czech", "chequia", "republica checa=2", "checa", "checo", "tchequia", "republica tcheca=2",
                   "cechia", "repubblica ceca=2", "ceca", "ceco", "cekya", "cek cumhuriyeti=2", "cek cumhuriyet*=2", "cesko", "cesku", "ceska republika=2",
                   "cesk* republi*=2", "cesk*"]),
        new("FR", ["france", "french", "franca", "frances", "francesa", "francia", "francese", "fransa*", "fransiz", "francie", "francii", "francouz*"]),
        new("DE", ["germany", "german", "alemanha", "alemao", "alema", "alemania", "aleman", "alemana", "germania", "tedesco", "tedesca",
                   "almanya*", "alman", "nemecko", "nemecku", "nemeck*", "deutschland"]),
        new("BE", ["belgium", "belgian", "belgica", "belga", "belgio", "belcika*", "belgie", "belgii", "belgick*"]),
        new("PL", ["poland", "polonia", "polones", "polonesa", "polaco", "polaca", "polacco", "polonya*", "polsko", "polsku", "polsk*"]),
        new("RO", ["romania", "romanian", "romenia", "romeno", "rumania", "rumano", "rumeno", "romanya*", "rumunsko", "rumunsku", "rumunsk*"]),
        new("GR", ["greece", "greek", "grecia", "grego", "grega", "griego", "griega", "greco", "greca", "yunanistan*", "yunan", "recko", "recku", "reck*"]),
        new("AT", ["austria", "austrian", "austriaco", "austriaca", "avusturya*", "rakousko", "rakousku", "rakousk*"]),
        new("NL", ["netherlands", "holland", "dutch", "paises baixos=2", "holanda", "paises bajos=2", "holandes", "neerlandes", "paesi bassi=2",
                   "olanda", "olandese", "hollanda*", "nizozemsko", "nizozemi", "nizozemsk*"]),
    ];

    public static IReadOnlyList<GazetteerEntry> Regions { get; } =
    [
        new("Norte", ["norte", "regiao norte=2", "north portugal=2", "northern portugal=2", "norte de portugal=3"], "PT"),
        new("Catalonia", ["catalonia", "catalunya", "cataluna", "catalogna", "katalonya*", "katalansk*", "katalonie", "katalonii", "catalan", "catalana"], "ES"),
        new("Valencia", ["valencia", "valencian", "valenciana", "comunitat valenciana=2", "comunidad valenciana=2", "valensiya*", "valencie", "valencii"], "ES"),
        new("Tuscany", ["tuscany", "toscana", "tuscan", "toskana*", "toskansk*", "toscane"], "IT"),
        new("Aegean", ["aegean", "ege", "egeo", "egeu", "egejsk*"], "TR"),
        new("Severovýchod", ["severovychod*", "north east czechia=3", "northeast czechia=2", "north east czech republic=4", "northeast czech republic=3",
                             "severovychodni cechy=2"], "CZ"),
    ];

    /// <summary>
    /// Cities of the partnership countries: every city of the partner regions (<c>PartnerGeography</c>, spelled as
    /// there — a test keeps the two together) and the large cities a traveller names. Matched without typos; the Czech
    /// case forms are names too ("do Bursy", "v Burse", "v Pratu", "v Barceloně", "z Ankary").
    /// </summary>
    public static IReadOnlyList<GazetteerEntry> Cities { get; } =
    [
        // Norte (PT)
        new("Vila Nova de Famalicão", ["vila nova de famalicao=4", "famalicao"], "PT"),
        new("Guimarães", ["guimaraes"], "PT"),
        new("Braga", ["braga", "bragy", "braze", "bragu"], "PT"),
        new("Barcelos", ["barcelos"], "PT"),
        new("Porto", ["porto", "oporto", "portu"], "PT"),
        new("Santo Tirso", ["santo tirso=2"], "PT"),
        // Catalonia and Valencia (ES)
        new("Terrassa", ["terrassa", "tarrasa", "terrassy", "terrasse", "terrassu"], "ES"),
        new("Sabadell", ["sabadell", "sabadellu", "sabadellem"], "ES"),
        new("Mataró", ["mataro"], "ES"),
        new("Igualada", ["igualada", "igualady", "igualade", "igualadu"], "ES"),
        new("Barcelona", ["barcelona", "barcellona", "barselona*", "barcelony", "barcelone", "barcelonu", "barcelonou"], "ES"),
        new("Manresa", ["manresa", "manresy", "manrese", "manresu"], "ES"),
        new("Ontinyent", ["ontinyent", "onteniente", "ontinyentu"], "ES"),
        new("Alcoi", ["alcoi", "alcoy"], "ES"),
        new("Cocentaina", ["cocentaina", "cocentainy", "cocentaine", "cocentainu"], "ES"),
        new("Bocairent", ["bocairent", "bocairentu"], "ES"),
        new("Valencia", ["valencia city=2", "ciudad de valencia=3", "cidade de valencia=3", "citta di valencia=3"], "ES"),
        new("Crevillent", ["crevillent", "crevillente", "crevillentu"], "ES"),
        // Tuscany (IT)
        new("Prato", ["prato", "pratu", "pratem"], "IT"),
        new("Firenze", ["firenze", "florence", "florenca", "florencia", "floransa*", "florencie", "florencii"], "IT"),
        new("Pistoia", ["pistoia", "pistoie", "pistoii", "pistoiu"], "IT"),
        new("Montemurlo", ["montemurlo"], "IT"),
        new("Empoli", ["empoli"], "IT"),
        new("Lucca", ["lucca", "luccy", "lucce", "luccu"], "IT"),
        // Aegean (TR)
        new("Denizli", ["denizli", "denizliye", "denizlide"], "TR"),
        new("İzmir", ["izmir*"], "TR"),
        new("Uşak", ["usak", "usaka", "usakta", "usaku", "usakem"], "TR"),
        new("Manisa", ["manisa*", "manisy", "manise", "manisu", "manisou"], "TR"),
        new("Aydın", ["aydin", "aydina", "aydinda", "aydinu", "aydinem"], "TR"),
        new("Buldan", ["buldan", "buldana", "buldanda", "buldanu", "buldanem"], "TR"),
        // Severovýchod (CZ)
        new("Liberec", ["liberec", "liberce", "liberci"], "CZ"),
        new("Hradec Králové", ["hradec kralove=2", "hradce kralove=2", "hradci kralove=2"], "CZ"),
        new("Náchod", ["nachod", "nachoda", "nachode"], "CZ"),
        new("Trutnov", ["trutnov", "trutnova", "trutnove"], "CZ"),
        new("Jablonec nad Nisou", ["jablonec nad nisou=3", "jablonce nad nisou=3", "jablonci nad nisou=3", "jablonec", "jablonce", "jablonci"], "CZ"),
        new("Dvůr Králové nad Labem", ["dvur kralove nad labem=4", "dvur kralove=2", "dvora kralove=2", "dvore kralove=2"], "CZ"),
        // Other cities of the five countries
        new("Lisbon", ["lisbon", "lisboa", "lisbona", "lizbon*", "lisabon*"], "PT"),
        new("Coimbra", ["coimbra"], "PT"),
        new("Aveiro", ["aveiro"], "PT"),
        new("Covilhã", ["covilha"], "PT"),
        new("Madrid", ["madrid*", "madri"], "ES"),
        new("Seville", ["seville", "sevilla", "sevilha", "siviglia", "sevilya*"], "ES"),
        new("Bilbao", ["bilbao"], "ES"),
        new("Zaragoza", ["zaragoza", "saragoza", "saragozza"], "ES"),
        new("Málaga", ["malaga"], "ES"),
        new("Alicante", ["alicante"], "ES"),
        new("Rome", ["rome", "roma", "rim", "rima", "rime"], "IT"),
        new("Milan", ["milan", "milano", "milao", "milana", "milane"], "IT"),
        new("Turin", ["turin", "torino", "turim", "turina", "turine"], "IT"),
        new("Naples", ["naples", "napoli", "napoles", "neapol*"], "IT"),
        new("Venice", ["venice", "venezia", "veneza", "venecia", "venedik*", "benatky", "benatek", "benatkach"], "IT"),
        new("Bologna", ["bologna", "bolonha", "bolonia", "bolonya*", "bolona", "boloni"], "IT"),
        new("Biella", ["biella"], "IT"),
        new("Istanbul", ["istanbul*", "istambul", "estambul", "instanbul"], "TR"),
        new("Ankara", ["ankara*", "ankary", "ankare", "ankaru"], "TR"),
        new("Bursa", ["bursa", "bursaya", "bursada", "bursadan", "bursy", "burse", "bursu", "bursou"], "TR"),
        new("Gaziantep", ["gaziantep*"], "TR"),
        new("Kayseri", ["kayseri*"], "TR"),
        new("Prague", ["prague", "praga", "praha", "prahy", "praze", "prahu", "prag"], "CZ"),
        new("Brno", ["brno", "brna", "brne"], "CZ"),
        new("Ostrava", ["ostrava", "ostravy", "ostrave", "ostravu"], "CZ"),
        new("Plzeň", ["plzen", "plzne", "plzni", "pilsen"], "CZ"),
        new("Zlín", ["zlin", "zlina", "zline"], "CZ"),
    ];

    public static IReadOnlyList<GazetteerEntry> OrganisationKinds { get; } =
    [
        new("SME", ["sme", "smes", "pme", "pmes", "pyme", "pymes", "pmi", "kobi", "kobiler", "msp", "small business*", "small company", "small companies"]),
        new("Cluster", ["cluster*", "klaster*", "kume"]),
        new("RTO", ["rto", "rtos", "technology centre=2", "technology center=2", "technology centres=2", "research centre=2", "research center=2",
                    "research institute=2", "research organisation=2", "research organization=2", "centro tecnologico=2", "centros tecnologicos=2",
                    "centro de investigacao=2", "centro de investigacion=2", "centro di ricerca=2", "centri di ricerca=2", "centro tecnologico",
                    "teknoloji merkezi=2", "arastirma merkezi=2", "teknoloji merkezleri=2", "arastirma merkezleri=2", "vyzkumna organizace=2", "technologicke centrum=2", "vyzkumny ustav=2", "vyzkumne centrum=2"]),
        new("University", ["universit*", "univerzit*", "universite*", "college"]),
        new("Accelerator", ["accelerator*", "incubator*", "dih", "digital innovation hub=3", "acelerador*", "incubadora*", "acceleratore", "incubatore",
                            "hizlandirici", "kulucka*", "akcelerator*", "inkubator*"]),
        new("Facility", ["facility", "facilities", "lab", "labs", "laborator*", "laboratuvar*", "pilot plant=2", "test centre=2", "testing centre=2"]),
        new("LargeCompany", ["large company=2", "large companies=2", "large enterprise*=2", "big company=2", "grande empresa=2", "grandes empresas=2",
                             "grande impresa=2", "grande azienda=2", "grandi aziende=2", "buyuk sirket*=2", "buyuk firma*=2", "velka firma=2",
                             "velky podnik=2", "velka spolecnost=2"]),
    ];

    public static IReadOnlyList<GazetteerEntry> Topics { get; } =
    [
        new("sustainability", ["sustainability", "sustainable", "sustentabilidade", "sostenibilidad", "sostenibilita", "surdurulebilirlik*", "udrzitelnost*"]),
        new("circular economy", ["circular economy", "circularity", "economia circular", "economia circolare", "dongusel ekonomi", "cirkularni ekonomik*",
                                 "obehove hospodarstvi", "obehovem hospodarstvi"]),
        new("digitalisation", ["digitalisation", "digitalization", "digitalizacao", "digitalizacion", "digitalizzazione", "dijitallesme", "dijitalizasyon",
                               "digitalizace", "digitalizaci", "industry 4 0"]),
        new("smart textiles", ["smart textile*", "texteis inteligentes", "textiles inteligentes", "tessili intelligenti", "akilli tekstil*", "chytre textilie",
                               "chytrych textilii"]),
        new("technical textiles", ["technical textile*", "texteis tecnicos", "textiles tecnicos", "tessili tecnici", "teknik tekstil*", "technicke textilie",
                                   "technickych textilii"]),
        new("internationalisation", ["internationalisation", "internationalization", "internacionalizacao", "internacionalizacion", "internazionalizzazione",
                                     "uluslararasilasma", "internacionalizace", "internacionalizaci"]),
        new("innovation management", ["innovation management", "managing innovation", "gestao da inovacao", "gestion de la innovacion", "gestione dell innovazione",
                                      "gestione dell'innovazione", "inovasyon yonetimi", "rizeni inovaci"]),
        new("funding", ["funding", "financing", "grants", "financiamento", "financiacion", "financiamiento", "finanziamenti", "finanziamento", "finansman", "hibe*",
                        "financovani", "dotace"]),
    ];
}
