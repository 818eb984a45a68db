using System.Text.RegularExpressions;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// Natural answers to the first-use questions, in the six languages: "my name is Ana", "Chamo-me Ana Costa", "Benim
/// adım Ayşe" are the name "Ana" / "Ana Costa" / "Ayşe"; "I work for CITEVE", "Trabalho na CITEVE", "CITEVE'de
/// çalışıyorum" the organisation "CITEVE"; "No, call me Ana please" at "shall I call you …?" the name "Ana".
/// Conservative: only a lead-in at the very start (and courtesy at the end after one) is left out, case and accents
/// ignored; the rest is kept as typed, and an answer without a lead-in is kept whole ("Ben Smith" stays "Ben Smith").
/// </summary>
internal static partial class ProfileAnswers
{
    // Longest first within a language does not matter: every lead-in is tried, the longest match wins.
    private static readonly string[][] NameLeadIns = Words(
        "my name is", "my name's", "the name is", "i am", "i'm", "it's", "this is", "call me", "you can call me",
        "please call me", "just call me",
        "chamo-me", "chamo me", "eu chamo-me", "me chamo", "eu me chamo", "o meu nome é", "meu nome é", "eu sou", "sou", "chama-me",
        "chame-me", "podes chamar-me", "pode chamar-me", "pode me chamar de", "trata-me por", "trate-me por",
        "pode ser só", "basta con", "basta con llamarme", "stačí jen",
        "me llamo", "yo me llamo", "mi nombre es", "soy", "yo soy", "llámame", "puedes llamarme", "puede llamarme", "llámeme",
        "mi chiamo", "io mi chiamo", "il mio nome è", "sono", "io sono", "chiamami", "puoi chiamarmi", "mi puoi chiamare",
        "benim adım", "adım", "benim ismim", "ismim",
        "jmenuji se", "jmenuju se", "mé jméno je", "moje jméno je", "jsem", "já jsem", "říkej mi", "říkejte mi", "volej mě", "oslovuj mě");

    private static readonly string[][] OrganisationLeadIns = Words(
        "i work for", "i work at", "i work in", "i work with", "i'm from", "i am from", "i'm at", "i am at", "i'm with", "i am with",
        "i'm working at", "i am working at", "i'm working for", "i am working for", "i'm working in", "i am working in",
        "i moved to", "i've moved to", "i have moved to",
        "my organisation is", "my organization is", "my company is",
        "trabalho na", "trabalho no", "trabalho em", "trabalho para", "trabalho para a", "trabalho para o", "eu trabalho na", "eu trabalho no",
        "eu trabalho em", "eu trabalho para", "sou da", "sou do", "a minha organização é", "minha organização é", "a minha empresa é",
        "minha empresa é",
        "estou na", "estou no", "estou em", "eu estou na", "eu estou no", "eu estou em",
        "trabajo en", "trabajo para", "estoy en", "yo estoy en", "yo trabajo en", "yo trabajo para", "soy de", "mi organización es", "mi empresa es",
        "lavoro per", "lavoro in", "lavoro presso", "lavoro alla", "lavoro al", "lavoro da", "io lavoro per", "io lavoro presso",
        "sono di", "sono in", "sono alla", "sono al", "sono presso", "sono da", "io sono in", "io sono presso",
        "la mia organizzazione è", "la mia azienda è",
        "benim şirketim", "şirketim", "kurumum", "benim kurumum",
        "pracuji v", "pracuju v", "pracuji ve", "pracuju ve", "pracuji pro", "pracuju pro", "pracuji u", "pracuju u", "jsem z", "jsem ze", "jsem v", "jsem ve",
        "moje organizace je", "moje firma je", "má firma je");

    // What leads in the organisation's name after a no to "Is “…” the name of your organisation?": "No, it's CITEVE",
    // "não, é a CITEVE", "no, es AITEX", "no, è la NTT", "hayır, adı CLUTEX", "ne, je to CLUTEX" (and OrganisationLeadIns:
    // "no, I work for CITEVE").
    private static readonly string[][] ConfirmOrganisationLeadIns = Words(
        "it's", "it is", "its", "it's called", "it is called", "the name is", "the name's", "its name is", "our name is",
        "we are", "we're", "it's actually", "actually it's", "actually", "rather",
        "é", "é a", "é o", "é da", "é do", "chama-se", "ela chama-se", "ele chama-se", "o nome é", "somos", "somos a", "somos o",
        "na verdade é", "é antes",
        "es", "es la", "es el", "se llama", "el nombre es", "somos la", "somos el", "en realidad es",
        "è", "e'", "è la", "è il", "è l'", "si chiama", "il nome è", "siamo", "siamo la", "siamo il", "in realtà è",
        "adı", "ismi", "kurumun adı", "kurumumuzun adı", "şirketin adı", "şirketimizin adı", "kurumumuz", "şirketimiz", "biz",
        "je to", "to je", "jmenuje se", "jmenujeme se", "jsme", "název je", "jde o", "vlastně");

    // "now" after such a no, before the name or its lead-in: "no, now it's AITEX", "não, agora é a CITEVE", "no, ahora
    // trabajo en AITEX", "no, ora lavoro per Comocrea", "hayır, artık CLUTEX", "ne, teď pracuji v INOTEX".
    private static readonly HashSet<string> Now = new(
        ["now", "currently", "agora", "atualmente", "ahora", "actualmente", "ora", "adesso", "attualmente", "artik", "simdi", "ted", "nyni", "aktualne"],
        StringComparer.Ordinal);

    // What the no says the answer asked about is, instead of a name: "no, it's a request", "não, é um pedido", "no, es una
    // solicitud", "no, è una richiesta", "hayır, bu bir istek", "ne, to je požadavek" — a plain no (folded, after an article).
    private static readonly HashSet<string> RequestNouns = new(
        ["request", "command", "question", "search", "my request", "pedido", "comando", "pergunta", "pesquisa", "o meu pedido",
         "solicitud", "peticion", "pregunta", "busqueda", "mi solicitud", "richiesta", "domanda", "ricerca", "la mia richiesta",
         "istek", "talep", "soru", "komut", "arama", "istegim", "pozadavek", "dotaz", "prikaz", "hledani", "zadost", "muj pozadavek"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> Articles = new(
        ["a", "an", "just", "only", "um", "uma", "so", "un", "una", "solo", "bu", "bir", "sadece", "o", "jen"], StringComparer.Ordinal);

    // What is not a name after such a no: a negation, thanks, an apology ("No, it's not", "no, thanks", "não, obrigado").
    private static readonly HashSet<string> NotAName = new(
        ["not", "isnt", "isn't", "thanks", "thank", "sorry", "wrong", "nothing", "never", "no", "nope", "nao", "obrigado", "obrigada",
         "desculpe", "desculpa", "gracias", "perdon", "lo", "non", "grazie", "scusa", "scusi", "degil", "tesekkurler", "tesekkur",
         "sagol", "pardon", "ne", "neni", "diky", "dekuji", "promin", "prominte", "hayir", "yok"],
        StringComparer.Ordinal);

    // Courtesy at the end of an answer that had a lead-in: "call me Ana please".
    private static readonly string[][] Courtesy = Words(
        "please", "thanks", "thank you", "por favor", "obrigado", "obrigada", "gracias", "per favore", "grazie", "lütfen", "teşekkürler",
        "prosím", "děkuji", "díky");

    // "the company", "la empresa", "l'azienda", "společnosti" before the organisation's name ("Trabajo en la empresa AITEX",
    // "pracuji ve společnosti INOTEX"): left out when written in lower case and followed by a name (not "Empresa Textil").
    private static readonly string[][] OrganisationNouns = Words(
        "the company", "the firm", "the organisation", "the organization", "company",
        "a empresa", "empresa", "a organização", "organização",
        "la empresa", "la organización", "organización", "la compañía", "compañía",
        "l'azienda", "l’azienda", "azienda", "la società", "società", "l'organizzazione", "l’organizzazione", "organizzazione", "la ditta", "ditta",
        "společnosti", "společnost", "firmě", "firmu", "firma", "organizaci", "organizace");

    // Words that keep their full stop at the end of an organisation's name.
    private static readonly HashSet<string> Abbreviations = ["lda.", "ltd.", "inc.", "co.", "s.a.", "sa.", "srl.", "spa.", "corp.", "jr.", "sr.", "a.s.", "s.r.o."];

    // "No" before "call me …" at "shall I call you …?".
    private static readonly string[][] Noes = Words("no", "nope", "não", "nao", "hayır", "hayir", "ne", "non");

    // Answers to the organisation question that give none: "I don't know", "none", "I'd rather not say", "não sei",
    // "prefiero no decirlo", "non lo so", "bilmiyorum", "nevím" — the whole answer, case, accents and end marks ignored.
    private static readonly HashSet<string> NoOrganisationAnswers = new(
        [
            "i don't know", "i dont know", "don't know", "dont know", "dunno", "no idea", "none", "nothing", "n/a", "na", "skip",
            "i'd rather not say", "id rather not say", "rather not say", "i prefer not to say", "prefer not to say", "no organisation",
            "no organization", "not sure", "i'm not sure", "-", "?",
            "nao sei", "eu nao sei", "nenhuma", "nenhum", "prefiro nao dizer", "prefiro nao responder", "sem organizacao", "nao tenho",
            "no se", "no lo se", "yo no se", "ninguna", "ninguno", "prefiero no decirlo", "prefiero no decir", "prefiero no responder",
            "sin organizacion", "no tengo",
            "non lo so", "non so", "nessuna", "nessuno", "preferisco non dirlo", "preferisco non rispondere", "nessuna organizzazione",
            "bilmiyorum", "yok", "hicbiri", "soylemek istemiyorum", "belirtmek istemiyorum", "kurulusum yok",
            "nevim", "zadna", "zadne", "nechci rict", "nechci to rikat", "nechci odpovidat", "bez organizace", "nemam",
        ],
        StringComparer.Ordinal);

    /// <summary>
    /// Whether an answer to the organisation question gives none ("I don't know", "none", "prefiero no decirlo", "nevím"):
    /// it was saved as the organisation's name.
    /// </summary>
    public static bool GivesNoOrganisation(string? typed) =>
        typed is not null && NoOrganisationAnswers.Contains(TypedCommand.Fold(typed.Replace('\u2019', '\'')).TrimEnd('.', '!', ' ').Trim());

    // A yes that echoes "Is your organisation still …?" instead of saying yes: "still", "continua", "ainda é", "sigue
    // siendo", "è ancora", "hâlâ öyle", "pořád je", "same", "aynı", "lo mismo" — the whole answer, case, accents and end marks ignored.
    private static readonly HashSet<string> StillYes = new(
        [
            "still", "it still is", "still is", "still the same organisation", "it is", "yes still", "still yes",
            "continua", "continua a ser", "continua sim", "sim continua", "ainda e", "ainda", "e sim", "sim ainda", "mantem-se", "mantem",
            "sigue", "sigue siendo", "sigue siendo esa", "si sigue", "todavia", "todavia si", "aun", "aun si", "se mantiene", "es esa",
            "e ancora", "ancora", "si ancora", "ancora si", "e sempre", "sempre", "sempre quella", "e quella",
            "hala", "hala oyle", "hala o", "oyle", "evet hala", "hala ayni kurum",
            "stale", "stale je", "porad", "porad je", "porad ano", "ano stale", "ano porad", "jeste", "je",
            // "same", "aynı", "o mesmo", "lo mismo", "lo stesso", "stejně": the same organisation as before.
            "same", "the same", "same one", "same as before", "yes same", "yes the same", "still the same",
            "o mesmo", "a mesma", "mesmo", "mesma", "sim o mesmo", "sim a mesma", "e o mesmo", "e a mesma", "continua o mesmo", "continua a mesma",
            "lo mismo", "el mismo", "la misma", "mismo", "misma", "si lo mismo", "si la misma", "es la misma", "es el mismo", "sigue igual", "igual",
            "lo stesso", "la stessa", "stesso", "stessa", "si lo stesso", "si la stessa", "e la stessa", "e lo stesso", "sempre la stessa", "uguale",
            "ayni", "ayni kurum", "ayni sirket", "evet ayni", "hala ayni", "ayni yer",
            "stejne", "stejna", "porad stejne", "stale stejne", "ano stejne", "ano stejna", "ta sama", "porad ta sama", "stale ta sama",
        ],
        StringComparer.Ordinal);

    /// <summary>Whether an answer to "Is your organisation still …?" echoes it as a yes ("continua", "sigue siendo", "pořád je", "same").</summary>
    public static bool SaysStill(string? typed) =>
        typed is not null && StillYes.Contains(TypedCommand.Fold(typed.Replace('\u2019', '\'')).TrimEnd('.', '!', ' ').Replace(",", "", StringComparison.Ordinal).Trim());

    /// <summary>
    /// The name in an answer to the name question, without its lead-in ("my name is Ana" → "Ana", "bana Ayşe de" → "Ayşe",
    /// "Ben Ayşe" → "Ayşe"). <paramref name="turkish"/>: the conversation is in Turkish and "Ben" is not the user's own
    /// first name (<see cref="TurkishIAm"/>).
    /// </summary>
    public static string Name(string? typed, bool turkish = false) =>
        TurkishCallMe(typed) ?? TurkishIAm(typed, turkish) ?? WithoutArticle(StripLeadIn(typed, NameLeadIns)) ?? WithoutCourtesyAfterComma(typed?.Trim() ?? "");

    /// <summary>
    /// "Ben Ayşe", "Ben Ayşe'yim", "ben Mehmet" (I am …): Turkish "ben" before the name — only where it cannot be the English
    /// first name ("Ben Smith" stays whole): the name has a letter only Turkish writes (ş, ğ, ı, İ), ends in the Turkish
    /// "I am" after an apostrophe ("'yim", "'ım"), or <paramref name="turkish"/> says the conversation is in Turkish.
    /// </summary>
    private static string? TurkishIAm(string? typed, bool turkish)
    {
        var match = typed is null ? Match.Empty : TurkishIAmRegex().Match(typed.Trim());
        if (!match.Success || match.Groups["name"].Value.Trim() is not { Length: > 0 } name)
        {
            return null;
        }

        return turkish || match.Groups["copula"].Success || name.AsSpan().IndexOfAny(TurkishLetters) >= 0 ? name : null;
    }

    private static readonly System.Buffers.SearchValues<char> TurkishLetters = System.Buffers.SearchValues.Create("şŞğĞıİ");

    /// <summary>
    /// A name without courtesy after a comma at its end ("Ana Sousa, obrigada", "Giulia, grazie") or a Turkish "let it be"
    /// after it ("Ayşe olsun", "Ayşe yeterli"): it was saved as the name ("Tudo certo, Ana Sousa, obrigada!").
    /// </summary>
    private static string WithoutCourtesyAfterComma(string text)
    {
        var turkish = TurkishNameThen().Match(text);
        if (turkish.Success && turkish.Groups["name"].Value.Trim() is { Length: > 0 } name)
        {
            return name;
        }

        var comma = text.LastIndexOf(',');
        if (comma <= 0)
        {
            return text;
        }

        var after = Split(text[(comma + 1)..]).Select(w => FoldWord(w.Value)).ToArray();
        return after.Length > 0 && Courtesy.Any(c => c.SequenceEqual(after)) ? text[..comma].Trim() : text;
    }

    /// <summary>
    /// A name after a lead-in without the article Portuguese and Italian put before a first name ("sou a Ana Sousa", "sono
    /// la Giulia", "soy el Pepe"): only in lower case before a capitalised name.
    /// </summary>
    private static string? WithoutArticle(string? name)
    {
        if (name is null || Split(name) is not { Count: > 1 } words || !NameArticles.Contains(words[0].Value) || !char.IsUpper(words[1].Value[0]))
        {
            return name;
        }

        return name[words[1].Index..].Trim();
    }

    private static readonly HashSet<string> NameArticles = new(["a", "o", "la", "il", "el"], StringComparer.Ordinal);

    /// <summary>"bana Ayşe de", "bana Ayşe diyebilirsiniz", "bana Ayşe diye hitap edin" (call me Ayşe): the name in the middle.</summary>
    private static string? TurkishCallMe(string? typed)
    {
        var match = typed is null ? Match.Empty : TurkishCallMeRegex().Match(typed.Trim());
        return match.Success && match.Groups["name"].Value.Trim() is { Length: > 0 } name ? name : null;
    }

    /// <summary>
    /// The organisation in an answer to the organisation question, without its lead-in ("I work for CITEVE",
    /// "Trabalho na CITEVE", "CITEVE'de çalışıyorum", "CITEVE için çalışıyorum" → "CITEVE").
    /// </summary>
    public static string Organisation(string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (TurkishAt().Match(text) is { Success: true } at && at.Groups["org"].Value.Trim() is { Length: > 0 } atOrganisation)
        {
            return atOrganisation;
        }

        var turkish = TurkishWork().Match(text);
        if (turkish.Success && turkish.Groups["org"].Value.Trim().Length > 0)
        {
            text = turkish.Groups["org"].Value.Trim();
            if (StripLeadIn(text, OrganisationLeadIns) is { } both)
            {
                return both;
            }

            return text;
        }

        return WithoutOrganisationNoun(StripLeadIn(text, OrganisationLeadIns) ?? StripLeadIn(WithoutNow(text), OrganisationLeadIns) ?? text);
    }

    /// <summary>
    /// The organisation when <paramref name="typed"/> says where the user works with a lead-in ("I work at AITEX", "I'm now
    /// at AITEX", "trabalho no CITEVE", "ora sono in NTT", "CLUTEX'teyim"); null for a name alone or anything else.
    /// </summary>
    public static string? OrganisationAfterLeadIn(string? typed)
    {
        var text = typed?.Trim() ?? "";
        var organisation = Organisation(text);
        return organisation.Length > 0 && !string.Equals(organisation, text, StringComparison.Ordinal) ? organisation : null;
    }

    // A yes at the start of an answer to "Is your organisation still …?" that may go on with another organisation ("yes,
    // now at AITEX", "sì, ora sono in NTT"), folded.
    private static readonly HashSet<string> Yeses = new(
        ["yes", "yeah", "yep", "yup", "sure", "ok", "okay", "sim", "claro", "si", "evet", "tamam", "ano", "jo"], StringComparer.Ordinal);

    // The preposition between "now" and the name after such a yes: "now at AITEX", "agora no CITEVE", "ahora en AITEX",
    // "ora alla NTT", "teď v CLUTEX", folded (written in lower case).
    private static readonly HashSet<string> NowPrepositions = new(
        ["at", "with", "in", "for", "no", "na", "em", "com", "para", "en", "con", "a", "al", "alla", "presso", "da", "v", "ve", "u", "pro"],
        StringComparer.Ordinal);

    /// <summary>
    /// The organisation a yes to "Is your organisation still …?" goes on to name: "yes, now at AITEX", "yes, I'm now at
    /// AITEX", "sì, ora sono in NTT", "sim, agora no CITEVE", "evet, artık CLUTEX'teyim", "ano, teď v CLUTEX" → the name;
    /// null for a plain yes ("yes", "yes please", "sim, obrigado") or a yes with neither "now" nor a lead-in after it.
    /// Whether the name is the saved one, or an organisation at all, is the caller's.
    /// </summary>
    public static string? OrganisationAfterYes(string? typed)
    {
        var text = typed?.Trim() ?? "";
        var words = Split(text);
        if (words.Count < 2 || !Yeses.Contains(FoldWord(words[0].Value)))
        {
            return null;
        }

        var rest = text[words[1].Index..].TrimStart('-', '–', '—', ' ');
        if (OrganisationAfterLeadIn(rest) is { } named)
        {
            return named;
        }

        var restWords = Split(rest);
        if (restWords.Count < 2 || !char.IsLower(restWords[0].Value[0]) || !Now.Contains(FoldWord(restWords[0].Value)))
        {
            return null;
        }

        var after = rest[restWords[1].Index..];
        var afterWords = Split(after);
        if (afterWords.Count > 1 && char.IsLower(afterWords[0].Value[0]) && NowPrepositions.Contains(FoldWord(afterWords[0].Value)))
        {
            after = after[afterWords[1].Index..];
        }

        var name = WithoutOrganisationNoun(EndOfSentence(after));
        return name.Length > 0 ? name : null;
    }

    /// <summary>
    /// <paramref name="text"/> without a "now" in lower case among its first three words ("I'm now at AITEX", "ora sono in
    /// NTT", "trabalho agora no CITEVE" → "I'm at AITEX", "sono in NTT", "trabalho no CITEVE"): a lead-in with it.
    /// </summary>
    private static string WithoutNow(string text)
    {
        var words = Split(text);
        for (var i = 0; i < Math.Min(3, words.Count - 1); i++)
        {
            if (char.IsLower(words[i].Value[0]) && Now.Contains(FoldWord(words[i].Value)))
            {
                return (text[..words[i].Index] + text[(words[i].Index + words[i].Length)..].TrimStart()).Trim();
            }
        }

        return text;
    }

    /// <summary><paramref name="text"/> without "the company", "la empresa", "l'azienda", "společnosti" before a name.</summary>
    private static string WithoutOrganisationNoun(string text)
    {
        var words = Split(text);
        var folded = words.Select(w => FoldWord(w.Value)).ToArray();
        var best = 0;
        foreach (var noun in OrganisationNouns)
        {
            if (noun.Length > best && words.Count > noun.Length && WordsAt(folded, 0, noun))
            {
                best = noun.Length;
            }
        }

        if (best == 0 || char.IsUpper(words[0].Value[0]))
        {
            return text;
        }

        var rest = text[words[best].Index..].Trim();
        return rest.Length > 0 && !char.IsLower(rest[0]) ? rest : text;
    }

    /// <summary>
    /// A name given instead of a plain yes or no to "shall I call you …?": "No, call me Ana please", "call me Ana", "my
    /// name is Ana", "não, chama-me Ana", "hayır, ben Ayşe" → "Ana"; null when the answer names none ("no", "no thanks").
    /// <paramref name="turkish"/> as for <see cref="Name"/>.
    /// </summary>
    public static string? NameInConfirmAnswer(string? typed, bool turkish = false)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var text = typed.Trim();
        if (Split(text) is { Count: > 1 } words && Noes.Any(no => no.Length == 1 && FoldWord(words[0].Value) == no[0]))
        {
            text = text[words[1].Index..];
        }

        return TurkishCallMe(text) ?? TurkishIAm(text, turkish) ?? WithoutArticle(StripLeadIn(text, NameLeadIns));
    }

    /// <summary>
    /// The organisation's name in a no to "Is “…” the name of your organisation?" that gives it: "No, it's CITEVE", "não,
    /// é a CITEVE", "no, es AITEX", "no, è NTT", "hayır, CLUTEX", "ne, je to CLUTEX", "no, I work for CITEVE" → the name;
    /// null for a plain no ("no", "no thanks", "no, it's not") or a no without a lead-in or a comma before the rest ("no
    /// idea"). The name's own checks (one line, not a request) are the caller's.
    /// </summary>
    public static string? OrganisationInConfirmAnswer(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var text = typed.Trim();
        var words = Split(text);
        if (words.Count < 2 || !Noes.Any(no => no.Length == 1 && FoldWord(words[0].Value) == no[0]))
        {
            return null;
        }

        // "no, CITEVE", "hayır – CLUTEX": a mark after the no; else only with a lead-in ("no it's CITEVE").
        var separated = words[0].Value[^1] is ',' or '.' or '!' or ';' or ':' || words[1].Value is "-" or "–" or "—";
        var rest = text[words[1].Index..].TrimStart('-', '–', '—', ' ');
        if (Split(rest) is { Count: > 1 } restWords && char.IsLower(restWords[0].Value[0]) && Now.Contains(FoldWord(restWords[0].Value)))
        {
            // "no, now it's AITEX": the name or its lead-in after "now" (written in lower case: "Agora Têxteis" is a name).
            rest = rest[restWords[1].Index..];
        }

        var name = StripLeadIn(rest, ConfirmOrganisationLeadIns) is { } afterLeadIn
            ? Organisation(afterLeadIn)
            : Organisation(rest) is { } organisation && (separated || organisation != rest.Trim()) ? organisation : null;
        if (name is null || name.Length == 0)
        {
            return null;
        }

        name = EndOfSentence(name);
        var nameWords = Split(name).Select(w => FoldWord(w.Value)).SkipWhile(Articles.Contains).ToList();
        if (nameWords.Count > 0 && RequestNouns.Contains(string.Join(' ', nameWords)))
        {
            return null;   // "no, it's a request": a plain no
        }

        // "it's not", "it isn't", "obrigado", "değil": no name in the first two words.
        var firstWords = Split(name).Take(2).Select(w => FoldWord(w.Value)).ToList();
        return name.Length == 0 || firstWords.Any(w => NotAName.Contains(w) || NotAName.Contains(w.Replace("'", "", StringComparison.Ordinal))) ? null : name;
    }

    /// <summary>The rest after the longest lead-in at the start (and courtesy at the end), or null when none leads in.</summary>
    private static string? StripLeadIn(string? typed, string[][] leadIns)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var text = typed.Trim();
        var words = Split(text);
        var folded = words.Select(w => FoldWord(w.Value)).ToArray();
        var best = 0;
        foreach (var leadIn in leadIns)
        {
            if (leadIn.Length > best && words.Count > leadIn.Length && WordsAt(folded, 0, leadIn))
            {
                best = leadIn.Length;
            }
        }

        if (best == 0)
        {
            return null;
        }

        var rest = text[words[best].Index..].Trim();
        var restWords = Split(rest);
        var restFolded = restWords.Select(w => FoldWord(w.Value)).ToArray();
        foreach (var courtesy in Courtesy)
        {
            var start = restWords.Count - courtesy.Length;
            if (start > 0 && WordsAt(restFolded, start, courtesy))
            {
                rest = rest[..restWords[start].Index];
                break;
            }
        }

        rest = EndOfSentence(rest);
        return rest.Length > 0 ? rest : null;
    }

    /// <summary><paramref name="text"/> without the marks that end a sentence, a full stop kept after an abbreviation ("S.p.A.", "Lda.").</summary>
    private static string EndOfSentence(string text)
    {
        text = text.Trim().TrimEnd(',', '!', ';', ':').Trim();
        var lastWord = text.Split(' ')[^1];
        if (lastWord.EndsWith('.') && lastWord.Length > 1 && !lastWord[..^1].Contains('.', StringComparison.Ordinal)
            && !Abbreviations.Contains(TypedCommand.Fold(lastWord)))
        {
            text = text[..^1].TrimEnd();
        }

        return text;
    }

    /// <summary>Whether <paramref name="folded"/> holds <paramref name="phrase"/>'s words from <paramref name="start"/> on.</summary>
    private static bool WordsAt(string[] folded, int start, string[] phrase)
    {
        for (var i = 0; i < phrase.Length; i++)
        {
            if (folded[start + i] != phrase[i])
            {
                return false;
            }
        }

        return true;
    }

    private static List<Match> Split(string text) => [.. Word().Matches(text).Cast<Match>()];

    /// <summary>A word folded for comparison: case, accents, curly apostrophes and punctuation around it ignored.</summary>
    private static string FoldWord(string word) =>
        TypedCommand.Fold(word.Replace('\u2019', '\'')).Trim(',', '.', '!', '?', ';', ':', '"');

    private static string[][] Words(params string[] phrases) =>
        [.. phrases.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(FoldWord).ToArray())];

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();

    // "CITEVE'de çalışıyorum", "CITEVE için çalışıyorum", "CITEVE’te çalışıyorum": the organisation before the verb (Turkish
    // puts it last), a locative ending after an apostrophe or "için" (for) left out.
    [GeneratedRegex(@"^(?:ben\s+)?(?:(?:şimdi|simdi|artık|artik)\s+)?(?<org>.+?)(?:['’](?:de|da|te|ta)|\s+(?:için|icin|bünyesinde|bunyesinde|şirketinde|sirketinde|firmasında|firmasinda|kurumunda|kuruluşunda|kurulusunda|şirketi\s+için|firması\s+için))?\s+(?:çalışıyorum|calisiyorum|çalışırım|calisirim)[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex TurkishWork();

    // "bana Ayşe de", "bana Ayşe deyin", "bana Ayşe diyebilirsiniz", "bana Ayşe diye hitap edin": Turkish puts the verb of
    // "call me" after the name.
    [GeneratedRegex(@"^bana\s+(?<name>.+?)\s+(?:de|deyin|diyebilirsin|diyebilirsiniz|diye\s+hitap\s+(?:et|edin|edebilirsiniz)|diye\s+seslen(?:in)?)(?:\s+(?:lütfen|lutfen))?[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex TurkishCallMeRegex();

    // "CLUTEX'teyim", "CITEVE'deyim", "Bursa Tekstil'dayım" (I am at …): the organisation before the locative and "-yım".
    [GeneratedRegex(@"^(?:ben\s+)?(?:(?:şimdi|simdi|artık|artik)\s+)?(?<org>.+?)['’](?:de|da|te|ta)y[ıiuü]m[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex TurkishAt();

    // "Ben Ayşe", "Ben Ayşe'yim", "ben Ayşe Yılmaz." (I am Ayşe): "ben" before the name, the copula after an apostrophe.
    [GeneratedRegex(@"^ben\s+(?<name>[^\s,.!?].*?)(?<copula>['’]y?[ıiuü]m)?\s*[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex TurkishIAmRegex();

    // "Ayşe olsun" (let it be Ayşe), "Ayşe yeterli" (Ayşe is enough), "Ayşe diyebilirsiniz" (you can say Ayşe).
    [GeneratedRegex(@"^(?<name>\S.*?)\s+(?:olsun|yeterli|diyebilirsiniz|diyebilirsin|deyin|diye\s+hitap\s+(?:edin|edebilirsiniz))[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex TurkishNameThen();
}
