namespace HiTechTex.Bot.Language.Vocabulary;

/// <summary>
/// The words of the role commands in EN, PT, ES, IT, TR and CS, by what they mean (<see cref="Phrase"/> syntax). A
/// role command is asked for when the text has a word of every group of one of its rules, in any order
/// (<see cref="RoleCommandRecognizer"/>): "candidaturas pendentes" (pending + application), "how many exchanges so far"
/// (progress + exchange), "descargar los intercambios en csv" (export + exchange).
/// </summary>
internal static class RoleCommandWords
{
    public static readonly string[] Pending =
    [
        "pending", "awaiting", "waiting", "outstanding", "to approve=2", "to decide=2",
        "pendente*", "por aprovar=2", "a aguardar=2", "em espera=2", "por decidir=2",
        "pendiente*", "por aprobar=2", "en espera=2", "por decidir",
        "in sospeso=2", "sospes*", "da approvare=2", "in attesa=2", "da decidere=2",
        "bekleyen", "bekliyor", "onay bekleyen=2",
        "cekajici", "ceka*", "ke schvaleni=2", "nevyrizen*",
    ];

    public static readonly string[] Approve =
    [
        "approv*", "aprovar", "aprovad*", "aprovac*", "aprob*", "onay*", "schval*",
    ];

    public static readonly string[] Application =
    [
        // Not "request"/"pedidos": an introduction request is one's own, and "waiting for my request" no approval.
        "application*",
        "candidatura", "candidaturas",
        "solicitud*", "postulacion*",
        "candidature", "domande",
        "basvuru*",
        "prihlask*", "zadost*", "zadosti",
    ];

    public static readonly string[] Exchange =
    [
        "exchange*", "secondment*", "mobility",
        "intercambio*", "mobilidade",
        "movilidad",
        "scambi*", "mobilita",
        "degisim*",
        "vymen*", "mobilit*",
    ];

    /// <summary>
    /// Stuck: "show me the stuck applications", "quais candidaturas estão bloqueadas?", "solicitudes atascadas",
    /// "candidature bloccate", "takılan başvurular", "zaseknuté žádosti" (with an application or exchange word).
    /// </summary>
    public static readonly string[] Stuck =
    [
        "stuck", "blocked", "undelivered",
        "bloquead*", "encalhad*",
        "atascad*", "estancad*",
        "bloccat*", "incagliat*",
        "takilan", "takili", "takildi", "takilmis", "bloke*",
        "zaseknut*", "zasekl*", "uvizl*", "blokovan*",
    ];

    public static readonly string[] Progress =
    [
        // "How many" only with the exchanges counted: "how many days does an exchange last?" asks about the rules.
        "progress*", "how many exchanges=3", "so far=2", "statistic*", "stats", "overview", "dashboard", "figures",
        "andamento", "quantos intercambios=2", "ate agora=2", "estatistica*", "ponto de situacao=3", "balanco",
        "progreso", "avance*", "cuantos intercambios=2", "hasta ahora=2", "estadistica*", "resumen",
        "avanzamento", "quanti scambi=2", "finora", "statistich*", "riepilogo",
        "ilerleme*", "kac degisim=2", "simdiye kadar=2", "istatistik*", "ozet",
        "postup", "kolik vymen=2", "zatim", "statistik*", "prehled",
    ];

    public static readonly string[] Export =
    [
        "export*", "download*", "excel", "csv", "spreadsheet",
        "exportar", "descarregar", "baixar", "folha de calculo=2",
        "descargar", "hoja de calculo=2",
        "esporta*", "scarica*", "foglio di calcolo=2",
        "disa aktar=2", "aktar", "indir*", "tablo*",
        "exportovat", "exportuj", "stahnout", "stahni", "tabulk*",
    ];

    public static readonly string[] Members =
    [
        "member*", "membro*", "miembro*", "membri", "uye*", "clen*",
    ];

    public static readonly string[] Manage =
    [
        "manage", "edit", "add", "update", "change",
        "gerir", "gerenciar", "editar", "adicionar", "atualizar", "alterar",
        "gestionar", "anadir", "agregar", "actualizar", "cambiar",
        "gestire", "gestisci", "modifica*", "aggiung*", "aggiorna*",
        "yonet*", "duzenle*", "ekle*", "guncelle*", "degistir*",
        "spravovat", "sprava", "spravuj", "upravit", "uprav", "pridat", "pridej", "aktualizovat",
    ];

    public static readonly string[] Create =
    [
        // Verbs only: "any new sessions?" asks for the catalogue ("new session" itself is a typed command).
        "create", "add", "set up", "organise", "organize",
        "criar", "adicionar", "organizar",
        "crear", "anadir",
        "crea", "creare", "aggiung*", "organizza*",
        "olustur*", "ekle*", "duzenle*",
        "vytvor*", "pridat", "pridej", "zorganizovat",
    ];

    public static readonly string[] Session =
    [
        "session*", "workshop*", "webinar*",
        "sessao", "sessoes",
        "sesion", "sesiones", "taller*",
        "sessione", "sessioni",
        "oturum*", "seans*", "atolye*",
        "setkani", "sezeni", "skoleni",
    ];

    public static readonly string[] Import =
    [
        "import*", "upload*", "bulk",
        "importar", "carregar",
        "cargar", "subir",
        "importa*", "caricare", "carica",
        "ice aktar=2", "yukle*",
        "importovat", "importuj", "nahrat",
    ];

    /// <summary>A form to fill in: "download the application form" is no export.</summary>
    public static readonly string[] Form =
    [
        "form", "forms", "formulario", "formularios", "modulo", "moduli", "modul", "formular", "formulare", "sablon*",
    ];

    /// <summary>A calendar: "add the session to my calendar" is no new session.</summary>
    public static readonly string[] Calendar =
    [
        "calendar*", "calendario", "agenda", "takvim*", "kalendar*", "outlook",
    ];

    /// <summary>
    /// Booking words: "book a new session", "quero marcar uma nova sessão" are a participant's, never the coordinator's
    /// new-session form.
    /// </summary>
    public static readonly string[] Book =
    [
        "book", "booking", "register", "sign up=2", "enrol*", "join", "attend",
        "marcar", "reservar", "inscrever*", "participar",
        "apuntar*", "inscribir*", "asistir",
        "prenota*", "iscriver*", "partecipare",
        "kaydol*", "rezerv*", "katil*",
        "rezervovat", "prihlasit*", "zucastnit*",
    ];
}
