using System.Text;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// "delete my data" asked in ordinary words, six languages: the usual verb forms (infinitive, imperative, polite
/// imperative, "can you …?") with the usual objects ("my data", "my profile", "all my personal data"), and courtesy
/// around them ("please", "can you", "I'd like to", "por favor", "lütfen", "prosím"…) — "delete my data please", "can
/// you delete my data?", "borra mis datos", "apague os meus dados", "verilerimi silin", "smažte moje data". The whole
/// message only, once the courtesy is set aside: "do you delete my data after the exchange?" or "how long do you keep my
/// data" are no request. Case, accents and punctuation do not matter.
/// </summary>
internal static class DeleteDataRequest
{
    // Courtesy and request lead-ins, stripped from the start (a few times: "hi, could you please delete my data").
    private static readonly string[] LeadIns = Folded(
    [
        "please", "pls", "plz", "kindly", "hi", "hello", "hey", "ok", "okay",
        "can you", "could you", "would you", "will you", "can u", "could u",
        "i want to", "i wanna", "i would like to", "i d like to", "id like to", "i wish to", "i need to",
        "i want you to", "i would like you to", "i d like you to", "i need you to", "i ask you to",
        "por favor", "ola", "oi", "pode", "podes", "podia", "poderia", "podem", "podiam", "quero", "queria", "gostaria de", "preciso de",
        "hola", "puedes", "puede", "podrias", "podria", "pueden", "podrian", "quiero", "quisiera", "me gustaria", "necesito",
        "per favore", "per piacere", "ciao", "puoi", "potresti", "puo", "potrebbe", "potete", "potreste", "voglio", "vorrei", "devo",
        "lutfen", "merhaba",
        "prosim", "ahoj", "dobry den", "muzete", "muzes", "mohl byste", "mohla byste", "mohli byste", "mohl bys", "mohla bys",
        "chci", "chtel bych", "chtela bych", "potrebuji", "potrebuju",
    ]);

    // Courtesy after the request, stripped from the end ("delete my data, please, thanks").
    private static readonly string[] Endings = Folded(
    [
        "please", "pls", "plz", "now", "right now", "thanks", "thank you", "asap",
        "por favor", "obrigado", "obrigada", "agora", "ja", "gracias", "ahora", "ya",
        "per favore", "per piacere", "grazie", "adesso", "ora", "subito",
        "lutfen", "simdi", "tesekkurler", "tesekkur ederim", "sagolun",
        "prosim", "dekuji", "diky", "ted", "hned",
    ]);

    // Verb forms, each language's with its objects: the request is the verb and an object, in either order (Turkish
    // puts the verb last; Czech allows it: "moje data smažte").
    private static readonly (string[] Verbs, string[] Objects)[] Requests =
    [
        (Folded(["delete", "erase", "remove", "wipe", "clear", "purge", "destroy"]),
            Objects(["my", "all my", "all of my"], ["data", "personal data", "user data", "stored data", "profile", "information", "personal information", "info", "details", "personal details", "account"])),
        (Folded(["apagar", "apaga", "apague", "apaguem", "eliminar", "elimina", "elimine", "eliminem", "remover", "remove", "remova", "removam",
                 "excluir", "exclui", "exclua", "excluam", "deletar", "deleta", "delete", "limpar", "limpa", "limpe"]),
            Objects(["os meus", "meus", "todos os meus", "todos os"], ["dados", "dados pessoais"])
                .Concat(Objects(["o meu", "meu"], ["perfil", "registo", "cadastro"]))
                .Concat(Objects(["as minhas", "minhas", "todas as minhas"], ["informacoes"])).ToArray()),
        (Folded(["borrar", "borra", "borre", "borren", "borrad", "eliminar", "elimina", "elimine", "eliminen", "eliminad",
                 "suprimir", "suprime", "suprima", "supriman", "remover", "remueve", "remueva", "quitar", "quita", "quite"]),
            Objects(["mis", "todos mis"], ["datos", "datos personales"])
                .Concat(Objects(["mi", "toda mi"], ["perfil", "informacion", "cuenta"])).ToArray()),
        (Folded(["cancellare", "cancella", "cancelli", "cancellate", "eliminare", "elimina", "elimini", "eliminate",
                 "rimuovere", "rimuovi", "rimuova", "rimuovete", "togliere", "togli", "tolga"]),
            Objects(["i miei", "miei", "tutti i miei"], ["dati", "dati personali"])
                .Concat(Objects(["il mio", "mio"], ["profilo", "account"]))
                .Concat(Objects(["le mie", "tutte le mie"], ["informazioni"])).ToArray()),
        (Folded(["sil", "silin", "siliniz", "silsene", "siler misin", "siler misiniz", "silebilir misin", "silebilir misiniz", "silmek istiyorum",
                 "silmenizi istiyorum", "silinsin", "silinmesini istiyorum", "kaldir", "kaldirin", "kaldirir misin", "kaldirir misiniz",
                 "temizle", "temizleyin"]),
            Objects(["", "tum", "butun", "kisisel", "tum kisisel", "butun kisisel"], ["verilerimi", "bilgilerimi"])
                .Concat(Folded(["profilimi", "hesabimi"])).ToArray()),
        (Folded(["smazat", "smaz", "smazte", "smazes", "smazete", "vymazat", "vymaz", "vymazte", "vymazes", "vymazete",
                 "odstranit", "odstran", "odstrante", "odstranis", "odstranite"]),
            Objects(["moje", "ma", "me", "mi", "mi moje", "svoje", "sva", "sve", "vsechna moje", "vsechny moje", "vsechny me", "vsechna sva", "vsechny sve"], ["data", "udaje", "osobni udaje", "osobni data", "informace"])
                .Concat(Objects(["muj", "mi muj", "svuj"], ["profil", "ucet"])).ToArray()),
    ];

    private static readonly HashSet<string> Phrases = BuildPhrases();

    /// <summary>Whether the whole of <paramref name="typed"/> asks for the user's data to be deleted.</summary>
    public static bool IsRequest(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 200)
        {
            return false;
        }

        var text = Normalize(typed);
        for (var round = 0; round < 4 && text.Length > 0; round++)
        {
            if (Phrases.Contains(text))
            {
                return true;
            }

            var before = text;
            text = StripEnding(StripLeadIn(text));
            if (text == before)
            {
                break;
            }
        }

        return Phrases.Contains(text);
    }

    private static HashSet<string> BuildPhrases()
    {
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (verbs, objects) in Requests)
        {
            foreach (var verb in verbs)
            {
                foreach (var obj in objects)
                {
                    phrases.Add(verb + " " + obj);
                    phrases.Add(obj + " " + verb);
                }
            }
        }

        // The commands of every language as they are ("forget me", "olvídame", "zapomeň na mě"…).
        foreach (var command in ConversationTexts.All.SelectMany(t => t.DeleteDataCommands))
        {
            phrases.Add(Normalize(command));
        }

        return phrases;
    }

    private static string StripLeadIn(string text)
    {
        foreach (var leadIn in LeadIns)
        {
            if (text.Length > leadIn.Length + 1 && text.StartsWith(leadIn + " ", StringComparison.Ordinal))
            {
                return text[(leadIn.Length + 1)..];
            }
        }

        return text;
    }

    private static string StripEnding(string text)
    {
        foreach (var ending in Endings)
        {
            if (text.Length > ending.Length + 1 && text.EndsWith(" " + ending, StringComparison.Ordinal))
            {
                return text[..^(ending.Length + 1)];
            }
        }

        return text;
    }

    private static string[] Objects(string[] possessives, string[] nouns) =>
        [.. possessives.SelectMany(p => nouns.Select(n => Normalize(p.Length == 0 ? n : p + " " + n)))];

    // Longest first, so that "could you please" loses "could you" before "please" is looked at, and "right now" before "now".
    private static string[] Folded(string[] words) =>
        [.. words.Select(Normalize).Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length)];

    /// <summary>Folded (<see cref="TypedCommand.Fold"/>), every run of other characters than letters and digits one space.</summary>
    internal static string Normalize(string text)
    {
        var folded = TypedCommand.Fold(text);
        var builder = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                space = false;
                builder.Append(c);
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}
