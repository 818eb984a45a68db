namespace HiTechTex.Bot.Language.Vocabulary;

internal static class Czech
{
    public static LanguageVocabulary Vocabulary { get; } = new(
        "cs",
        new Dictionary<Intent, string[]>
        {
            [Intent.FindPartners] = ["najit", "najdi", "najdete", "hledam", "hledame", "hledat", "partner*", "spoluprac*", "potrebuji", "potrebuju"],
            [Intent.ApplyForExchange] = ["clusterxchange=2", "vymen*", "podat prihlasku=3", "vyplnit prihlask*=3", "podat zadost*=3", "prihlaska=0.5", "prihlasku=0.5", "zazadat", "pozadat", "mobilit*", "staz*", "navstivit", "navsteva", "navstevu"],
            [Intent.RegisterForCoaching] = ["prihlasit*", "registrovat*", "koucink*", "kouc", "mentoring", "skoleni", "workshop*", "webinar*", "rezervovat setkani=3", "setkani", "sezeni"],
            [Intent.MyApplications] = ["moje prihlasky", "me prihlasky", "moje zadosti", "stav prihlasky", "moji prihlasku", "mou prihlasku", "me zadosti", "zrusit zadost=3", "zrusit prihlasku=3", "stahnout zadost=3", "stahnout prihlasku=3", "zrus zadost=3", "stahni zadost=3"],
            [Intent.MySessions] = ["moje sezeni", "moje schuzky", "moje lekce", "moje registrace", "moje koucinky", "dalsi sezeni", "moji registraci", "mou registraci", "moje skoleni", "moje setkani", "moje rezervace", "moji rezervaci", "mou rezervaci", "me rezervace", "svou rezervaci", "svoji rezervaci", "me sezeni", "me registrace"],
            [Intent.Help] = ["pomoc", "pomozte", "pomoz", "napoveda", "co umis=3"],
            [Intent.Cancel] = ["zrusit=2", "zrus=2", "konec=2", "storno=2", "nech to byt=2"],
        },
        ["ja", "me", "mi", "muj", "moje", "moji", "my", "nas", "nase", "a", "nebo", "v", "ve", "na", "do", "z", "ze", "s", "se", "k",
         "pro", "o", "od", "po", "pri", "za", "je", "jsou", "chci", "chtel", "chtela", "bych", "prosim", "nejaky", "nejakou", "nejakou",
         "kde", "ktery", "ktera", "ukaz", "ukazte", "ahoj", "dekuji", "diky", "dobry", "den", "jak", "se", "mas", "firma", "firmu",
         "spolecnost", "tema", "ohledne", "to", "ten", "ta", "si", "nejake", "nejaka", "existuje", "existuji",
         "jsem", "jsme", "jste", "jsi", "byl", "byla", "bylo", "byli", "bychom", "mam", "mame", "kdy", "kdyz", "ktere", "kteri", "take", "tak", "jeste", "nam", "vam", "vas", "svuj", "svou", "svoji", "sve", "mou", "aby", "ale", "jako", "jen", "velmi", "kolem", "u", "pred", "pres", "bez", "podle", "behem", "oblast", "oblasti"],
        // The short forms are the ones the bot's own cards print ("čt 3. pro 2026").
        ["leden|ledna|lednu|led", "unor|unora|unoru|uno", "brezen|brezna|breznu|bre", "duben|dubna|dubnu|dub", "kveten|kvetna|kvetnu|kve",
         "cerven|cervna|cervnu|cvn", "cervenec|cervence|cervenci|cvc", "srpen|srpna|srpnu|srp", "zari|zar", "rijen|rijna|rijnu|rij",
         "listopad|listopadu|lis", "prosinec|prosince|prosinci|pro"],
        ["dnes", "dneska"],
        ["zitra"],
        ["pozitri"],
        ["o", "ohledne", "tema"],
        Declines: ["nechci", "nepotrebuji", "nepotrebuju", "nemam zajem"],
        MonthPrepositions: ["v"],
        PlacePrepositions: ["v", "ve", "na"],
        Travel: ["jet", "jet do", "odjet", "vyjet", "pojedu", "cestovat", "cesta do", "stravit tyden=2", "stravit", "stravil", "stravila", "praxe", "staz*"],
        Hosting: ["hostit", "hostovat", "hostili", "prijmout navstev*", "prijmout hosta", "prijmout stazist*", "prijmeme navstev*", "prijmeme stazist*",
                  "byt hostitel*", "jako hostitel*"],
        CancelAlone: ["konec"],
        Bookings: ["rezervac*", "registrac*", "sezeni", "setkani", "lekc*", "skoleni", "workshop*", "webinar*", "koucink*"],
        Applications: ["prihlask*", "zadost*", "vymen*", "staz*", "navstev*"],
        Weekdays: ["pondeli", "utery", "streda", "stredu", "ctvrtek", "patek", "sobota", "sobotu", "nedele", "nedeli"],
        // Czech beside Turkish when typed without diacritics: "chci", "jsem", the one-letter prepositions, "-ovat", "-ých".
        Detection: ["chci=2", "chtel=2", "chtela=2", "jsem=2", "bych=2", "je=1.5", "v=1.5", "ve=1", "s=1", "z=1", "k=1", "se=1",
                    "na=0.5", "jak=1.5", "kdy=1.5", "kde=1.5", "co=1", "mate=1", "mas=0.3", "jet=1", "dekuji=2", "ahoj=1.5", "prosim=2",
                    "dalsi=1.5", "muj=1.5", "moje=1.5", "moji=1.5", "mou=1.5", "me=0.3", "nas=0.5", "pristi=1.5", "tydny=1.5", "tyden=1.5",
                    "ktera=1.5", "ktery=1.5", "kteri=1.5", "nemuzu=1.5", "muzeme=1.5",
                    "pondeli=1.5", "utery=1.5", "streda=1.5", "ctvrtek=1.5", "patek=1.5", "sobota=1.5", "nedele=1.5", "vecer=1.5", "dobry=1", "patecni=1.5",
                    // "firmy mimo Itálii" (outside Italy): no other word of one language, read as no language.
                    "mimo=1"],
        DetectionEndings: ["ovat=1.5", "ych=1.5", "eni=1", "ujeme=1", "ujete=1", "nou=0.5", "sku=0.5"],
        DetectionLetters: ["ř=3", "ě=3", "ů=3", "č=2", "š=2", "ž=2", "ý=2", "ň=2", "ť=2", "ď=2"]);
}
