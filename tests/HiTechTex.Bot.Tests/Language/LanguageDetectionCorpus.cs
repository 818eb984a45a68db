namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// Messages users of the six partner countries type to the bot, as they would type them: the journeys (find partners,
/// apply for an exchange, coaching sessions, my applications / sessions, help), greetings, short and long, with and
/// without diacritics, place names of other countries ("Prato", "Porto", "Brno", "Bursa"). Each is clearly of its
/// language: <see cref="LanguageDetectionTests"/> requires every one detected as that language whatever the Teams
/// locale. Messages that are genuinely of no one language ("Porto", "coaching", "cancelar") are not here: they are in
/// <see cref="LanguageDetectionTests.Ambiguous"/>, which the locale decides.
/// </summary>
internal static class LanguageDetectionCorpus
{
    public static readonly string[] English =
    [
        "I'm looking for a partner in Portugal who does technical textiles",
        "find partners for recycled polyester",
        "Are there any dyeing companies near Prato?",
        "I want to apply for a staff exchange in Brno in May",
        "how do I apply for an exchange?",
        "I'd like to spend two weeks at a lab in Italy next spring",
        "sign me up for the coaching session on circular design",
        "when is my next session",
        "show me my applications",
        "what's the status of my exchange application?",
        "cancel my booking for Thursday",
        "help",
        "what can you do?",
        "hi there",
        "good morning, I need help with the application form",
        "we would like to host a visitor from Bursa",
        "is there a nonwovens pilot line in Spain we could visit?",
        "can you recommend a testing lab for flame retardant fabrics",
        "I want to go to Porto in March for a week",
        "book a session about sustainable finishing",
        "thanks, that's all for now",
        "list my upcoming workshops",
        "I need a partner for a Horizon Europe project on smart textiles",
        "withdraw my application please",
        "which universities in Turkey work on denim?",
        "my sessions",
        "looking for someone who knows digital printing in Como",
    ];

    public static readonly string[] Portuguese =
    [
        "quero candidatar-me a um intercâmbio no Porto em março",
        "procuro parceiros para têxteis técnicos em Itália",
        "há alguma empresa de tinturaria perto de Guimarães?",
        "gostaria de passar duas semanas num laboratório em Espanha",
        "quais são as minhas candidaturas?",
        "mostra as minhas sessões",
        "quero inscrever-me na sessão de coaching sobre economia circular",
        "ajuda",
        "o que podes fazer?",
        "olá, bom dia",
        "obrigado, é tudo por agora",
        "quero ir a Brno em maio durante uma semana",
        "estamos à procura de uma universidade que trabalhe com reciclagem de algodão",
        "qual é o estado da minha candidatura?",
        "cancelar a minha reserva de quinta-feira",
        "podemos acolher um visitante da Turquia",
        "preciso de um laboratório de ensaios para tecidos ignífugos",
        "quando é a próxima sessão?",
        "quero viajar para Itália em abril durante dez dias",
        "nao consigo encontrar o formulario da candidatura",
        "procuro empresas de estamparia digital no norte de Portugal",
        "quero marcar uma sessao de mentoria",
        "as minhas inscricoes",
        "vocês têm parceiros em Prato?",
        "queria saber como funciona o intercâmbio de pessoal",
        "retirar a candidatura, por favor",
        "gostaria de visitar uma fábrica de fiação em Bursa no próximo mês",
        "quero viajar a Itália em março durante duas semanas",
    ];

    public static readonly string[] Spanish =
    [
        "quiero viajar a Italia en marzo durante dos semanas",
        "busco socios para textiles técnicos en Portugal",
        "¿hay alguna empresa de tintorería cerca de Valencia?",
        "me gustaría solicitar un intercambio en Brno",
        "quiero pasar una semana en un laboratorio de Prato",
        "mis solicitudes",
        "¿cuál es el estado de mi solicitud?",
        "quiero inscribirme en la sesión de coaching sobre economía circular",
        "ayuda",
        "¿qué puedes hacer?",
        "hola, buenos días",
        "gracias, eso es todo",
        "muéstrame mis próximas sesiones",
        "cancelar mi reserva del jueves",
        "necesito un laboratorio de ensayos para tejidos ignífugos",
        "estamos buscando una universidad que trabaje con reciclaje de algodón",
        "podemos acoger a un visitante de Turquía",
        "quiero ir a Porto en abril",
        "queria saber como funciona el intercambio de personal",
        "busco empresas de estampación digital en Cataluña",
        "retirar la solicitud, por favor",
        "me gustaria visitar una hilatura en Bursa el mes que viene",
        "¿tienen socios en Italia que trabajen con lana?",
        "quisiera apuntarme al taller de diseño sostenible",
        "los talleres de los próximos meses",
        "no encuentro el formulario de la solicitud",
        "¿y las sesiones de mayo?",
        "quiero viajar a Portugal en mayo durante una semana",
    ];

    public static readonly string[] Italian =
    [
        "voglio andare in Spagna a marzo per due settimane",
        "cerco partner per tessuti tecnici in Portogallo",
        "c'è qualche tintoria vicino a Prato?",
        "vorrei candidarmi per uno scambio a Brno",
        "vorrei passare una settimana in un laboratorio a Porto",
        "le mie candidature",
        "qual è lo stato della mia candidatura?",
        "voglio iscrivermi alla sessione di coaching sull'economia circolare",
        "aiuto",
        "cosa puoi fare?",
        "ciao, buongiorno",
        "grazie, è tutto",
        "mostrami le mie prossime sessioni",
        "annulla la mia prenotazione di giovedì",
        "ho bisogno di un laboratorio di prove per tessuti ignifughi",
        "stiamo cercando un'università che lavori sul riciclo del cotone",
        "possiamo ospitare un visitatore dalla Turchia",
        "voglio andare a Bursa ad aprile",
        "come funziona lo scambio di personale?",
        "cerco aziende di stampa digitale in Lombardia",
        "ritira la candidatura, per favore",
        "mi piacerebbe visitare una filatura a Biella il mese prossimo",
        "avete partner in Spagna che lavorano la lana?",
        "vorrei prenotare una sessione sulla progettazione sostenibile",
        "quali sono i prossimi workshop?",
        "non trovo il modulo della candidatura",
        "perche non vedo le mie sessioni",
        "voglio viaggiare in Italia a marzo durante due settimane",
    ];

    public static readonly string[] Turkish =
    [
        "Bursa'da teknik tekstil alanında bir ortak arıyorum",
        "mart ayında iki haftalığına İtalya'ya gitmek istiyorum",
        "personel değişimine başvurmak istiyorum",
        "başvurularımı göster",
        "başvurumun durumu nedir?",
        "döngüsel ekonomi hakkında koçluk oturumuna kayıt olmak istiyorum",
        "yardım",
        "ne yapabilirsin?",
        "merhaba, günaydın",
        "teşekkürler, bu kadar",
        "sonraki oturumum ne zaman?",
        "perşembe günkü rezervasyonumu iptal et",
        "alev geciktirici kumaşlar için bir test laboratuvarı lazım",
        "pamuk geri dönüşümü üzerine çalışan bir üniversite arıyoruz",
        "İspanya'dan bir ziyaretçiyi ağırlamak istiyoruz",
        "Porto'ya nisan ayında gitmek istiyorum",
        "personel değişimi nasıl işliyor?",
        "Denizli'de dijital baskı yapan firmalar",
        "basvurumu geri cekmek istiyorum",
        "gelecek ay Brno'da bir iplik fabrikasını ziyaret etmek istiyorum",
        "Italya'da yun ile calisan ortaklariniz var mi",
        "surdurulebilir tasarim atolyesine kaydolmak istiyorum",
        "oturumlarim",
        "basvuru formunu bulamiyorum",
        "Prato'da bir hafta geçirmek istiyorum",
        "koçluk oturumları ne zaman?",
        "mart ayinda iki hafta icin Brno'ya gitmek istiyorum",
    ];

    public static readonly string[] Czech =
    [
        "hledám partnera pro technické textilie v Portugalsku",
        "chci jet v březnu na dva týdny do Itálie",
        "je nějaká barvírna poblíž Brna?",
        "chtěl bych podat přihlášku na výměnu do Prata",
        "rád bych strávil týden v laboratoři v Portu",
        "moje přihlášky",
        "jaký je stav mé přihlášky?",
        "chci se přihlásit na koučink o cirkulární ekonomice",
        "pomoc",
        "co umíš?",
        "ahoj, dobrý den",
        "děkuji, to je všechno",
        "ukaž moje další sezení",
        "zruš mou rezervaci na čtvrtek",
        "potřebuji zkušební laboratoř pro nehořlavé tkaniny",
        "hledáme univerzitu, která se zabývá recyklací bavlny",
        "můžeme hostit návštěvníka z Turecka",
        "chci jet do Burse v dubnu",
        "jak funguje výměna zaměstnanců?",
        "hledam firmy na digitalni tisk v Liberci",
        "chci stahnout prihlasku",
        "chtela bych navstivit pradelnu v Brne pristi mesic",
        "mate partnery ve Spanelsku, kteri pracuji s vlnou?",
        "chci se registrovat na workshop o udrzitelnem designu",
        "nemuzu najit formular prihlasky",
        "kdy je dalsi skoleni?",
        "chci jet v breznu na dva tydny do Italie",
    ];

    public static IEnumerable<(string Text, string Language)> All =>
        English.Select(t => (t, "en"))
            .Concat(Portuguese.Select(t => (t, "pt")))
            .Concat(Spanish.Select(t => (t, "es")))
            .Concat(Italian.Select(t => (t, "it")))
            .Concat(Turkish.Select(t => (t, "tr")))
            .Concat(Czech.Select(t => (t, "cs")));
}
