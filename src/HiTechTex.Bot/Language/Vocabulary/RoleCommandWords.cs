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
        "application*", "request*",
        "candidatura", "candidaturas", "pedidos",
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

    public static readonly string[] Progress =
    [
        "progress*", "how many=2", "so far=2", "statistic*", "stats", "overview", "dashboard", "figures",
        "andamento", "quantos", "quantas", "ate agora=2", "estatistica*", "ponto de situacao=3", "balanco",
        "progreso", "avance*", "cuantos", "cuantas", "hasta ahora=2", "estadistica*", "resumen",
        "avanzamento", "quanti", "quante", "finora", "statistich*", "riepilogo",
        "ilerleme*", "kac", "simdiye kadar=2", "istatistik*", "ozet",
        "postup", "kolik", "zatim", "statistik*", "prehled",
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
        "new", "create", "add", "set up", "organise", "organize",
        "nova", "novo", "criar", "adicionar", "organizar",
        "nueva", "nuevo", "crear", "anadir",
        "nuova", "nuovo", "crea", "creare", "aggiung*", "organizza*",
        "yeni", "olustur*", "ekle*", "duzenle*",
        "nove", "novy", "vytvor*", "pridat", "pridej", "zorganizovat",
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
