namespace HiTechTex.Bot.Language;

/// <summary>
/// Words that narrow a partner search without being anything to look for: the restrictors "only", "just", "só",
/// "apenas", "solo", "soltanto", "sadece", "yalnızca", "pouze", "jenom"… and the generic nouns for organisations they go
/// with ("companies", "empresas", "aziende", "firmalar", "firmy", and the companies named by what they do: "manufacturers",
/// "providers", "fornecedores", "proveedores", "produttori", "üreticisi", "satıcılar", "výrobci"…). "only companies in Portugal" is a search in Portugal
/// (of any kind), not for the words "only" or "empresas" in the descriptions, which found nothing. Both recognizers'
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
    // companies that make "decision" — the first word was a keyword no description holds. The pair is no search word.
    private static readonly HashSet<(string First, string Second)> PeopleCompounds =
    [
        ("decision", "maker"), ("decision", "makers"), ("policy", "maker"), ("policy", "makers"),
    ];

    /// <summary>A restrictor ("only", "só", "sadece", "pouze"…), normalized.</summary>
    public static bool IsRestrictor(string norm) => Restrictors.Contains(norm);

    /// <summary>A generic noun for organisations ("companies", "empresas", "firmy", "manufacturers", "fornitori"…), normalized.</summary>
    public static bool IsOrganisationNoun(string norm) => OrganisationNouns.Contains(norm);

    /// <summary>Either: a word no search looks for.</summary>
    public static bool IsNoSearchWord(string norm) => IsRestrictor(norm) || IsOrganisationNoun(norm);

    /// <summary>
    /// Per word of <paramref name="tokens"/>, whether no search looks for it: a restrictor, a noun for organisations, or
    /// either word of a compound for people ("decision makers", "policy makers").
    /// </summary>
    public static bool[] NoSearchWords(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var none = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            none[i] |= IsNoSearchWord(tokens[i].Norm);
            if (i + 1 < tokens.Count && PeopleCompounds.Contains((tokens[i].Norm, tokens[i + 1].Norm)))
            {
                none[i] = none[i + 1] = true;
            }
        }

        return none;
    }

    /// <summary>
    /// The keywords without those words: a keyword that is one of them (or "decision makers") is dropped, one of several
    /// words ("only dyeing", as a model may return it) keeps its other words as typed.
    /// </summary>
    public static IReadOnlyList<string> Clean(IReadOnlyList<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var cleaned = new List<string>(keywords.Count);
        foreach (var keyword in keywords)
        {
            if (string.IsNullOrWhiteSpace(keyword))
            {
                continue;
            }

            var tokens = TextNormalizer.Tokenize(keyword);
            var none = NoSearchWords(tokens);
            if (!none.Contains(true))
            {
                cleaned.Add(keyword);
                continue;
            }

            var kept = string.Join(' ', tokens.Where((_, i) => !none[i]).Select(t => t.Raw));
            if (kept.Length > 0)
            {
                cleaned.Add(kept);
            }
        }

        return cleaned;
    }
}
