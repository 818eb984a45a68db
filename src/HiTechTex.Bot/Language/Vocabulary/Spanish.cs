namespace HiTechTex.Bot.Language.Vocabulary;

internal static class Spanish
{
    public static LanguageVocabulary Vocabulary { get; } = new(
        "es",
        new Dictionary<Intent, string[]>
        {
            [Intent.FindPartners] = ["buscar", "busco", "busca", "buscando", "encontrar", "encuentra", "socio*", "colaborador*", "necesito un", "necesito una", "quien puede"],
            [Intent.ApplyForExchange] = ["solicitar", "postular*", "intercambio*", "movilidad", "aplicar", "visitar", "visita", "visitas"],
            [Intent.RegisterForCoaching] = ["inscribir*", "registrar*", "apuntar*", "coaching", "mentoria", "formacion", "taller*", "reservar una sesion=3", "sesion", "sesiones"],
            [Intent.MyApplications] = ["mis solicitudes", "mi solicitud", "estado de mi solicitud=3", "mis postulaciones", "retirar solicitud=3", "retirar la solicitud=3", "cancelar solicitud=3", "cancelar la solicitud=3"],
            [Intent.MySessions] = ["mis sesiones", "mi sesion", "mis inscripciones", "proxima sesion", "proximas sesiones", "mis talleres", "mi inscripcion", "mi reserva", "mis reservas"],
            [Intent.Help] = ["ayuda", "ayudame", "que puedes hacer=3", "que sabes hacer=3"],
            [Intent.Cancel] = ["cancelar=2", "cancela=2", "parar=2", "salir=2", "olvidalo=2", "dejalo=2"],
        },
        ["yo", "me", "mi", "mis", "nosotros", "nuestro", "nuestra", "el", "la", "los", "las", "un", "una", "unos", "unas",
         "de", "del", "en", "para", "por", "con", "y", "o", "que", "se", "al", "lo", "le", "quiero", "quisiera", "puedes", "puede",
         "favor", "algun", "alguna", "donde", "cual", "cuales", "muestra", "mostrar", "ver", "hola", "gracias", "buenos", "dias",
         "como", "estas", "esta", "usted", "empresa", "sobre", "necesito", "hay", "es", "tal", "existe", "existen", "alguien"],
        ["enero|ene", "febrero|feb", "marzo|mar", "abril|abr", "mayo|may", "junio|jun", "julio|jul", "agosto|ago",
         "septiembre|setiembre|sep|sept", "octubre|oct", "noviembre|nov", "diciembre|dic"],
        ["hoy"],
        ["manana"],
        ["pasado manana"],
        ["sobre", "acerca"],
        Declines: ["no quiero", "no necesito", "no me interesa", "no tengo interes"],
        MonthPrepositions: ["en"],
        Travel: ["ir a", "irme a", "salir a", "vamos a", "voy a", "vamos para", "salir para", "salir hacia", "viajar", "viaje", "desplazarme", "pasar una semana", "pasar dos semanas", "estancia", "pasantia", "practicas"],
        Hosting: ["acoger", "acogemos", "acogeriamos", "acogeremos", "recibir a un visitante", "recibir un visitante", "recibir visitantes",
                  "recibir a visitantes", "recibir una visita", "ser anfitrion*", "ser anfitriona*", "como anfitrion*"],
        CancelAlone: ["salir"]);
}
