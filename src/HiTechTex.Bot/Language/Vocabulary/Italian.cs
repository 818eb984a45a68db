namespace HiTechTex.Bot.Language.Vocabulary;

internal static class Italian
{
    public static LanguageVocabulary Vocabulary { get; } = new(
        "it",
        new Dictionary<Intent, string[]>
        {
            [Intent.FindPartners] = ["cercare", "cerco", "cerca", "cercando", "trovare", "trova", "partner", "collaborator*", "ho bisogno di=3", "chi puo"],
            [Intent.ApplyForExchange] = ["clusterxchange=2", "candidar*", "fare domanda=2", "presentare domanda=2", "presentare la domanda=2", "compilare la domanda=2", "scambio", "scambi", "mobilita", "visitare", "visita", "visite"],
            [Intent.RegisterForCoaching] = ["iscriver*", "registrar*", "coaching", "mentoring", "formazione", "workshop*", "webinar*", "sessione di coaching=3", "prenota una sessione=3", "prenotare una sessione=3", "sessione", "sessioni"],
            [Intent.MyApplications] = ["mie candidature", "mia candidatura", "mie domande", "stato della candidatura=3", "ritirare la candidatura=3", "ritirare candidatura=3", "ritira la candidatura=3", "annullare la candidatura=3", "annulla la candidatura=3"],
            [Intent.MySessions] = ["mie sessioni", "mia sessione", "mie iscrizioni", "prossima sessione", "prossime sessioni", "mia iscrizione", "mia prenotazione", "mie prenotazioni"],
            [Intent.Help] = ["aiuto", "aiutami", "cosa puoi fare=3", "che cosa sai fare=3"],
            [Intent.Cancel] = ["annulla=2", "annullare=2", "basta=2", "esci=2", "lascia perdere=2"],
        },
        ["io", "mi", "mio", "mia", "miei", "mie", "noi", "nostro", "nostra", "il", "lo", "la", "i", "gli", "le", "un", "uno", "una",
         "di", "del", "della", "dello", "dei", "delle", "in", "nel", "nella", "per", "con", "e", "o", "che", "si", "al", "alla",
         "voglio", "vorrei", "puoi", "può", "favore", "qualche", "dove", "quale", "quali", "mostra", "mostrami", "vedere", "ciao",
         "grazie", "buongiorno", "come", "stai", "sta", "azienda", "su", "sul", "sulla", "ho", "bisogno", "un'", "c'e", "e'", "ci", "sono", "esiste", "esistono", "qualcuno",
         "sull", "dell", "nell", "all", "dall", "quando", "hanno", "ha", "abbiamo", "siamo", "sia", "siano", "abbia", "abbiano", "degli", "negli", "nei", "nelle", "nello", "agli", "ai", "alle", "allo", "dal", "dalla", "dai", "dagli", "dalle", "sullo", "sui", "sugli", "sulle", "anche", "molto", "piu", "questo", "questa", "quello", "quella", "vorremmo", "vogliamo"],
        ["gennaio|gen", "febbraio|feb", "marzo|mar", "aprile|apr", "maggio|mag", "giugno|giu", "luglio|lug", "agosto|ago",
         "settembre|set", "ottobre|ott", "novembre|nov", "dicembre|dic"],
        ["oggi"],
        ["domani"],
        ["dopodomani", "dopo domani"],
        ["su", "sul", "sulla", "sullo", "sui", "sugli", "sulle", "riguardo"],
        Declines: ["non voglio", "non ho bisogno", "non mi interessa"],
        MonthPrepositions: ["in", "a"],
        PlacePrepositions: ["in", "nel", "nella"],
        Travel: ["andare", "vado", "viaggiare", "viaggio", "recarmi", "trascorrere", "passare", "tirocinio", "stage"],
        Hosting: ["ospitare", "ospitiamo", "ospiteremmo", "ospiteremo", "accogliere", "accogliamo", "accoglieremmo", "accoglieremo",
                  "ricevere un visitatore", "ricevere visitatori", "ricevere una visita", "fare da ospitante", "fare da host"],
        CancelAlone: ["esci"],
        Bookings: ["prenotazion*", "iscrizion*", "sessione", "sessioni", "workshop*", "webinar*", "coaching*", "mentoring", "formazione"],
        Applications: ["candidatur*", "domanda", "domande", "scambio", "scambi", "visita", "visite", "mobilita"],
        Weekdays: ["lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica", "sabati", "domeniche"],
        // Italian beside Spanish and Portuguese: "voglio", "il", "gli", "settimane", "zione"; "c'è", "sull'", "dell'" split at the apostrophe.
        Detection: ["voglio=2", "vorrei=2", "il=2", "gli=2", "settimana=1.5", "settimane=2", "due=1", "sono=1.5", "non=1.5", "della=1.5",
                    "delle=1.5", "degli=1.5", "dei=1.5", "che=1.5", "per=1.5", "di=1.5", "ho=1", "qualche=1.5", "c=1", "l=1", "sull=1.5",
                    "dell=1.5", "nell=1.5", "all=0.5", "dall=1.5", "mio=1.5", "mia=1", "mie=1.5", "miei=1.5", "anche=1.5", "molto=1.5",
                    "fare=1", "cosa=1", "qual=0.5", "vicino=1.5", "prossimo=1.5", "prossima=1.5", "prossimi=1.5", "prossime=1.5", "mese=1.5",
                    "durante=0.3", "avete=1.5", "perche=1.5", "trovo=1", "grazie=1.5", "ciao=1.5", "tutto=1.5",
                    "lunedi=1.5", "martedi=1.5", "mercoledi=1.5", "giovedi=1.5", "venerdi=1.5", "sabato=1", "domenica=1.5", "buonasera=2", "buonanotte=2",
                    // "solo aziende in Italia": "solo" is Spanish too and "in" English, the nouns for companies and "soltanto" say Italian.
                    "aziende=2", "azienda=1.5", "imprese=1.5", "soltanto=2",
                    // "solo produttori in Italia", "solo fornitori in Italia", "solo venditori in Italia": the companies named by what
                    // they do say it as well.
                    "produttori=2", "produttore=1.5", "fornitori=2", "fornitore=1.5", "fabbricanti=2", "costruttori=1.5", "venditori=2",
                    "venditore=1.5",
                    // "attori chiave in Italia", "operatori del settore in Italia": the people at organisations say it too.
                    "attori=2", "chiave=2", "operatori=2", "settore=1.5"],
        DetectionEndings: ["zione=1.5", "zioni=1.5", "ggio=1", "cchi=1", "gli=1", "mento=0.5"],
        DetectionLetters: ["è=3", "ì=3", "ò=3", "ù=3", "à=1"]);
}
