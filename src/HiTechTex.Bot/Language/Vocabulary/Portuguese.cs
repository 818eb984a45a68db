namespace HiTechTex.Bot.Language.Vocabulary;

internal static class Portuguese
{
    public static LanguageVocabulary Vocabulary { get; } = new(
        "pt",
        new Dictionary<Intent, string[]>
        {
            [Intent.FindPartners] = ["procurar", "procuro", "procura", "encontrar", "encontra", "buscar", "parceir*", "parceria*", "preciso de", "quem pode", "pesquisar"],
            [Intent.ApplyForExchange] = ["candidatar*", "intercambio*", "mobilidade", "pedir intercambio=3", "visitar", "visita", "visitas"],
            [Intent.RegisterForCoaching] = ["inscrever*", "registar*", "registrar*", "coaching", "mentoria", "formacao", "workshop*", "sessao de coaching=3", "marcar uma sessao=3", "reservar uma sessao=3", "sessao", "sessoes"],
            [Intent.MyApplications] = ["minhas candidaturas", "minha candidatura", "meus pedidos", "estado da candidatura=3", "as minhas candidaturas=3", "retirar candidatura=3", "retirar a candidatura=3", "cancelar candidatura=3", "cancelar a candidatura=3"],
            [Intent.MySessions] = ["minhas sessoes", "minha sessao", "minhas inscricoes", "meus coachings", "proxima sessao", "proximas sessoes", "minha inscricao", "minha reserva", "minhas reservas"],
            [Intent.Help] = ["ajuda", "ajudar", "o que podes fazer=3", "o que voce pode fazer=3", "o que sabes fazer=3"],
            [Intent.Cancel] = ["cancelar=2", "cancela=2", "parar=2", "sair=2", "esquece=2", "deixa para la=2"],
        },
        ["eu", "me", "meu", "minha", "meus", "minhas", "nos", "nosso", "nossa", "o", "a", "os", "as", "um", "uma", "uns", "umas",
         "de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas", "para", "por", "com", "e", "ou", "que", "se", "ao", "aos",
         "quero", "queria", "gostaria", "pode", "podes", "por favor", "favor", "algum", "alguma", "uma", "onde", "qual", "quais",
         "mostra", "mostrar", "ver", "ola", "obrigado", "obrigada", "bom", "dia", "tudo", "bem", "como", "esta", "estas", "voce", "empresa", "sobre", "preciso", "tem", "ha", "existe", "existem", "algum", "alguem"],
        ["janeiro|jan", "fevereiro|fev", "marco|mar", "abril|abr", "maio|mai", "junho|jun", "julho|jul", "agosto|ago",
         "setembro|set", "outubro|out", "novembro|nov", "dezembro|dez"],
        ["hoje"],
        ["amanha"],
        ["depois de amanha"],
        ["sobre"],
        Declines: ["nao quero", "nao preciso", "nao tenho interesse", "nao me interessa"],
        MonthPrepositions: ["em"],
        Travel: ["ir a", "ir ao", "ir para", "vamos para", "vou para", "vamos a", "vou a", "vamos ao", "vou ao", "sair para", "ir ate", "viajar", "viagem", "deslocar me", "passar uma semana", "passar duas semanas", "estagio", "estagiar"],
        Hosting: ["acolher", "acolhemos", "acolheriamos", "acolheremos", "receber um visitante", "receber visitantes", "receber uma visita",
                  "receber um estagiario", "ser anfitriao", "ser anfitrioes", "como anfitriao", "como anfitrioes"],
        CancelAlone: ["sair"]);
}
