namespace HiTechTex.Bot.Language;

/// <summary>
/// Words that narrow a partner search without being anything to look for: the restrictors "only", "just", "só",
/// "apenas", "solo", "soltanto", "sadece", "yalnızca", "pouze", "jenom"… and the generic nouns for organisations they go
/// with ("companies", "empresas", "aziende", "firmalar", "firmy", and the companies named by what they do: "manufacturers",
/// "providers", "fornecedores", "proveedores", "produttori", "üreticisi", "satıcılar", "výrobci"…). "only companies in Portugal" is a search in Portugal
/// (of any kind), not for the words "only" or "empresas" in the descriptions, which found nothing. People at
/// organisations ("key players", "stakeholders", "principais atores", "kilit oyuncular") are no search words either. Both recognizers'
/// keywords go through <see cref="Clean"/>; the local one never makes them keywords in the first place.
/// </summary>
internal static class SearchRestrictors
{
    // Normalized (no accents): "só" is "so", "yalnızca" "yalnizca", "výhradně" "vyhradne". A word of one language that is
    // another's ordinary word is left out only where it says nothing to search for in either ("so", "solo", "jen").
    private static readonly HashSet<string> Restrictors = new(StringComparer.Ordinal)
    {
        "only", "just", "solely", "exclusively",
        "so", "somente", "apenas", "unicamente", "exclusivamente",
        "solo", "solamente",
        "soltanto", "esclusivamente",
        "sadece", "yalnizca", "yalniz", "sirf",
        "pouze", "jen", "jenom", "vyhradne", "jedine",
    };

    // "empresa", "firma" and "società" are no kind of organisation (an SME and a large company alike): the kinds
    // ("SMEs", "universidades", "research centres") are filters of their own (Gazetteer.OrganisationKinds).
    private static readonly HashSet<string> OrganisationNouns = new(StringComparer.Ordinal)
    {
        "companies", "company", "firms", "businesses", "organisations", "organizations",
        "empresas", "empresa", "organizacoes", "companias", "organizaciones",
        "aziende", "azienda", "imprese", "societa", "organizzazioni",
        "firmalar", "firmalari", "firmalarini", "sirketler", "sirketleri", "kuruluslar", "kuruluslari",
        // "tekstil firması", "boya şirketi": the noun after what the company does (a compound, with its ending).
        "firmasi", "firmasini", "sirketi", "sirketini", "kurulusu",
        "firmy", "firem", "firmu", "spolecnosti", "podniky", "organizace",
        // Companies named by what they do with what follows: "towel manufacturers", "fornecedores de fios", "proveedores de
        // hilo", "produttori di tessuti", "havlu üreticisi", "výrobci netkaných textilií". The directory's descriptions say
        // what an organisation makes, seldom "manufacturer" (a word the taxonomy has no term for): as a keyword the noun
        // found nothing ("manufacturers in Portugal") or ranked a company that writes it above one that makes the thing.
        // Those who provide or sell a thing are such companies too: "providers of finishing services", "provedores de
        // tinturaria", "vendedores de tecidos", "venditori di filati", "kumaş satıcıları", "hizmet sağlayıcı", "poskytovatelé
        // služeb", "prodejci přízí".
        "manufacturer", "manufacturers", "producer", "producers", "supplier", "suppliers", "maker", "makers", "vendor", "vendors",
        "provider", "providers", "seller", "sellers",
        "fabricante", "fabricantes", "fornecedor", "fornecedores", "produtor", "produtores", "provedor", "provedores", "vendedor", "vendedores",
        "proveedor", "proveedores", "productor", "productores", "suministrador", "suministradores",
        "produttore", "produttori", "fornitore", "fornitori", "fabbricante", "fabbricanti", "costruttore", "costruttori", "venditore", "venditori",
        "uretici", "ureticiler", "ureticileri", "ureticilerini", "ureticisi", "ureticisini",
        "imalatci", "imalatcilar", "imalatcilari", "imalatcisi", "tedarikci", "tedarikciler", "tedarikcileri", "tedarikcisi",
        "satici", "saticilar", "saticilari", "saticilarini", "saticisi", "saticisini",
        "saglayici", "saglayicilar", "saglayicilari", "saglayicisi", "saglayicisini",
        "vyrobce", "vyrobci", "vyrobcu", "dodavatel", "dodavatele", "dodavatelu", "producent", "producenti", "producentu",
        "poskytovatel", "poskytovatele", "poskytovatelu", "prodejce", "prodejci", "prodejcu",
    };

    // People, though the last word is a maker's: "decision makers in Italy" are whom to reach at organisations there, not
    // companies that make "decision" — the first word was a keyword no description holds. The pair is no search word; so
    // are the other pairs for people whose words alone are words of a search ("partes interessadas": "partes" are parts).
    private static readonly HashSet<(string First, string Second)> PeopleCompounds =
    [
        ("decision", "maker"), ("decision", "makers"), ("policy", "maker"), ("policy", "makers"),
        ("contact", "person"), ("contact", "persons"), ("partes", "interessadas"), ("partes", "interesadas"),
        ("parti", "interessate"), ("portatori", "interesse"), ("karar", "vericiler"), ("karar", "vericileri"),
        ("ilgili", "taraflar"), ("zucastnene", "strany"), ("kontaktni", "osoby"),
    ];

    // People at organisations, whom a partner search reaches through them and no description names: "find stakeholders
    // in technical textiles in Portugal" searches technical textiles there, not the word "stakeholders". Normalized, in
    // the six languages. Not the words a textile search does look for: "contact" ("skin contact"), "agentes" and "agenti"
    // (finishing agents, "agentes ignífugos") — those are people only beside a word of importance (PeopleNouns).
    private static readonly HashSet<string> PeopleWords = new(StringComparer.Ordinal)
    {
        "stakeholder", "stakeholders", "actors", "contacts", "people", "persons", "policymakers", "decisionmakers",
        "atores", "ator", "actores", "intervenientes", "interveniente", "contactos", "contatos", "pessoas", "decisores",
        "personas", "interlocutores",
        "attori", "attore", "operatori", "contatti", "persone", "decisori", "referenti", "interlocutori",
        "paydas", "paydaslar", "paydaslari", "paydaslarini", "paydaslarla", "paydaslariyla", "aktorler", "aktorleri",
        "aktorlerini", "kisiler", "kisileri", "insanlar", "insanlari",
        "akter", "akteri", "aktery", "akteru", "kontakty", "kontaktu", "lide", "lidi",
    };

    // Words for people only beside a word of importance (PeopleModifiersBefore, PeopleModifiersAfter): "key players", "actores clave", "agentes-chave",
    // "attori chiave", "kilit oyuncular", "klíčoví hráči" — alone, "players" or "agentes" may be what is looked for.
    private static readonly HashSet<string> PeopleNouns = new(StringComparer.Ordinal)
    {
        "player", "players", "agentes", "agente", "jugadores", "jugador", "giocatori", "giocatore", "agenti",
        "oyuncu", "oyuncular", "oyunculari", "oyuncularini", "hrac", "hraci", "hrace", "hracu",
    };

    // The words of importance that make those people, written before them ("key", "main", "principais", "kilit",
    // "klíčoví"…) and no search words there — nor before the people words ("key stakeholders", "principais atores").
    private static readonly HashSet<string> PeopleModifiersBefore = new(StringComparer.Ordinal)
    {
        "key", "main", "major", "leading", "big", "important", "relevant",
        "principais", "principales", "principali", "principal",
        "kilit", "onemli", "ana", "buyuk",
        "klicovi", "klicove", "klicovych", "hlavni", "vyznamni", "velci", "dulezite",
    };

    // And after them, in Portuguese, Spanish and Italian ("atores-chave", "actores clave", "attori chiave", "agentes
    // principales"); not the English words ("players key" is no pair, but two keywords of a model: "players", "key technologies").
    private static readonly HashSet<string> PeopleModifiersAfter = new(StringComparer.Ordinal)
    {
        "chave", "clave", "chiave", "principais", "principales", "principali", "principal",
        "importantes", "relevantes", "importanti", "rilevanti",
    };

    // The plain words for people and contacts: no search words, but alone beside a place ("people in Portugal are
    // friendly", "my contacts in Spain") they are no request to reach anyone there (NamesPeople).
    private static readonly HashSet<string> PlainPeople = new(StringComparer.Ordinal)
    {
        "people", "persons", "contacts", "pessoas", "personas", "persone", "contactos", "contatos", "contatti",
        "kisiler", "kisileri", "insanlar", "insanlari", "lide", "lidi", "kontakty", "kontaktu",
    };

    // A sector, which a search names by what it is ("textile sector", "settore tessile": the other word is kept) and
    // which makes people of a people noun beside it ("agentes del sector", "players in the sector", "sektördeki
    // oyuncular"). Alone it is nothing a description is found by.
    private static readonly HashSet<string> SectorWords = new(StringComparer.Ordinal)
    {
        "sector", "sectors", "setor", "setores", "sectores", "settore", "settori",
        "sektor", "sektorde", "sektordeki", "sektorun", "sektorunun", "sektorunde", "sektorundeki", "sektorden", "sektoru",
        "obor", "oboru", "oborech", "odvetvi",
    };

    // The words between a people noun and the sector after it: "agentes del sector", "players in the sector",
    // "operatori del settore", "aktéři v oboru".
    private static readonly HashSet<string> SectorConnectors = new(StringComparer.Ordinal)
    {
        "of", "in", "the", "from", "de", "del", "do", "da", "dos", "das", "no", "na", "em", "en", "el",
        "di", "dello", "della", "dell", "delle", "dei", "degli", "nel", "nello", "il", "lo", "la", "v", "ve", "z", "ze",
    };

    // "and" between two names of one sector: "textile and footwear", "têxtil e do calçado", "textil y del calzado", "tessile
    // e della pelle", "tekstil ve deri", "textilního a obuvnického". Not Italian "i" (an article) nor Czech "i".
    private static readonly HashSet<string> SectorCoordinators = new(StringComparer.Ordinal) { "and", "e", "ed", "y", "ve", "a" };

    // At most this many connectors before the sector ("in the sector", "de este sector" is none).
    private const int MaxSectorConnectors = 2;

    // At most this many words that name the sector, after the connectors and right before the sector word: "players of
    // the textile sector", "hráči textilního sektoru", "players in the textile and clothing sector". They are what the
    // search looks for, and stay keywords.
    private const int MaxSectorNameWords = 3;

    /// <summary>A restrictor ("only", "só", "sadece", "pouze"…), normalized.</summary>
    public static bool IsRestrictor(string norm) => Restrictors.Contains(norm);

    /// <summary>A generic noun for organisations ("companies", "empresas", "firmy", "manufacturers", "fornitori"…), normalized.</summary>
    public static bool IsOrganisationNoun(string norm) => OrganisationNouns.Contains(norm);

    /// <summary>A word no search looks for: a restrictor, a noun for organisations, or a sector ("sector", "settore", "obor").</summary>
    public static bool IsNoSearchWord(string norm) => IsRestrictor(norm) || IsOrganisationNoun(norm) || SectorWords.Contains(norm);

    /// <summary>
    /// Per word of <paramref name="tokens"/>, whether no search looks for it: a restrictor, a noun for organisations, a
    /// word for people at organisations ("stakeholders", "intervenientes", "paydaşlar", "aktéři"), with a word of
    /// importance beside one ("key players", "actores clave", "attori chiave", "kilit oyuncular", "klíčoví hráči"), or
    /// either word of a compound for people ("decision makers", "partes interessadas").
    /// </summary>
    public static bool[] NoSearchWords(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var none = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var norm = tokens[i].Norm;
            none[i] |= IsNoSearchWord(norm);
            if (i + 1 < tokens.Count && PeopleCompounds.Contains((norm, tokens[i + 1].Norm)))
            {
                none[i] = none[i + 1] = true;
            }

            // "stakeholders", "principais atores", "key players", "actores clave", "kilit oyuncular", "klíčoví hráči",
            // "agentes del sector", "players in the sector", "sektördeki oyuncular".
            if (PeopleAt(tokens, i) is { } people)
            {
                none.AsSpan(people.Start, people.End - people.Start + 1).Fill(true);
            }
        }

        return none;
    }

    /// <summary>
    /// Whether <paramref name="tokens"/> name people at organisations whom a partner search reaches: "stakeholders",
    /// "key players", "principais atores", "attori chiave", "paydaşlar", "klíčoví hráči", "agentes del sector", "decision
    /// makers" — not the plain words for people or contacts alone ("people in Portugal are friendly"). Allocates nothing.
    /// </summary>
    public static bool NamesPeople(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            if ((i + 1 < tokens.Count && PeopleCompounds.Contains((tokens[i].Norm, tokens[i + 1].Norm)))
                || PeopleAt(tokens, i) is { Plain: false })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether people at organisations are named from the word at <paramref name="index"/> on: "paydaşları", "kilit
    /// oyuncuları" (of "Çorlu'nun paydaşları", "Çorlu'nun kilit oyuncuları") — not a plain word for people alone.
    /// </summary>
    public static bool NamesPeopleFrom(IReadOnlyList<Token> tokens, int index)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var i = index; i < tokens.Count && i <= index + 1; i++)
        {
            if (PeopleAt(tokens, i) is { Plain: false } people && people.Start == index)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Per word of <paramref name="tokens"/>, whether it names the sector of people named beside it: "textile" in
    /// "players of the textile sector", "têxtil" in "agentes do setor têxtil", "tessile" in "operatori del settore tessile",
    /// "textilního" in "hráči textilního sektoru", "tekstil" in "tekstil sektörünün oyuncuları" — up to
    /// <see cref="MaxSectorNameWords"/> words, a connector or a Turkish case ending ending them. Two names joined by "and"
    /// are one sector's ("têxtil e do calçado", "tekstil ve deri"): the "and" (and, after the sector word, the connectors
    /// after it) is no word of the count, and each name stays a keyword — the search ranks an organisation that names either.
    /// Those people somewhere ask for a search of that sector there, as the people alone ask for one there.
    /// </summary>
    public static bool[] SectorNameWords(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var names = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (PeopleAt(tokens, i) is not { } people)
            {
                continue;
            }

            if (people.Start < i && SectorWords.Contains(tokens[people.Start].Norm))
            {
                // "tekstil sektörünün oyuncuları", "textile sector players": the name before the sector word.
                Mark(people.Start - 1, -1);
            }

            var (last, sector) = SectorAfter(tokens, i);
            if (sector >= 0)
            {
                // "players of the textile sector": the name between; "agentes do setor têxtil": after the sector word.
                Mark(last + 1, 1);
            }
        }

        return names;

        void Mark(int from, int step)
        {
            // joined: after an "and", how many connectors were passed since (-1: none is being passed).
            var (words, joined) = (0, -1);
            for (var j = from; j >= 0 && j < tokens.Count && words < MaxSectorNameWords; j += step)
            {
                var norm = tokens[j].Norm;
                if (words > 0 && joined < 0 && SectorCoordinators.Contains(norm))
                {
                    joined = 0;
                    continue;
                }

                if (step > 0 && joined is >= 0 and < MaxSectorConnectors && SectorConnectors.Contains(norm))
                {
                    joined++;
                    continue;
                }

                if (SectorWords.Contains(norm) || SectorConnectors.Contains(norm) || PeopleAt(tokens, j) is not null
                    || TurkishSuffix.IsCaseEndingAfterApostrophe(tokens, j))
                {
                    return;
                }

                names[j] = true;
                (words, joined) = (words + 1, -1);
            }
        }
    }

    /// <summary>
    /// The words that name people at <paramref name="i"/>, from <c>Start</c> to <c>End</c> (inclusive): a people word
    /// alone, or a people word or noun with a word of importance ("key players", "actores clave") or a sector beside it
    /// ("sektördeki oyuncular", "agentes del sector", the connectors between included; the words that name the sector,
    /// as in "players of the textile sector", are not); <c>Plain</c> when it is only a plain word for people or contacts
    /// (<see cref="PlainPeople"/>). Null when no people are named there.
    /// </summary>
    private static (int Start, int End, bool Plain)? PeopleAt(IReadOnlyList<Token> tokens, int i)
    {
        var norm = tokens[i].Norm;
        var word = PeopleWords.Contains(norm);
        if (!word && !PeopleNouns.Contains(norm))
        {
            return null;
        }

        var before = i > 0 && (PeopleModifiersBefore.Contains(tokens[i - 1].Norm) || SectorWords.Contains(tokens[i - 1].Norm));
        var after = i + 1 < tokens.Count && PeopleModifiersAfter.Contains(tokens[i + 1].Norm) ? i + 1 : SectorAfter(tokens, i).Last;
        if (!word && !before && after < 0)
        {
            return null;
        }

        return (before ? i - 1 : i, Math.Max(i, after), !before && after < 0 && PlainPeople.Contains(norm));
    }

    /// <summary>
    /// After the word at <paramref name="i"/>, the last word before the sector's name or the sector word — connectors
    /// ("agentes del sector", "players in the sector"), the sector word itself when nothing names it — when a sector word
    /// follows with at most <see cref="MaxSectorConnectors"/> connectors and then at most <see cref="MaxSectorNameWords"/>
    /// words that name it ("players of the textile sector", "hráči textilního sektoru"), and the sector word's index;
    /// (-1, -1) when none. A connector after a name's word ends it: "agentes de acabamento do setor" are finishing agents,
    /// not people of the sector.
    /// </summary>
    private static (int Last, int Sector) SectorAfter(IReadOnlyList<Token> tokens, int i)
    {
        var connectors = 0;
        var named = 0;
        for (var j = i + 1; j < tokens.Count; j++)
        {
            var norm = tokens[j].Norm;
            if (SectorWords.Contains(norm))
            {
                return (named == 0 ? j : i + connectors, j);
            }

            if (named == 0 && SectorConnectors.Contains(norm) && ++connectors <= MaxSectorConnectors)
            {
                continue;
            }

            // "players of the textile, clothing and footwear sector": the "and" between names is none of them.
            if (named > 0 && SectorCoordinators.Contains(norm))
            {
                continue;
            }

            if (SectorConnectors.Contains(norm) || ++named > MaxSectorNameWords)
            {
                return (-1, -1);
            }
        }

        return (-1, -1);
    }

    /// <summary>
    /// The keywords without those words: a keyword that is one of them (or "decision makers") is dropped, one of several
    /// words ("only dyeing", as a model may return it) keeps its other words as typed. The keywords are read in order as
    /// one text, so that a pair a model split ("key", "players") is still a pair.
    /// </summary>
    public static IReadOnlyList<string> Clean(IReadOnlyList<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var tokenized = new List<IReadOnlyList<Token>>(keywords.Count);
        var all = new List<Token>();
        foreach (var keyword in keywords)
        {
            var tokens = string.IsNullOrWhiteSpace(keyword) ? [] : TextNormalizer.Tokenize(keyword);
            tokenized.Add(tokens);
            all.AddRange(tokens);
        }

        var none = NoSearchWords(all);
        var cleaned = new List<string>(keywords.Count);
        var start = 0;
        for (var k = 0; k < keywords.Count; k++)
        {
            var tokens = tokenized[k];
            var dropped = none.AsSpan(start, tokens.Count);
            start += tokens.Count;
            if (tokens.Count == 0)
            {
                continue;
            }

            if (!dropped.Contains(true))
            {
                cleaned.Add(keywords[k]);
                continue;
            }

            var kept = new System.Text.StringBuilder(keywords[k].Length);
            for (var i = 0; i < tokens.Count; i++)
            {
                if (dropped[i])
                {
                    continue;
                }

                // "Çorlu'daki paydaşlar" keeps "çorlu'daki", the Turkish ending after its apostrophe, which the place
                // reading then reads as the place's (it read "çorlu daki" as two words to look for).
                var apostrophe = i > 0 && !dropped[i - 1] && tokens[i].Before is "'" or "’";
                kept.Append(kept.Length == 0 ? "" : apostrophe ? tokens[i].Before : " ").Append(tokens[i].Raw);
            }

            if (kept.Length > 0)
            {
                cleaned.Add(kept.ToString());
            }
        }

        return cleaned;
    }
}
