using System.Collections.Frozen;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>What an answer to the first-use organisation question is (<see cref="OrganisationAnswer.Read"/>).</summary>
internal enum OrganisationAnswerKind
{
    /// <summary>An organisation's name: saved ("Partner Search Europe", "Coaching Textil Lda", "CITEVE").</summary>
    Name,

    /// <summary>A journey request: kept and run once the profile is saved ("find partners in Italy").</summary>
    Request,

    /// <summary>Either: the bot asks whether it is the organisation's name ("Find Partners", "textile exchange lab").</summary>
    Unsure,
}

/// <summary>
/// Tells an organisation's name from a request typed at the first-use organisation question. Only a text the local
/// recognizer is sure is a journey request (two journey words or more) is looked at; of those, a legal form at the end
/// ("Lda", "S.L.", "S.p.A.", "s.r.o.", "A.Ş.", "Ltd", "GmbH") makes a name; what a request says and a name does not — a
/// verb (an imperative only as the first word), a pronoun, a question ("I need", "quero", "busco", "cerco", "arıyorum",
/// "hledám", "find …", "show my"), a country
/// or region as a place ("in Italy", "em Itália", "v Itálii", "İtalya'da") — makes a request when the words are not
/// written as a name (each capitalised: "Partner Search Europe"); capitalised words without those make a name, and the
/// rest (capitalised with a verb, "Find Partners"; lower case without one, "textile exchange lab") is asked about.
/// </summary>
internal static class OrganisationAnswer
{
    /// <summary>
    /// The lowest score of a journey request typed at the organisation question: two journey words at least ("partner
    /// arıyorum", "candidatar-me … intercâmbio", "find partners"); one ("Partner Textiles Lda", "Italian Dyeing Centre",
    /// "Coaching Solutions SL") is an organisation's name.
    /// </summary>
    internal const double JourneyRequestScore = 0.8;

    /// <summary>
    /// The typed commands of the coaching and exchange journeys in every language ("sessions", "my sessions",
    /// "my applications", "apply", "sesiones", "başvurularım"): the words the welcome and help cards teach.
    /// </summary>
    private static readonly string[] MenuCommands =
    [
        .. Coaching.CoachingTexts.All.SelectMany(t => t.ListCommands.Concat(t.MineCommands)),
        .. Exchanges.ExchangeTexts.All.SelectMany(t => t.ApplyCommands.Concat(t.StepByStepCommands).Concat(t.MyApplicationsCommands).Concat(t.WithdrawCommands).Concat(t.PendingApprovalsCommands)),
        .. ConversationTexts.All.SelectMany(t => new[] { t.MyApplicationsWord, t.MySessionsWord }),
    ];

    /// <summary>The local recognizer (CPU only, no Azure OpenAI call for an organisation's name).</summary>
    private static readonly LocalIntentRecognizer Recognizer = new(TimeProvider.System);

    /// <summary>What <paramref name="text"/>, typed at the first-use organisation question, is.</summary>
    public static OrganisationAnswerKind Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return OrganisationAnswerKind.Name;
        }

        var words = System.Text.RegularExpressions.Regex.Split(text.Trim(), @"[^\p{L}\p{M}\p{Nd}&]+").Where(w => w.Length > 0).ToList();
        var folded = words.Select(TypedCommand.Fold).ToList();

        // "Find Partners Ltd", "Partner Search S.r.l.", "Coaching Textil Lda", "Türk Tekstil A.Ş.": a legal form at the end.
        var normalized = string.Join(' ', folded);
        if ((folded.Count > 0 && Partners.OrganisationNameMatcher.LegalForms.Contains(folded[^1]))
            || SpelledLegalForms.Any(form => normalized == form || normalized.EndsWith(" " + form, StringComparison.Ordinal)))
        {
            return OrganisationAnswerKind.Name;
        }

        // "sessions", "my applications", "sesiones": a menu command typed whole is a request, whatever the recognizer
        // scores a single word; written as a name ("Sessions") it is asked about.
        if (TypedCommand.ContainsFolded(MenuCommands, TypedCommand.Fold(text)))
        {
            return words.All(w => !char.IsLower(w[0]) || Connectors.Contains(TypedCommand.Fold(w))) ? OrganisationAnswerKind.Unsure : OrganisationAnswerKind.Request;
        }

        var recognized = Recognizer.Recognize(text, null);
        if (recognized.Score < JourneyRequestScore
            || recognized.Intent is not (Intent.FindPartners or Intent.ApplyForExchange or Intent.RegisterForCoaching or Intent.MyApplications or Intent.MySessions))
        {
            return OrganisationAnswerKind.Name;
        }

        var (asRequest, asName) = ReadWords(text, words, folded);
        return (asRequest, asName) switch
        {
            (true, false) => OrganisationAnswerKind.Request,
            (false, true) => OrganisationAnswerKind.Name,
            _ => OrganisationAnswerKind.Unsure,
        };
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a request or a command rather than a name: a sure request, a menu command
    /// ("sessions", "Sessions"), or one that may be either and says what a request says ("Find Partners", "Busco Socios")
    /// — the name given after a no ("No, it's Find Partners") is then no organisation's name but the request.
    /// </summary>
    internal static bool IsCommand(string? text)
    {
        var kind = Read(text);
        if (kind != OrganisationAnswerKind.Unsure)
        {
            return kind == OrganisationAnswerKind.Request;
        }

        var words = System.Text.RegularExpressions.Regex.Split(text!.Trim(), @"[^\p{L}\p{M}\p{Nd}&]+").Where(w => w.Length > 0).ToList();
        return TypedCommand.ContainsFolded(MenuCommands, TypedCommand.Fold(text)) || ReadWords(text, words, [.. words.Select(TypedCommand.Fold)]).AsRequest;
    }

    /// <summary>
    /// Whether <paramref name="text"/> says what a request says and a name does not (a verb, a pronoun, a question, a
    /// place: "I need partners in Italy"), without being written as a name — whatever the recognizer makes of it: the
    /// name given after a no ("no, it's CITEVE") is read by this alone, as the no says it is no request.
    /// </summary>
    internal static bool SaysARequest(string text)
    {
        var words = System.Text.RegularExpressions.Regex.Split(text.Trim(), @"[^\p{L}\p{M}\p{Nd}&]+").Where(w => w.Length > 0).ToList();
        if (words.Count == 0)
        {
            return false;
        }

        var (asRequest, asName) = ReadWords(text, words, [.. words.Select(TypedCommand.Fold)]);
        return asRequest && !asName;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is made only of ordinary words and pronouns, in any of the six languages — "my
    /// colleague", "a friend", "here", "home", "busy", "a minha colega", "en casa", "in ufficio", "evde", "v práci": where
    /// or with whom someone is, not an organisation's name (after "I'm with", "estou em", "sono in" at "Is your
    /// organisation still …?"). Folded; a word of a name ("Textil", "AITEX") makes it false.
    /// </summary>
    internal static bool IsOnlyOrdinaryWords(string text)
    {
        var words = System.Text.RegularExpressions.Regex.Split(text.Trim(), @"[^\p{L}\p{M}\p{Nd}&]+").Where(w => w.Length > 0).ToList();
        return words.Count > 0 && words.All(w => OrdinaryWords.Contains(TypedCommand.Fold(w)));
    }

    /// <summary>
    /// Whether <paramref name="name"/>, read in the answer <paramref name="typed"/> and matched to the directory's
    /// <paramref name="directoryName"/>, is there only as an ordinary word: ordinary words alone (<see cref="IsOnlyOrdinaryWords"/>),
    /// in lower case, inside a sentence with other words than the directory name's ("estou em casa", "I'm at home",
    /// "lavoro da casa" with a CASA listed) — where the user is, more likely than the organisation, so asked about rather
    /// than taken. The name typed alone ("casa", "CASA") or with a capital ("estou na CASA") is the organisation.
    /// </summary>
    internal static bool IsOnlyAnOrdinaryWordThere(string typed, string name, string directoryName)
    {
        if (name.Any(char.IsUpper) || !IsOnlyOrdinaryWords(name))
        {
            return false;
        }

        var named = Partners.OrganisationNameMatcher.Tokens(directoryName);
        return Partners.OrganisationNameMatcher.Tokens(typed).Any(w => !named.Contains(w, StringComparer.Ordinal));
    }

    /// <summary>
    /// Ordinary words no organisation's name is made of alone (<see cref="IsOnlyOrdinaryWords"/>), folded: articles,
    /// possessives and pronouns, people one is with, places one is at, what one is busy with — in the six languages.
    /// </summary>
    private static readonly FrozenSet<string> OrdinaryWords = FrozenSet.ToFrozenSet(
    [
        // English
        "a", "an", "the", "my", "your", "his", "her", "our", "their", "this", "that", "me", "you", "him", "them", "us", "it",
        "with", "at", "in", "on", "and", "of", "some", "someone", "somebody", "nobody", "everyone", "people", "colleague",
        "colleagues", "friend", "friends", "boss", "manager", "team", "family", "wife", "husband", "kids", "client", "clients",
        "customer", "customers", "here", "there", "home", "work", "office", "busy", "lunch", "meeting", "holiday", "holidays",
        "vacation", "leave", "away", "abroad", "outside", "now", "today", "still", "same", "alone", "fine", "good", "well",
        "please", "thanks", "moment", "car", "train", "airport", "desk", "these", "those",
        // "this", "that", "it" in the other languages (what "what is …?" asks about the question itself)
        "isto", "isso", "aquilo", "esto", "eso", "esta", "questo", "quello", "questa", "su", "to", "tohle", "toto",
        // Portuguese
        "o", "os", "as", "um", "uma", "meu", "minha", "meus", "minhas", "seu", "sua", "nosso", "nossa", "com", "em", "no", "na",
        "de", "do", "da", "e", "colega", "colegas", "amigo", "amiga", "amigos", "amigas", "chefe", "equipa", "equipe", "familia",
        "aqui", "ali", "la", "casa", "trabalho", "escritorio", "ocupado", "ocupada", "reuniao", "ferias", "almoco", "cliente",
        "clientes", "agora", "hoje", "ele", "ela", "eles", "voce", "alguem", "ninguem", "sozinho", "sozinha", "fora",
        // Spanish
        "el", "los", "las", "un", "mi", "mis", "tu", "su", "nuestro", "nuestra", "con", "en", "y", "companero", "companera",
        "companeros", "jefe", "jefa", "equipo", "aqui", "alli", "alla", "oficina", "reunion", "vacaciones", "comida", "almuerzo",
        "ahora", "hoy", "usted", "alguien", "nadie", "solo", "sola",
        // Italian
        "il", "lo", "i", "gli", "le", "uno", "mio", "mia", "miei", "mie", "tuo", "suo", "nostro", "nostra", "al", "alla", "con",
        "collega", "colleghi", "amico", "amica", "amici", "capo", "squadra", "famiglia", "qui", "qua", "li", "casa", "lavoro",
        "ufficio", "occupato", "occupata", "riunione", "ferie", "vacanza", "pranzo", "ora", "adesso", "oggi", "lui", "lei",
        "loro", "qualcuno", "nessuno", "fuori",
        // Turkish
        "benim", "bir", "arkadas", "arkadasim", "arkadaslarim", "meslektas", "meslektasim", "is", "isteyim", "patron",
        "patronum", "mudur", "mudurum", "ekip", "ekibim", "aile", "ailem", "burada", "burda", "orada", "ev", "evde", "evdeyim",
        "iste", "ofis", "ofiste", "mesgul", "mesgulum", "toplanti", "toplantida", "tatil", "tatilde", "ogle", "musteri",
        "simdi", "bugun", "onlar", "biri", "birisi", "kimse", "disarida", "yalniz",
        // Czech
        "muj", "moje", "ma", "me", "tvuj", "jeho", "jeji", "nas", "nase", "s", "se", "v", "ve", "u", "kolega", "kolegou",
        "kolegyne", "kolegyni", "kolegy", "kamarad", "kamaradem", "kamaradka", "kamaradkou", "pritel", "pritelem", "sef",
        "sefem", "tym", "tymem", "rodina", "rodinou", "tady", "zde", "tam", "doma", "domov", "prace", "praci", "kancelar",
        "kancelari", "zaneprazdneny", "zaneprazdnena", "porada", "porade", "schuzka", "schuzce", "dovolena", "dovolene", "obed",
        "obede", "klient", "klientem", "zakaznik", "ted", "dnes", "on", "ona", "oni", "nekdo", "nikdo", "venku", "sam", "sama",
    ], StringComparer.Ordinal);

    /// <summary>Whether the words say a request (<see cref="RequestWords"/>, …) and whether they are written as a name.</summary>
    private static (bool AsRequest, bool AsName) ReadWords(string text, List<string> words, List<string> folded)
    {
        var asRequest = text.TrimEnd().EndsWith('?')
            || FirstWords.Contains(folded[0])
            || folded.Any(w => RequestWords.Contains(w) || TurkishVerbEndings.Any(e => w.Length > e.Length + 1 && w.EndsWith(e, StringComparison.Ordinal)))
            || NamesAPlace(text);
        var asName = words.All(w => !char.IsLower(w[0]) || Connectors.Contains(TypedCommand.Fold(w)));
        return (asRequest, asName);
    }

    /// <summary>
    /// A country or partner region after a preposition of place ("in Italy", "em Portugal", "en España", "v Itálii", "do
    /// Španělska"), or with a Turkish case ending ("ispanyada", "İtalya'da", "Türkiye'ye"): somewhere a request is about.
    /// </summary>
    private static bool NamesAPlace(string text)
    {
        // "ispanyada", "italyaya", "turkiyede": the case ending on a place's whole name is split off as if after an
        // apostrophe (TurkishSuffix, which the recognizer reads them with too).
        var tokens = TurkishSuffix.SplitPlaceEndings(TextNormalizer.Tokenize(text));
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Norm;
            if (PlacePrepositions.Contains(word) && i + 1 < tokens.Count && IsPlace(tokens[i + 1].Norm))
            {
                return true;
            }

            // "İtalya'da", "Türkiye'ye", "ispanyada": the case ending after the name (the one test of it, TurkishSuffix).
            if (i + 1 < tokens.Count && TurkishSuffix.IsCaseEndingAfterApostrophe(tokens, i + 1) && IsPlace(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPlace(string word) =>
        LocalIntentRecognizer.FindCountry(word) is not null || LocalIntentRecognizer.FindRegion(word) is not null;

    /// <summary>
    /// Legal forms written with their dots, which the split leaves as letters ("S.r.l." is "s r l", "A.Ş." "a s"); the
    /// one-word forms are the directory matcher's (<see cref="Partners.OrganisationNameMatcher.LegalForms"/>).
    /// </summary>
    private static readonly string[] SpelledLegalForms =
    [
        "s a", "s l", "s r l", "s p a", "a s", "s r o", "v o s", "k s", "z s", "o p s",
    ];

    /// <summary>Small words a capitalised name keeps in lower case ("Asociación de Socios Textiles", "Centre for …").</summary>
    private static readonly FrozenSet<string> Connectors = FrozenSet.ToFrozenSet(
    [
        "of", "and", "the", "for", "&", "de", "da", "do", "das", "dos", "del", "della", "delle", "dei", "degli", "di", "e", "y",
        "i", "ve", "a", "la", "le", "el", "los", "las", "en", "em", "per", "pro", "za", "na", "und", "von", "van", "s",
    ], StringComparer.Ordinal);

    /// <summary>
    /// What a request says anywhere and an organisation's name does not: pronouns, the first person of the verbs of
    /// wanting, needing, looking for and signing up, infinitives, question words, the programme's name — in the six
    /// languages, folded (no accents, lower case). Not the nouns a name may hold ("Partner Search Europe").
    /// </summary>
    private static readonly FrozenSet<string> RequestWords = FrozenSet.ToFrozenSet(
    [
        "clusterxchange",
        // English
        "i", "im", "me", "my", "we", "our", "us", "want", "wanna", "need", "needs", "like", "would", "could", "can", "please",
        "looking", "searching", "applying", "how", "where", "who", "what", "which", "any",
        // Portuguese
        "eu", "meu", "minha", "meus", "minhas", "quero", "queria", "gostaria", "preciso", "precisamos", "procuro", "procuramos",
        "procurar", "procurando", "encontrar", "candidatar", "inscrever", "posso", "pode", "podem", "onde", "quais", "algum", "alguma",
        // Spanish
        "yo", "mi", "mis", "quiero", "quisiera", "gustaria", "necesito", "necesitamos", "busco", "buscamos", "buscar", "buscando",
        "solicitar", "inscribirme", "apuntarme", "puedo", "puedes", "donde", "cuales", "algun",
        // Italian
        "io", "mio", "mia", "miei", "mie", "voglio", "vorrei", "vogliamo", "cerco", "cerchiamo", "cercare", "cercando", "trovare",
        "candidarmi", "iscrivermi", "bisogno", "serve", "servono", "puoi", "dove", "quali", "qualche",
        // Turkish
        "ben", "benim", "bana", "bize", "ihtiyacim", "ihtiyacimiz", "lazim", "basvurmak", "katilmak", "nasil", "nerede", "hangi",
        // Czech
        "ja", "muj", "moje", "mne", "chci", "chceme", "chtel", "chtela", "chteli", "bych", "bychom", "potrebuji", "potrebuju",
        "potrebujeme", "hledam", "hledame", "najit", "prihlasit", "jak", "kde", "ktere", "nejake",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Imperatives, a request only as the first word ("find partners", "show my sessions", "trova partner", "najdi
    /// partnera"): elsewhere the same word is a noun of a name ("Partner Search Europe", "Partner Find").
    /// </summary>
    private static readonly FrozenSet<string> FirstWords = FrozenSet.ToFrozenSet(
    [
        "find", "search", "look", "show", "list", "get", "give", "apply", "register", "book", "join", "sign",
        "mostra", "mostre", "encontre", "procure", "encuentra", "encuentre", "muestra", "muestrame", "mostrami", "trova",
        "trovami", "cerca", "bul", "bulun", "goster", "gosterin", "najdi", "ukaz", "ukazte", "zobraz", "hledej",
    ], StringComparer.Ordinal);

    /// <summary>Turkish first-person verb endings, folded ("arıyorum", "istiyoruz", "başvuracağım"): a request.</summary>
    private static readonly string[] TurkishVerbEndings = ["iyorum", "iyoruz", "uyorum", "uyoruz", "yorum", "yoruz", "acagim", "ecegim", "mak istiyorum"];

    /// <summary>
    /// Prepositions of place before a country or region (EN, PT, ES, IT, CS), folded; not Czech "do" ("to"), which is
    /// Portuguese "of the" in names ("Têxteis do Norte").
    /// </summary>
    private static readonly FrozenSet<string> PlacePrepositions = FrozenSet.ToFrozenSet(
        ["in", "to", "near", "em", "no", "na", "nos", "nas", "para", "en", "a", "v", "ve"], StringComparer.Ordinal);
}
