namespace HiTechTex.Bot.Language.Vocabulary;

/// <summary>
/// The words of a question about the exchange rules in EN, PT, ES, IT, TR and CS (<see cref="Phrase"/> syntax): "how
/// many exchanges can I do?", "quantos intercâmbios posso fazer?", "how long does an exchange last?" — read by
/// <see cref="RulesQuestionRecognizer"/>.
/// </summary>
internal static class RulesQuestionWords
{
    /// <summary>How many / how often.</summary>
    public static readonly string[] Quantity =
    [
        "how many", "how often", "how much",
        "quantos", "quantas", "quantas vezes=2",
        "cuantos", "cuantas", "cuantas veces=2",
        "quanti", "quante", "quante volte=2",
        "kac", "kac kez=2", "kac defa=2", "kac tane=2",
        "kolik", "kolikrat",
    ];

    /// <summary>What one may do: "can I", "posso", "per year", "at most", "allowed".</summary>
    public static readonly string[] Allowed =
    [
        "can i", "may i", "could i", "can we", "may we", "can one", "can my", "can our", "may my", "may our", "can a", "can an", "can each", "am i allowed=3", "are we allowed=3", "allowed", "permitted",
        "per year", "a year", "per person", "per organisation", "per organization", "maximum", "at most", "limit",
        "posso", "podemos", "pode", "possa", "por ano", "por pessoa", "por organizacao", "maximo", "no maximo", "limite", "permitid*",
        "puedo", "puede", "podemos", "por persona", "por organizacion", "al ano", "como maximo",
        "possiamo", "puo", "all anno", "l anno", "per persona", "per organizzazione", "massimo", "al massimo", "consentit*",
        "yapabilir*", "katilabilir*", "basvurabilir*", "yilda", "yillik", "kisi basi", "en fazla", "izin",
        "muzu", "mohu", "muzeme", "smim", "smime", "rocne", "za rok", "na osobu", "maximalne", "nejvyse", "povolen*",
    ];

    /// <summary>How long: the duration rule, whoever asks.</summary>
    public static readonly string[] Duration =
    [
        "how long", "how many days", "how many weeks", "duration",
        "quanto tempo", "quanto dura", "quantos dias", "quantas semanas", "duracao",
        "cuanto tiempo", "cuanto dura", "cuantos dias", "cuantas semanas", "duracion",
        "quanto dura", "quanti giorni", "quante settimane", "durata",
        "ne kadar surer=3", "ne kadar sure=3", "kac gun", "kac hafta", "suresi",
        "jak dlouho", "kolik dni", "kolik tydnu", "delka", "trvani",
    ];

    /// <summary>
    /// More than one: "can we do more than one exchange?", "¿puedo hacer más de un intercambio?" — read only in a
    /// question (<see cref="QuestionOpeners"/>).
    /// </summary>
    public static readonly string[] MoreThanOne =
    [
        "more than one", "more than once", "more than 1", "several", "multiple", "a second", "more exchange*",
        "mais de um", "mais de uma", "mais do que um", "mais do que uma", "mais de 1", "varios", "varias", "mais intercambio*",
        "mas de un", "mas de una", "mas de uno", "mas de 1", "mas intercambio*",
        "piu di uno", "piu di una", "piu di un", "piu di 1", "piu scambi", "diversi", "piu volte", "altri scambi",
        "birden fazla", "birkac", "bir kereden fazla", "birden cok",
        "vice nez jednu", "vic nez jednu", "vice nez jeden", "vic nez jeden", "vice nez jednou", "vic nez jednou", "nekolik", "vice vymen*", "vic vymen*",
    ];

    /// <summary>
    /// Two or more exchanges, or twice: "can I go on two exchanges?", "¿puedo hacer dos intercambios?", "can we apply
    /// twice?" — read only in a question. The number is read before the exchange's noun (<see cref="Numbers"/> ×
    /// the exchange and application nouns), so that "an exchange of two weeks?" stays what it is.
    /// </summary>
    public static readonly string[] Twice =
    [
        "twice", "two times", "2 times", "three times", "again and again",
        "duas vezes", "2 vezes", "tres vezes",
        "dos veces", "2 veces", "tres veces",
        "due volte", "2 volte", "tre volte",
        "iki kez", "iki kere", "iki defa", "2 kez", "2 kere", "2 defa", "uc kez",
        "dvakrat", "2krat", "2 krat", "trikrat",
    ];

    /// <summary>Two or three, put before the exchange's noun (<see cref="Twice"/>).</summary>
    public static readonly string[] Numbers =
    [
        "two", "three", "2", "3", "second", "another",
        "dois", "duas", "tres", "segundo", "segunda", "outro", "outra",
        "dos", "otro", "otra",
        "due", "tre", "secondo", "seconda", "altro", "altra", "un altro", "un altra",
        "iki", "uc", "ikinci", "baska bir",
        "dve", "dva", "dvou", "tri", "druhou", "druhy", "druha", "dalsi",
    ];

    /// <summary>
    /// Applying (the verb): with <see cref="Twice"/> it is the subject of a rules question without the exchange's noun
    /// ("can we apply twice?"), and "who can apply?" asks who is eligible.
    /// </summary>
    public static readonly string[] Apply =
    [
        "apply", "applying",
        "candidatar*", "concorrer",
        "solicitar", "postular*", "aplicar",
        "candidar*", "fare domanda",
        "basvur*",
        "prihlasit", "prihlasi*", "zazadat", "pozadat", "podat zadost*",
        "take part", "participate", "participating", "participar", "participam", "participan", "partecipare", "partecipa*",
        "katilmak", "katilabilir*", "katilim*", "zucastnit", "zucastni*", "ucastnit", "ucast",
    ];

    /// <summary>
    /// Getting money, said by the one who would get it: with <see cref="Funding"/> in a question it asks about the lump sum
    /// without the exchange's noun ("how much money do I get?", "kolik peněz dostanu?", "ne kadar para alırım?").
    /// </summary>
    public static readonly string[] Receive =
    [
        "do i get", "do we get", "will i get", "will we get", "would i get", "would we get", "i receive", "we receive", "i get", "we get",
        "recebo", "recebemos", "vou receber", "vamos receber", "recibo", "recibimos", "voy a recibir", "vamos a recibir",
        "ricevo", "riceviamo", "ricevero", "riceveremo", "prendo", "prendiamo",
        "alirim", "aliriz", "alir miyim", "alir miyiz", "alacagim", "alacagiz", "verilir", "veriliyor",
        "dostanu", "dostaneme", "obdrzim", "obdrzime", "dostanem",
    ];

    /// <summary>
    /// The programme's lump sum by name: a question about it is a rules question without the exchange's noun ("how
    /// much is the lump sum?", "qual é o valor do montante fixo?", "kolik je paušál?").
    /// </summary>
    public static readonly string[] LumpSum =
    [
        "lump sum", "lump-sum", "lumpsum", "grant", "allowance",
        "montante fixo", "valor fixo", "quantia fixa", "subsidio", "bolsa",
        "suma global", "importe fijo", "cantidad fija", "tanto alzado", "ayuda economica",
        "somma forfettaria", "importo forfettario", "contributo forfettario", "forfait", "forfettari*",
        "goturu", "sabit tutar", "sabit odeme", "hibe", "harcirah",
        "pausal*", "pausalni", "jednorazov*",
    ];

    /// <summary>
    /// How long, as a verb: "can an exchange last two months?", "¿puede durar dos meses?", "değişim iki ay sürebilir
    /// mi?" — read only in a question; English "last" not before a period ("exchanges last month", <see cref="NotLasting"/>).
    /// </summary>
    public static readonly string[] Lasting =
    [
        "last", "lasts", "be longer", "be shorter", "be as long",
        "durar", "dura", "duram", "durara", "durarem",
        "duran", "duraria",
        "durare", "durano", "durera",
        "surebilir*", "surer", "surmeli", "surmesi", "surmek", "suruyor",
        "trvat", "trva", "trvaji", "trvala", "trvalo",
    ];

    /// <summary>"last month", "the last exchange": not a duration (<see cref="Lasting"/>).</summary>
    public static readonly string[] NotLasting =
    [
        "last month", "last year", "last week", "last time", "last quarter", "last day", "last days", "the last", "my last", "our last",
        "last exchange*", "last application*", "last one",
    ];

    /// <summary>
    /// Money: "how much money do I get for an exchange?", "¿cuánto se paga por un intercambio?", "kolik peněz dostanu za
    /// výměnu?" — read only in a question, also about one's own exchange ("is my exchange funded?").
    /// </summary>
    public static readonly string[] Funding =
    [
        "money", "funding", "funded", "fund", "funds", "lump sum", "lump-sum", "grant", "grants", "pay", "paid", "pays", "payment*",
        "reimburse*", "allowance", "cost", "costs", "expenses", "budget", "euros", "financed", "financing", "subsidy", "subsidised", "subsidized",
        "dinheiro", "financiamento", "financiad*", "montante", "subsidio", "bolsa", "pago", "paga", "pagam", "pagar", "pagamento",
        "reembols*", "custo", "custos", "despesas", "orcamento", "apoio financeiro",
        "dinero", "financiacion", "subvencion", "subvencionad*", "cantidad", "pagan", "coste", "costes", "gastos", "presupuesto", "beca",
        "soldi", "denaro", "finanziament*", "finanziat*", "contributo", "rimbors*", "somma", "forfait", "forfettari*", "pagano", "pagato",
        "pagare", "costi", "costo", "spese",
        "ne kadar para", "para alir*", "para veril*", "para odeni*", "finansman", "hibe", "odenek", "odeme*", "odeni*", "ucret*",
        "masraf*", "butce", "harcirah", "maliyet*", "mali destek",
        "penize", "penez", "penezi", "financovani", "financovan*", "prispevek", "prispevku", "dotace", "dotaci", "proplac*", "proplat*",
        "uhrad*", "naklad*", "vydaj*", "rozpocet", "paus*",
    ];

    /// <summary>
    /// Who may take part: "who can apply for an exchange?", "¿quién puede pedir un intercambio?", "kdo se může přihlásit
    /// na výměnu?" — read only in a question.
    /// </summary>
    public static readonly string[] Eligibility =
    [
        "who can", "who may", "who is allowed", "who are allowed", "who is eligible", "who qualifies", "eligib*", "requirement*", "criteria",
        "qualify", "conditions",
        "quem pode", "quem podem", "elegivel", "elegiveis", "elegibilidade", "requisito*", "criterios", "condicoes",
        "quien puede", "quienes pueden", "elegible*", "requisito*", "criterios", "condiciones",
        "chi puo", "chi possono", "ammissib*", "requisit*", "criteri", "condizioni", "idone*",
        "kimler", "kim basvur*", "kim katil*", "kim yararlan*", "kosul*", "sartlar*", "sartlari", "kriter*", "gereksinim*", "uygunluk",
        "kdo muze", "kdo smi", "kdo se muze", "kdo muzou", "podminky", "podminka", "pozadavky", "kriteria", "narok*", "opravnen*",
    ];

    /// <summary>Whether something is possible: "is it possible to do two exchanges?" (with <see cref="Numbers"/>).</summary>
    public static readonly string[] Possible =
    [
        "possible", "possivel", "posible", "possibile", "mumkun", "olur mu", "mozne", "lze",
    ];

    /// <summary>Hosting: "who can host an exchange?" looks for a partner, it does not ask who may take part.</summary>
    public static readonly string[] Host =
    [
        "host", "hosts", "hosting", "acolher", "receber", "anfitri*", "acoger", "recibir", "ospit*", "ev sahib*", "agirla*", "hostit*", "prijmout",
    ];

    /// <summary>A deadline or the rules in general: "is there a deadline to apply?", "what are the rules for an exchange?".</summary>
    public static readonly string[] Deadline =
    [
        "deadline", "deadlines", "closing date", "until when", "rules", "regulation*",
        "prazo", "prazos", "data limite", "ate quando", "regras", "regulamento",
        "plazo", "plazos", "fecha limite", "hasta cuando", "reglas", "normas", "reglamento",
        "scadenza", "scadenze", "entro quando", "fino a quando", "regole", "regolamento", "norme",
        "son tarih*", "son basvuru*", "ne zamana kadar", "kural*",
        "posledni termin", "uzaverk*", "do kdy", "pravidla", "pravidel",
    ];

    /// <summary>
    /// When one may apply: "when can I apply?", "quando posso candidatar-me?", "ne zaman başvurabilirim", "kdy se můžu
    /// přihlásit?" — read only with applying (<see cref="Apply"/>), in a question or opening the message: the rules
    /// answer says that the bot knows no application deadline and whom to ask.
    /// </summary>
    public static readonly string[] When =
    [
        "when can", "when could", "when may", "when should", "when do i apply", "when do we apply", "when to apply", "when are applications",
        "when does the call", "when is the call",
        "quando posso", "quando podemos", "quando pode", "quando se pode", "quando devo", "quando devemos", "quando e que posso", "quando e que podemos",
        "cuando puedo", "cuando podemos", "cuando se puede", "cuando debo", "cuando debemos",
        "quando possiamo", "quando si puo", "quando posso", "quando devo", "quando dobbiamo",
        "ne zaman",
        "kdy muzu", "kdy mohu", "kdy muzeme", "kdy lze", "kdy se muzu", "kdy se mohu", "kdy se muzeme", "kdy se da", "od kdy", "kdy je mozne",
    ];

    /// <summary>A limit: "is there a limit on exchanges?" — read only in a question.</summary>
    public static readonly string[] Limit =
    [
        "limit", "limits", "limited", "limite", "limites", "limiti", "limitato", "sinir", "siniri", "sinirli", "omezeni", "omezen*",
    ];

    /// <summary>The most or least of something: "what's the maximum length of an exchange?" — with <see cref="Measure"/>.</summary>
    public static readonly string[] Extreme =
    [
        "maximum", "max", "minimum", "min", "longest", "shortest", "at most", "at least",
        "maximo", "maxima", "minimo", "minima", "no maximo", "no minimo", "como maximo", "como minimo",
        "massimo", "massima", "minimo", "minima", "al massimo", "al minimo",
        "en fazla", "en az", "en uzun", "en kisa", "maksimum",
        "maximalni", "minimalni", "maximalne", "minimalne", "nejdele", "nejdelsi", "nejkratsi", "nejvice", "nejmene",
    ];

    /// <summary>What a limit is about: the length of a stay or the number of exchanges.</summary>
    public static readonly string[] Measure =
    [
        "length", "long", "duration", "days", "weeks", "number", "times", "stay",
        "duracao", "dias", "semanas", "numero", "vezes", "estadia", "tempo",
        "duracion", "dias", "semanas", "numero", "veces", "estancia", "tiempo",
        "durata", "giorni", "settimane", "numero", "volte", "soggiorno", "tempo",
        "sure*", "gun", "hafta", "sayi*", "kez", "defa", "uzun*",
        "delka", "doba", "dni", "dnu", "tydn*", "pocet", "krat", "pobyt*",
    ];

    /// <summary>
    /// How a question begins (accents and case aside): the new readings (<see cref="MoreThanOne"/>, <see cref="Limit"/>,
    /// <see cref="Extreme"/>) and a rules question typed while a question waits need a question — a "?", one of these
    /// first words, or a Turkish question word or particle (<see cref="TurkishQuestion"/>).
    /// </summary>
    public static readonly string[] QuestionOpeners =
    [
        "how", "what", "whats", "which", "who", "quem", "quien", "quienes", "chi", "kdo", "kim", "can", "could", "may", "is", "are", "am", "do", "does", "will", "would", "should", "must", "shall",
        "quantos", "quantas", "quanto", "quanta", "qual", "quais", "posso", "podemos", "pode", "podem", "ha", "existe", "como",
        "cuantos", "cuantas", "cuanto", "cuanta", "cual", "cuales", "puedo", "puede", "pueden", "hay", "es",
        "quanti", "quante", "qual", "quale", "quali", "possiamo", "puo", "possono", "c", "esiste", "si", "come",
        "kolik", "kolikrat", "jak", "jaky", "jaka", "jake", "muzu", "mohu", "muzeme", "smim", "smime", "lze", "je", "jsou", "da", "existuje", "plati", "muze",
    ];

    /// <summary>Turkish asks in the middle or at the end: "kaç", "ne kadar", "nedir" anywhere.</summary>
    public static readonly string[] TurkishQuestion = ["kac", "ne kadar", "nedir", "kimler", "kim", "ne zaman"];

    /// <summary>A Turkish "mı/mi/mu/mü" question particle, read only as the last word ("yapabilir miyim").</summary>
    public static readonly string[] TurkishParticles =
    [
        "mi", "mu", "miyim", "miyiz", "misin", "misiniz", "mudur", "midir", "muyum", "muyuz", "musunuz",
    ];
}
