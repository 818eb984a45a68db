namespace HiTechTex.Bot.Language.Vocabulary;

internal static class Spanish
{
    public static LanguageVocabulary Vocabulary { get; } = new(
        "es",
        new Dictionary<Intent, string[]>
        {
            [Intent.FindPartners] = ["buscar", "busco", "busca", "buscando", "encontrar", "encuentra", "socio*", "colaborador*", "necesito un", "necesito una", "quien puede"],
            [Intent.ApplyForExchange] = ["clusterxchange=2", "solicitar", "hacer la solicitud=2", "hacer una solicitud=2", "presentar la solicitud=2", "presentar una solicitud=2", "rellenar la solicitud=2", "postular*", "intercambio*", "movilidad", "aplicar", "visitar", "visita", "visitas"],
            [Intent.RegisterForCoaching] = ["inscribir*", "registrar*", "apuntar*", "coaching", "mentoria", "formacion", "taller*", "webinar*", "reservar una sesion=3", "sesion", "sesiones"],
            [Intent.MyApplications] = ["mis solicitudes", "mi solicitud", "estado de mi solicitud=3", "mis postulaciones", "retirar solicitud=3", "retirar la solicitud=3", "cancelar solicitud=3", "cancelar la solicitud=3"],
            [Intent.MySessions] = ["mis sesiones", "mi sesion", "mis inscripciones", "proxima sesion", "proximas sesiones", "mis talleres", "mi inscripcion", "mi reserva", "mis reservas"],
            [Intent.Help] = ["ayuda", "ayudame", "que puedes hacer=3", "que sabes hacer=3"],
            [Intent.Cancel] = ["cancelar=2", "cancela=2", "parar=2", "salir=2", "olvidalo=2", "dejalo=2"],
        },
        ["yo", "me", "mi", "mis", "nosotros", "nuestro", "nuestra", "el", "la", "los", "las", "un", "una", "unos", "unas",
         "de", "del", "en", "para", "por", "con", "y", "o", "que", "se", "al", "lo", "le", "quiero", "quisiera", "puedes", "puede",
         "favor", "algun", "alguna", "donde", "cual", "cuales", "muestra", "mostrar", "ver", "hola", "gracias", "buenos", "dias",
         "como", "estas", "esta", "usted", "empresa", "sobre", "necesito", "hay", "es", "tal", "existe", "existen", "alguien",
         "gustaria", "gustarian", "gusta", "cuando", "son", "soy", "somos", "estoy", "estamos", "ser", "estar", "tener", "tengo", "tenemos", "tienen", "tenga", "tengan", "sea", "sean", "muy", "mas", "tambien", "este", "ese", "esa", "nos", "su", "sus", "queremos", "necesitamos", "podria"],
        ["enero|ene", "febrero|feb", "marzo|mar", "abril|abr", "mayo|may", "junio|jun", "julio|jul", "agosto|ago",
         "septiembre|setiembre|sep|sept", "octubre|oct", "noviembre|nov", "diciembre|dic"],
        ["hoy"],
        ["manana"],
        ["pasado manana"],
        ["sobre", "acerca"],
        Declines: ["no quiero", "no necesito", "no me interesa", "no tengo interes"],
        MonthPrepositions: ["en"],
        PlacePrepositions: ["en"],
        Travel: ["ir a", "irme a", "ir de", "irme de", "salir a", "vamos a", "voy a", "vamos para", "salir para", "salir hacia", "viajar", "viaje", "desplazarme", "pasar", "estancia", "pasantia", "practicas"],
        Hosting: ["acoger", "acogemos", "acogeriamos", "acogeremos", "recibir a un visitante", "recibir un visitante", "recibir visitantes",
                  "recibir a visitantes", "recibir una visita", "ser anfitrion*", "ser anfitriona*", "como anfitrion*"],
        CancelAlone: ["salir"],
        Bookings: ["reserva", "reservas", "inscripcion", "inscripciones", "sesion", "sesiones", "taller*", "webinar*", "coaching*", "mentoria*", "formacion"],
        Applications: ["solicitud*", "postulacion*", "intercambio*", "visita", "visitas", "movilidad"],
        Weekdays: ["lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "sabados", "domingos"],
        // Spanish beside Portuguese and Italian: "quiero", "el", "los", "las", "y", "del", "ción", "ñ"; "fuera" (Portuguese
        // "fora": "empresas fuera de Italia" shares its other words with Portuguese, and was read as Portuguese); "excepto"
        // (Portuguese "exceto": "empresas excepto Italia" had no word of one language, and no language at all).
        Detection: ["quiero=2", "el=2", "los=2", "las=1.5", "y=1.5", "del=1", "dos=0.5", "mis=1.5", "necesito=1.5", "tengo=1.5", "hay=1.5",
                    "queria=0.5", "quisiera=2", "gustaria=1.5", "puedes=1.5", "hacer=1.5", "tambien=1.5", "muy=1.5", "estoy=1.5", "somos=0.5",
                    "semanas=0.5", "mes=0.5", "proximo=0.5", "proxima=0.5", "mas=0.5", "donde=1", "cual=1", "cuales=1.5", "tienen=1.5",
                    "eso=1.5", "esto=1.5", "cerca=1", "mayo=1", "hola=1.5", "gracias=1.5", "durante=0.3", "trabajen=1.5", "encuentro=1",
                    "lunes=1.5", "martes=1", "miercoles=1.5", "jueves=1.5", "viernes=1.5", "sabado=0.5", "domingo=0.5", "buenas=1.5", "tardes=1", "tarde=0.5", "noches=1.5",
                    "fuera=1.5", "excluyendo=1.5", "excepto=1"],
        DetectionEndings: ["cion=1.5", "ciones=1.5", "dad=1", "miento=1.5", "mientos=1.5"],
        DetectionLetters: ["ñ=3"]);
}
