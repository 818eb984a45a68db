using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// A question about what the bot keeps or deletes, six languages: "what data do you keep?", "do you delete my data after
/// the exchange?", "o que guardam sobre mim?", "¿borran mis datos?", "cosa conservate dei miei dati?", "verilerimi
/// siliyor musunuz?", "jaké údaje uchováváte?" — a question (a question mark or a question's opening words) about
/// one's data (or privacy) with a verb of keeping or deleting, or privacy named alone ("privacy", "GDPR"). Answered with
/// <see cref="ConversationTexts.PrivacyAnswer"/>, not a journey. The request itself ("delete my data",
/// <see cref="DeleteDataRequest"/>) is no question: the caller checks it first.
/// </summary>
internal static class PrivacyQuestion
{
    // Privacy by name: alone it is the question; in a question it needs no verb ("what is your privacy policy?").
    private static readonly HashSet<string> PrivacyWords =
        ["privacy", "gdpr", "rgpd", "privacidade", "privacidad", "gizlilik", "kvkk", "soukromi", "privacy policy", "data protection"];

    // One's data. "data" alone is also Portuguese and Italian for "date" ("qual é a data do intercâmbio?"): only with
    // an English or Czech word next to it ("my data", "what data", "moje data").
    private static readonly string[] DataPhrases =
    [
        "my data", "your data", "personal data", "user data", "what data", "which data", "the data", "any data", "data do you",
        "data you", "my personal", "my information", "my details", "my profile", "about me", "information about me",
        "dados", "sobre mim", "minhas informacoes", "as minhas informacoes", "o meu perfil",
        "datos", "mi perfil", "mis datos",
        "dati", "su di me", "di me", "il mio profilo",
        "veri", "veriler", "verileri", "verilerim", "verilerimi", "verilerimiz", "verilerimle", "verilerimizi", "verilerimizle", "bilgilerimle", "bilgilerim", "bilgilerimi", "hakkimda", "profilimi",
        "udaje", "udaju", "udaji", "mymi daty", "moje daty", "moje data", "ma data", "me udaje", "moje udaje", "jaka data", "o mne", "muj profil",
    ];

    // Keeping, storing, deleting, knowing about one: stems, a token starting with one counts.
    private static readonly string[] VerbStems =
    [
        "keep", "kept", "stor", "save", "retain", "delet", "eras", "remov", "hold", "collect", "know", "happen",
        "guard", "armazen", "apag", "elimin", "conserv", "sabe", "recolh", "acontec",
        "borr", "almacen", "recog", "pasa",
        "cancell", "memorizz", "salv", "tenete", "sapete", "raccogl", "succed",
        "sakl", "sil", "tutuy", "biliyor", "topl",
        "uchov", "uklad", "uloz", "maz", "smaz", "drzi", "vite", "sbira",
    ];

    // Using, doing something with: whole words or phrases ("use" as a stem would be "user").
    private static readonly string[] UsePhrases =
    [
        "use", "used", "uses", "using", "do with", "doing with", "share", "shared", "sell", "process", "processed",
        "fazem com", "fazer com", "faz com", "usam", "usar", "utilizam", "partilham", "compartilham", "tratam",
        "hacen con", "haceis con", "hacer con", "hace con", "usan", "utilizan", "comparten", "tratan",
        "fate con", "fare con", "fa con", "usate", "utilizzate", "condividete", "trattate",
        "ne yapiyorsunuz", "ne yapiyor", "ne yapilir", "kullaniyor musunuz", "kullaniyorsunuz", "kullanir misiniz", "paylasiyor musunuz",
        "delate s", "dela s", "delat s", "pouzivate", "sdilite", "zpracovavate",
    ];

    // Who the data is about or who keeps it, for a question typed while another question waits: the user ("my data",
    // "sobre mim", "verilerimi") or the bot ("do you", "guardam", "conservate", "uchováváte" — a verb said to "you").
    private static readonly HashSet<string> PersonalWords =
    [
        "my", "me", "mine", "you", "your",
        "meus", "minhas", "meu", "minha", "mim", "voces", "voce",
        "mis", "mi", "ustedes", "vosotros",
        "miei", "mie", "mio", "voi",
        "verilerim", "verilerimi", "verilerimiz", "verilerimle", "verilerimizi", "verilerimizle", "bilgilerimle", "bilgilerim", "bilgilerimi", "hakkimda", "musunuz", "misiniz", "siz",
        "moje", "mne", "mych", "mymi", "vy", "vas",
    ];

    // A verb said to "you" (plural or polite) in PT/ES/IT/CS: "guardam", "borran", "borráis", "conservate", "mažete".
    private static readonly string[] YouEndings = ["am", "em", "an", "en", "ais", "eis", "ate", "ete", "ite"];

    // A question's opening words, when the message has no question mark.
    private static readonly string[] Openers =
    [
        "do you", "does", "did you", "what", "which", "how", "where", "who", "will you", "are you", "is my", "is there", "can you tell",
        "o que", "que", "quais", "qual", "como", "onde", "quanto tempo", "voces", "por quanto tempo",
        "cuales", "cual", "donde", "cuanto tiempo", "por cuanto tiempo",
        "cosa", "che", "quali", "quale", "come", "per quanto tempo", "quanto",
        "ne", "neler", "hangi", "nasil", "ne kadar",
        "co", "jaka", "jake", "jak", "kde", "jak dlouho", "jaky",
    ];

    // Turkish asks with a particle after the verb ("siliyor musunuz?").
    private static readonly string[] TurkishParticles = ["mi", "mu", "misiniz", "musunuz", "misin", "musun", "mudur", "midir"];

    // ...and its question words in the middle: "verilerimle ne yapıyorsunuz" (no question mark typed).
    private static readonly string[] TurkishQuestionWords = ["ne", "neler", "nasil", "hangi", "hangileri", "nerede", "neden", "nicin"];

    /// <summary>Whether <paramref name="typed"/> asks what the bot keeps or deletes.</summary>
    public static bool IsQuestion(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 300)
        {
            return false;
        }

        var words = Words(typed);
        if (words.Length == 0)
        {
            return false;
        }

        var text = string.Join(' ', words);
        var padded = " " + text + " ";
        var privacy = PaddedPrivacyWords.Any(p => padded.Contains(p, StringComparison.Ordinal));
        if (PrivacyWords.Contains(text))
        {
            return true;
        }

        var question = typed.Contains('?', StringComparison.Ordinal) || typed.Contains('¿', StringComparison.Ordinal)
            || Openers.Any(o => text == o || (text.Length > o.Length && text[o.Length] == ' ' && text.StartsWith(o, StringComparison.Ordinal)))
            || words.Any(w => TurkishParticles.Contains(w) || TurkishQuestionWords.Contains(w));
        if (!question)
        {
            return false;
        }

        // Spanish "sobre mí" only at the end: "sobre mi solicitud" is "about my application".
        var aboutData = PaddedDataPhrases.Any(p => padded.Contains(p, StringComparison.Ordinal)) || text.EndsWith(" sobre mi", StringComparison.Ordinal);
        var verb = words.Any(w => VerbStems.Any(stem => w.StartsWith(stem, StringComparison.Ordinal)))
            || PaddedUsePhrases.Any(p => padded.Contains(p, StringComparison.Ordinal));
        return privacy || (aboutData && verb);
    }

    /// <summary>
    /// Whether <paramref name="typed"/>, sent while another question waits (a name, an organisation, a date, the
    /// objectives), asks the bot what it does with one's data — <see cref="IsQuestion"/> said to the bot or about the
    /// user ("what do you do with my data?", "o que fazem com os meus dados?", "jaké údaje uchováváte?"), so that an
    /// answer about data in general ("how to store personal data in labs?" as the objectives) stays the answer.
    /// </summary>
    public static bool IsAskedOfBot(string? typed)
    {
        if (!IsQuestion(typed))
        {
            return false;
        }

        var words = Words(typed!);
        var text = string.Join(' ', words);
        return PrivacyWords.Any(p => Has(text, p))
            || words.Any(PersonalWords.Contains)
            || words.Any(w => VerbStems.Any(stem => w.Length > stem.Length + 1 && w.StartsWith(stem, StringComparison.Ordinal))
                && YouEndings.Any(e => w.EndsWith(e, StringComparison.Ordinal)));
    }

    // The phrases between spaces, to find whole words in the message's words between spaces (" my data " in " do you keep my data ").
    private static readonly string[] PaddedPrivacyWords = [.. PrivacyWords.Select(p => " " + p + " ")];
    private static readonly string[] PaddedDataPhrases = [.. DataPhrases.Select(p => " " + p + " ")];
    private static readonly string[] PaddedUsePhrases = [.. UsePhrases.Select(p => " " + p + " ")];

    private static bool Has(string text, string phrase) => (" " + text + " ").Contains(" " + phrase + " ", StringComparison.Ordinal);

    private static string[] Words(string typed)
    {
        var folded = TextNormalizer.Normalize(typed);
        var spaced = new string([.. folded.Select(c => char.IsLetterOrDigit(c) ? c : ' ')]);
        return spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
