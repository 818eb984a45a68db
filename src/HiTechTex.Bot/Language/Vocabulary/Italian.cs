namespace HiTechTex.Bot.Language.Vocabulary;

internal static class Italian
{
    public static LanguageVocabulary Vocabulary { get; } = new(
        "it",
        new Dictionary<Intent, string[]>
        {
            [Intent.FindPartners] = ["cercare", "cerco", "cerca", "cercando", "trovare", "trova", "partner", "collaborator*", "ho bisogno di=3", "chi puo"],
            [Intent.ApplyForExchange] = ["candidar*", "fare domanda=2", "scambio", "scambi", "mobilita", "visitare", "visita", "visite"],
            [Intent.RegisterForCoaching] = ["iscriver*", "registrar*", "coaching", "mentoring", "formazione", "sessione di coaching=3", "prenota una sessione=3", "prenotare una sessione=3", "sessione", "sessioni"],
            [Intent.MyApplications] = ["mie candidature", "mia candidatura", "mie domande", "stato della candidatura=3", "ritirare la candidatura=3", "ritirare candidatura=3", "ritira la candidatura=3", "annullare la candidatura=3", "annulla la candidatura=3"],
            [Intent.MySessions] = ["mie sessioni", "mia sessione", "mie iscrizioni", "prossima sessione", "prossime sessioni", "mia iscrizione", "mia prenotazione", "mie prenotazioni"],
            [Intent.Help] = ["aiuto", "aiutami", "cosa puoi fare=3", "che cosa sai fare=3"],
            [Intent.Cancel] = ["annulla=2", "annullare=2", "basta=2", "esci=2", "lascia perdere=2"],
        },
        ["io", "mi", "mio", "mia", "miei", "mie", "noi", "nostro", "nostra", "il", "lo", "la", "i", "gli", "le", "un", "uno", "una",
         "di", "del", "della", "dello", "dei", "delle", "in", "nel", "nella", "per", "con", "e", "o", "che", "si", "al", "alla",
         "voglio", "vorrei", "puoi", "può", "favore", "qualche", "dove", "quale", "quali", "mostra", "mostrami", "vedere", "ciao",
         "grazie", "buongiorno", "come", "stai", "sta", "azienda", "su", "sul", "sulla", "ho", "bisogno", "un'", "c'e", "e'", "ci", "sono", "esiste", "esistono", "qualcuno"],
        ["gennaio|gen", "febbraio|feb", "marzo|mar", "aprile|apr", "maggio|mag", "giugno|giu", "luglio|lug", "agosto|ago",
         "settembre|set", "ottobre|ott", "novembre|nov", "dicembre|dic"],
        ["oggi"],
        ["domani"],
        ["dopodomani", "dopo domani"],
        ["su", "sul", "sulla", "sullo", "sui", "sugli", "sulle", "riguardo"],
        Declines: ["non voglio", "non ho bisogno", "non mi interessa"],
        MonthPrepositions: ["in", "a"],
        Travel: ["andare", "vado", "viaggiare", "viaggio", "recarmi", "trascorrere", "passare una settimana", "tirocinio", "stage"],
        Hosting: ["ospitare", "ospitiamo", "ospiteremmo", "ospiteremo", "accogliere", "accogliamo", "accoglieremmo", "accoglieremo",
                  "ricevere un visitatore", "ricevere visitatori", "ricevere una visita", "fare da ospitante", "fare da host"],
        CancelAlone: ["esci"]);
}
