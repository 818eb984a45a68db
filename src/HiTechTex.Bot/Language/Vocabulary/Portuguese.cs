namespace HiTechTex.Bot.Language.Vocabulary;

internal static class Portuguese
{
    public static LanguageVocabulary Vocabulary { get; } = new(
        "pt",
        new Dictionary<Intent, string[]>
        {
            [Intent.FindPartners] = ["procurar", "procuro", "procura", "encontrar", "encontra", "buscar", "parceir*", "parceria*", "preciso de", "quem pode", "pesquisar"],
            [Intent.ApplyForExchange] = ["clusterxchange=2", "candidatar*", "fazer a candidatura=2", "fazer uma candidatura=2", "preencher a candidatura=2", "submeter a candidatura=2", "intercambio*", "mobilidade", "pedir intercambio=3", "visitar", "visita", "visitas"],
            [Intent.RegisterForCoaching] = ["inscrever*", "registar*", "registrar*", "coaching", "mentoria", "formacao", "workshop*", "webinar*", "sessao de coaching=3", "marcar uma sessao=3", "reservar uma sessao=3", "sessao", "sessoes"],
            [Intent.MyApplications] = ["minhas candidaturas", "minha candidatura", "meus pedidos", "estado da candidatura=3", "as minhas candidaturas=3", "retirar candidatura=3", "retirar a candidatura=3", "cancelar candidatura=3", "cancelar a candidatura=3"],
            [Intent.MySessions] = ["minhas sessoes", "minha sessao", "minhas inscricoes", "meus coachings", "proxima sessao", "proximas sessoes", "minha inscricao", "minha reserva", "minhas reservas"],
            [Intent.Help] = ["ajuda", "ajudar", "o que podes fazer=3", "o que voce pode fazer=3", "o que sabes fazer=3"],
            [Intent.Cancel] = ["cancelar=2", "cancela=2", "parar=2", "sair=2", "esquece=2", "deixa para la=2"],
        },
        ["eu", "me", "meu", "minha", "meus", "minhas", "nos", "nosso", "nossa", "o", "a", "os", "as", "um", "uma", "uns", "umas",
         "de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas", "para", "por", "com", "e", "ou", "que", "se", "ao", "aos",
         "quero", "queria", "gostaria", "pode", "podes", "por favor", "favor", "algum", "alguma", "uma", "onde", "qual", "quais",
         "mostra", "mostrar", "ver", "ola", "obrigado", "obrigada", "bom", "dia", "tudo", "bem", "como", "esta", "estas", "voce", "empresa", "sobre", "preciso", "tem", "ha", "existe", "existem", "algum", "alguem",
         "num", "numa", "nuns", "numas", "dum", "duma", "pelo", "pela", "pelos", "pelas", "neste", "nesta", "nesse", "nessa", "deste", "desta", "sao", "sou", "somos", "estou", "estamos", "ser", "estar", "ter", "tenho", "temos", "tenha", "tenham", "seja", "sejam", "quando", "lhe", "lhes", "muito", "mais", "tambem", "gostariamos", "queremos", "precisamos"],
        ["janeiro|jan", "fevereiro|fev", "marco|mar", "abril|abr", "maio|mai", "junho|jun", "julho|jul", "agosto|ago",
         "setembro|set", "outubro|out", "novembro|nov", "dezembro|dez"],
        ["hoje"],
        ["amanha"],
        ["depois de amanha"],
        ["sobre"],
        Declines: ["nao quero", "nao preciso", "nao tenho interesse", "nao me interessa"],
        MonthPrepositions: ["em"],
        PlacePrepositions: ["em", "na"],
        Travel: ["ir a", "ir ao", "ir num", "ir numa", "ir em", "ir para", "vamos para", "vou para", "vamos a", "vou a", "vamos ao", "vou ao", "sair para", "ir ate", "viajar", "viagem", "deslocar me", "passar", "estagio", "estagiar"],
        Hosting: ["acolher", "acolhemos", "acolheriamos", "acolheremos", "receber um visitante", "receber visitantes", "receber uma visita",
                  "receber um estagiario", "ser anfitriao", "ser anfitrioes", "como anfitriao", "como anfitrioes"],
        CancelAlone: ["sair"],
        Bookings: ["reserva", "reservas", "inscricao", "inscricoes", "marcacao", "marcacoes", "sessao", "sessoes", "workshop*", "webinar*", "coaching*", "mentoria*", "formacao", "formacoes"],
        Applications: ["candidatura*", "intercambio*", "pedido", "pedidos", "visita", "visitas", "mobilidade"],
        Weekdays: ["segunda feira", "terca feira", "quarta feira", "quinta feira", "sexta feira", "segundas feiras", "tercas feiras", "quartas feiras", "quintas feiras", "sextas feiras", "sabado", "domingo", "sabados", "domingos"],
        // Portuguese beside Spanish: "quero"/"quiero", "o"/"el", "os"/"los", "e"/"y", "uma"/"una", "em"/"en", "ção"/"ción",
        // "fora"/"fuera", "excluindo"/"excluyendo".
        Detection: ["quero=2", "os=1.5", "uma=1.5", "umas=1.5", "um=1.5", "em=1.5", "no=0.5", "na=0.5", "nao=2", "do=0.5", "dos=0.5", "duas=1.5",
                    "minha=2", "minhas=2", "meu=2", "meus=2", "voce=2", "voces=2", "tenho=1.5", "estou=1.5", "estamos=0.5", "muito=1.5",
                    "tambem=1.5", "fazer=1.5", "podes=1.5", "gostaria=2", "queria=0.5", "consigo=1", "num=1.5", "numa=1.5", "ao=1.5",
                    "as=0.5", "e=0.5", "semanas=0.5", "mes=0.5", "proximo=0.5", "proxima=0.5", "ola=1.5", "obrigado=2", "obrigada=2",
                    "mas=0.5", "ate=1", "perto=1.5", "pessoal=1.5", "durante=0.3", "tem=1", "tudo=1", "agora=1.5", "quinta=1",
                    "segunda=1", "terca=1.5", "quarta=1.5", "sexta=1.5", "sabado=0.5", "domingo=0.5", "feira=1.5", "boa=1.5", "boas=1.5", "tarde=0.5", "noite=1.5",
                    "fora=1.5", "excluindo=1.5", "exceto=1"],
        DetectionEndings: ["cao=1.5", "coes=1.5", "oes=1", "nha=1", "nhas=1", "lho=1", "lhos=1", "agem=1", "mento=0.5"],
        DetectionLetters: ["ã=3", "õ=3", "ç=1", "ê=2", "ô=2", "â=1", "à=0.5"]);
}
