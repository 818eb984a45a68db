using HiTechTex.Bot.Language;
using HiTechTex.Bot.Language.Vocabulary;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// What a typed session request asks for beyond a topic and a named month: a session language named in any of the
/// six languages ("sessions in Italian", "sessioni in italiano", "sessões em inglês", "İtalyanca oturumlar", "setkání
/// v češtině"), a month relative to today ("next month", "el mes que viene", "příští měsíc", "this month"), and the
/// words that were none of these nor filler — said to the user rather than silently dropped.
/// </summary>
internal static class SessionRequestWords
{
    /// <summary>Each session language's names (normalised: lower case, no accents) in the six languages.</summary>
    private static readonly (string Code, string[] Names)[] LanguageNames =
    [
        ("EN", ["english", "ingles", "inglese", "ingilizce", "anglictina", "anglictinu", "anglictine", "anglicky", "anglicke", "anglickem"]),
        ("PT", ["portuguese", "portugues", "portoghese", "portekizce", "portugalstina", "portugalstinu", "portugalstine", "portugalsky", "portugalske", "portugalskem"]),
        ("ES", ["spanish", "espanhol", "espanol", "castellano", "spagnolo", "ispanyolca", "spanelstina", "spanelstinu", "spanelstine", "spanelsky", "spanelske", "spanelskem"]),
        ("IT", ["italian", "italiano", "italyanca", "italstina", "italstinu", "italstine", "italsky", "italske", "italskem"]),
        ("TR", ["turkish", "turco", "turkce", "turectina", "turectinu", "turectine", "turecky", "turecke", "tureckem"]),
        ("CS", ["czech", "checo", "tcheco", "ceco", "cekce", "cestina", "cestinu", "cestine", "cesky"]),
    ];

    private static readonly Dictionary<string, string> LanguageByName = LanguageNames
        .SelectMany(l => l.Names.Select(n => (Name: n, l.Code)))
        .ToDictionary(x => x.Name, x => x.Code, StringComparer.Ordinal);

    /// <summary>The month after this one, in the six languages.</summary>
    private static readonly string[][] NextMonthPhrases =
    [
        ["next", "month"], ["coming", "month"], ["following", "month"],
        ["proximo", "mes"], ["mes", "que", "vem"], ["mes", "proximo"], ["mes", "seguinte"],
        ["mes", "que", "viene"], ["siguiente", "mes"], ["mes", "siguiente"],
        ["mese", "prossimo"], ["prossimo", "mese"], ["mese", "successivo"], ["mese", "venturo"],
        ["gelecek", "ay"], ["onumuzdeki", "ay"], ["gelecek", "ayki"], ["onumuzdeki", "ayki"], ["gelecek", "ayda"], ["onumuzdeki", "ayda"],
        ["pristi", "mesic"], ["pristim", "mesici"], ["pristiho", "mesice"], ["dalsi", "mesic"], ["dalsim", "mesici"],
    ];

    /// <summary>This month, in the six languages.</summary>
    private static readonly string[][] ThisMonthPhrases =
    [
        ["this", "month"], ["current", "month"],
        ["este", "mes"], ["neste", "mes"], ["deste", "mes"], ["esse", "mes"], ["nesse", "mes"], ["mes", "atual"], ["mes", "actual"],
        ["questo", "mese"], ["mese", "corrente"], ["questo", "mese"],
        ["bu", "ay"], ["bu", "ayki"], ["bu", "ayin"],
        ["tento", "mesic"], ["tomto", "mesici"], ["tohoto", "mesice"], ["tenhle", "mesic"],
    ];

    /// <summary>
    /// Words that ask for sessions without filtering them: the stop words of the six languages are read from the
    /// vocabulary; these are the words of a session request they lack ("which upcoming trainings are available?").
    /// </summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        // English
        "upcoming", "available", "all", "see", "view", "find", "book", "booking", "course", "courses", "class", "classes", "event", "events",
        "trainings", "offered", "open", "planned", "scheduled", "have", "has", "next", "new", "language", "month", "held", "taught", "when",
        "are", "there", "any", "session", "sessions", "coaching", "training", "workshops", "workshop", "webinar", "webinars", "register", "please",
        "month's", "s", "catalogue", "catalog", "list", "show", "me", "held", "given", "run",
        // Portuguese / Spanish
        "ver", "mostrar", "mostra", "mostre", "muestra", "muestrame", "mostrame", "disponiveis", "disponibles", "proximas", "proximos", "todas", "todos",
        "cursos", "curso", "formacao", "formacoes", "formacion", "formaciones", "ha", "hay", "quais", "cuales", "que", "lingua", "idioma", "lengua", "mes",
        "sessao", "sessoes", "sesion", "sesiones", "quero", "quiero", "gostaria", "queria", "marcar", "reservar", "existem", "existe", "tem", "tienen",
        // Italian
        "vedere", "mostrami", "disponibili", "prossime", "prossimi", "tutte", "tutti", "corsi", "corso", "formazione", "ci", "sono", "quali",
        "sessione", "sessioni", "vorrei", "voglio", "prenota", "prenotare", "mese", "lingua",
        // Turkish
        "goster", "gosterir", "misin", "mevcut", "tum", "butun", "egitim", "egitimler", "egitimleri", "kurs", "kurslar", "var", "mi", "neler",
        "oturum", "oturumlar", "oturumlari", "yaklasan", "ay", "dilinde", "dil", "istiyorum",
        // Czech
        "ukaz", "ukazte", "ukazat", "dostupna", "dostupne", "vsechna", "vsechny", "kurzy", "kurz", "skoleni", "jaka", "jake", "jsou", "setkani",
        "sezeni", "nadchazejici", "chci", "bych", "chtel", "chtela", "mesic", "jazyce", "jazyk",
        // Wanting some of it: "I need 2 weeks of coaching", "interessado em 5 dias de formação", "potřebuju školení".
        "need", "interested", "preciso", "interessado", "interessada", "necesito", "interesado", "interesada", "bisogno",
        "interessato", "interessata", "ihtiyacim", "ilgileniyorum", "potrebuju", "potrebuji", "zajima",
        // "what do you have / offer?": "jaké máte školení", "che corsi avete", "qué cursos ofrecen".
        "offer", "teem", "oferecem", "tienes", "ofrecen", "ofreceis", "avete", "hai", "offrite", "sunuyorsunuz", "mate", "nabizite",
    };

    private static readonly Lazy<HashSet<string>> StopWords = new(() => Languages.All
        .SelectMany(v => v.StopWords.Concat(v.TopicMarkers).Concat(v.MonthPrepositions ?? []))
        .Select(TextNormalizer.Normalize)
        .ToHashSet(StringComparer.Ordinal));

    /// <summary>The session language named ("EN", "PT", …) and its token's index; a word of the topic is no language.</summary>
    public static (string Code, int Index)? FindLanguage(IReadOnlyList<Token> tokens, IReadOnlySet<string> topicWords)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(topicWords);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (LanguageByName.TryGetValue(tokens[i].Norm, out var code) && !topicWords.Contains(tokens[i].Norm))
            {
                return (code, i);
            }
        }

        return null;
    }

    /// <summary>"next month" / "this month" (in the six languages): that month's first day and the words it used.</summary>
    public static (DateOnly Month, PhraseMatch Span)? FindRelativeMonth(IReadOnlyList<Token> tokens, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (Find(tokens, NextMonthPhrases) is { } next)
        {
            return (thisMonth.AddMonths(1), next);
        }

        return Find(tokens, ThisMonthPhrases) is { } current ? (thisMonth, current) : null;
    }

    /// <summary>
    /// The words of the request (as typed, in order) that are none of: the catalogue's command words, a filler, a stop
    /// word of the six languages, a number, or a word at one of the <paramref name="used"/> indexes.
    /// </summary>
    public static IReadOnlyList<string> Unused(IReadOnlyList<Token> tokens, IReadOnlySet<string> commandWords, IReadOnlySet<int> used)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(commandWords);
        ArgumentNullException.ThrowIfNull(used);
        var words = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var norm = tokens[i].Norm;
            if (used.Contains(i) || commandWords.Contains(norm) || Filler.Contains(norm) || StopWords.Value.Contains(norm)
                || norm.All(char.IsAsciiDigit) || norm.Length < 2 || IsCoachingWord(norm) || IsTypoOfRequestWord(norm, commandWords)
                || (i > 0 && StayLength.UnitDays(norm) is not null && StayLength.Count(tokens[i - 1].Norm) is not null))
            {
                continue;
            }

            words.Add(tokens[i].Raw);
        }

        return words;
    }

    // "sesions", "upcomming", "sessioni" mistyped: the recognizer took them for the request's words; no filter is
    // named after a typo of "sessions". One edit from a word of five letters or more, two from one of eight or more.
    private static bool IsTypoOfRequestWord(string norm, IReadOnlySet<string> commandWords)
    {
        if (norm.Length < 5)
        {
            return false;
        }

        var max = norm.Length >= 8 ? 2 : 1;
        return commandWords.Concat(Filler).Concat(CoachingWords.Value.Select(w => w.TrimEnd('*')))
            .Any(w => w.Length >= 5 && DamerauLevenshtein.IsWithin(norm, w, max));
    }

    // "workshops", "webinars", "trainings", "sessões": the coaching intent's words and their stems.
    private static bool IsCoachingWord(string norm) => CoachingWords.Value.Any(w =>
        w.EndsWith('*') ? norm.StartsWith(w[..^1], StringComparison.Ordinal) : norm == w);

    private static readonly Lazy<string[]> CoachingWords = new(() => [.. Languages.All
        .SelectMany(v => new[] { Intent.RegisterForCoaching, Intent.MySessions }.SelectMany(i => v.Intents.GetValueOrDefault(i) ?? []))
        .Select(p => p.Split('=')[0])
        .Where(p => !p.Contains(' ', StringComparison.Ordinal))
        .Select(TextNormalizer.Normalize)]);

    private static PhraseMatch? Find(IReadOnlyList<Token> tokens, string[][] phrases) =>
        DateParser.FindPhrase(tokens, phrases) is { } found ? new PhraseMatch(found.Start, found.Phrase.Length, 1) : null;
}
