using System.Text.RegularExpressions;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// Recognises "help", "cancel" and "start over" in English, Portuguese, Spanish, Italian, Turkish and Czech —
/// case- and accent-insensitive, the whole message only (so "cancel my order" in a text answer is not a command),
/// with a lead-in ("let's start over", "please cancel", "vamos recomeçar", "voglio ricominciare", "chci začít znovu",
/// "lütfen baştan başla") and politeness after it ("cancel please", "start over now") allowed, and @mentions of other
/// people (<c>&lt;at&gt;Giulia&lt;/at&gt; cancel</c>) left out.
/// </summary>
public static partial class InterruptionRecognizer
{
    // Words that lead in to a command without changing it; stripped (a few times: "ok please let's start over") before
    // the whole-phrase match, so "I want to cancel my registration" is still no interruption.
    private static readonly string[] LeadIns =
    [
        "ok", "okay", "so", "then", "please", "pls", "let s", "lets", "let us", "can we", "could we", "can you", "could you",
        "i want to", "i d like to", "i would like to", "i wanna", "we want to", "just",
        "por favor", "vamos", "quero", "queria", "gostaria de", "podemos", "pode", "quiero", "quisiera", "puedes",
        "per favore", "voglio", "vorrei", "possiamo", "puoi", "dai",
        "lutfen", "hadi", "tamam",
        "chci", "chtel bych", "chtela bych", "prosim", "pojdme", "muzeme",
    ];

    // Lead-ins that are courtesy only: they go with any command, the ambiguous ones below included ("por favor, para!").
    private static readonly HashSet<string> CourtesyLeadIns =
        ["ok", "okay", "please", "pls", "just", "por favor", "per favore", "lutfen", "tamam", "prosim"];

    // "cancel please", "ajuda por favor", "iptal lütfen", "zrušit prosím"…
    private static readonly string[] Politeness =
    [
        " please", " pls", " thanks", " thank you", " now", " por favor", " obrigado", " obrigada", " agora", " gracias", " ahora",
        " per favore", " grazie", " adesso", " ora", " lutfen", " simdi", " prosim", " dekuji", " ted",
    ];

    // The courtesy among the endings above: only these go with an ambiguous command ("para, por favor").
    private static readonly HashSet<string> CourtesySuffixes =
        [" please", " pls", " thanks", " thank you", " por favor", " obrigado", " obrigada", " gracias", " per favore", " grazie", " lutfen", " prosim", " dekuji"];

    // Commands that are also another word: Portuguese and Spanish "para" is "stop!" but also "to" / "for" — "vamos para
    // Itália" (let's go to Italy), "quero ir para Espanha", "para agora" (for now) are no "stop". Alone (or with courtesy
    // only: "para, por favor") they are the command; after a lead-in that makes a sentence of them ("vamos para", "quero
    // para") or before "now" ("para agora" is "for now") they are not.
    // Czech "pomoct" is "help!" but also the infinitive "to help": "chci pomoct" is "I want to help", "můžeme pomoct"
    // "we can help".
    private static readonly HashSet<string> Ambiguous = ["para", "pomoct"];

    // Commands only as the whole message, with nothing before or after them, not even courtesy: Czech "znovu" is
    // "start over" alone but only "again" in a sentence — "chci znovu" (I want it again), "prosím znovu" (again,
    // please: say it again), "znovu prosím". The usual forms are phrases of their own ("začít znovu", "znovu začít",
    // "znovu od začátku", "od začátku"), which keep any lead-in and courtesy.
    private static readonly HashSet<string> AloneOnly = ["znovu"];

    private static readonly Dictionary<string, InterruptionKind> Phrases = Build(
        (InterruptionKind.Help,
        [
            "help", "help me", "i need help", "i need some help", "what can i say", "?",
            "ajuda", "ajuda-me", "ajude-me", "preciso de ajuda", "preciso ajuda", "socorro",
            "ayuda", "necesito ayuda", "ayúdame",
            "aiuto", "ho bisogno di aiuto", "ho bisogno d'aiuto", "mi serve aiuto", "aiutami",
            "yardım", "yardim", "yardım et", "imdat", "yardıma ihtiyacım var", "yardım lazım", "yardım istiyorum",
            "nápověda", "napoveda", "pomoc", "pomoct", "potřebuju pomoc", "potřebuji pomoc", "potřebuju pomoct", "potřebuji pomoct",
            "pomozte mi", "pomoz mi",
        ]),
        (InterruptionKind.Cancel,
        [
            "cancel", "cancel that", "cancel it", "stop", "stop it", "quit", "exit", "abort", "never mind", "nevermind",
            "cancelar", "cancela", "cancele", "cancela isso", "cancele isso", "parar", "para", "para com isso", "sair", "esquece",
            "cancelar todo", "cancela todo", "cancele todo", "cancélalo", "cancelalo", "cancélelo", "cancelelo", "déjalo", "olvídalo", "salir",
            // Italian "cancella" (cancel/delete, imperative) is as common as "annulla": alone it is the command; with an
            // object it is not ("cancella i miei dati" is the delete-data request).
            "annulla", "annullare", "annulla tutto", "annullalo", "cancella", "cancellare", "cancella tutto", "cancellalo",
            "basta", "esci", "lascia perdere",
            "iptal", "iptal et", "iptal edin", "iptal edelim", "vazgeç", "vazgeçtim", "dur", "durdur", "çıkış", "çıkış yap", "boş ver", "boşver",
            "zrušit", "zrus", "zruš", "zrušte", "zrušit to", "zruš to", "zrušte to", "storno", "konec", "přestat", "přestaň", "nech toho",
        ]),
        (InterruptionKind.StartOver,
        [
            "start over", "start again", "restart", "begin again", "from the beginning", "reset",
            "recomeçar", "recomecar", "recomeça", "começar de novo", "comecar de novo", "reiniciar", "do início",
            "empezar de nuevo", "volver a empezar", "comenzar de nuevo", "empezar otra vez", "desde el principio",
            "start from scratch", "start from the beginning",
            "ricomincia", "ricominciare", "ricomincia da capo", "ricominciare da capo", "ricominciamo da capo", "da capo", "ricominciamo", "dall'inizio",
            "empecemos de nuevo", "comecemos de novo", "começar do zero", "empezar de cero",
            "baştan başla", "bastan basla", "yeniden başla", "baştan", "yeniden başlat", "baştan başlayalım", "yeniden başlayalım",
            "začít znovu", "zacit znovu", "znovu", "od začátku", "začni znovu", "restartovat", "začněme znovu", "začít od začátku",
            "znovu od začátku", "znovu začít", "začneme znovu", "začneme od začátku",
            "to udělat od začátku", "udělat to od začátku", "udělejme to od začátku", "začněme od začátku", "začít od nuly", "začněme od nuly",
        ]));

    /// <summary>The command in <paramref name="text"/>, or <see cref="InterruptionKind.None"/>.</summary>
    public static InterruptionKind Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return InterruptionKind.None;
        }

        var trimmed = text.Trim().TrimStart('/');
        if (trimmed == "?")
        {
            return InterruptionKind.Help;
        }

        // "<at>Giulia</at> cancel": another person's @mention in a group chat is not part of the command.
        var normalized = TextNormalizer.Normalize(Mention().Replace(trimmed, " "));
        if (normalized == "?")
        {
            return InterruptionKind.Help;
        }

        // Whether only courtesy was stripped so far ("por favor para" is "stop"; "vamos para" is "let's go to").
        var courtesyOnly = true;
        for (var round = 0; round < 3; round++)
        {
            var before = normalized;
            var (withoutLeadIn, leadIn) = StripLeadIn(normalized);
            var (rest, suffix) = StripPoliteness(withoutLeadIn);
            courtesyOnly &= (leadIn is null || CourtesyLeadIns.Contains(leadIn)) && (suffix is null || CourtesySuffixes.Contains(suffix));
            normalized = rest;
            var alone = round == 0 && leadIn is null && suffix is null;
            if (Phrases.TryGetValue(normalized, out var kind) && (courtesyOnly || !Ambiguous.Contains(normalized))
                && (alone || !AloneOnly.Contains(normalized)))
            {
                return kind;
            }

            if (IsCancelVariant(normalized))
            {
                return InterruptionKind.Cancel;   // "cancle", "forget it", "no quiero seguir" (InterruptionRecognizer.CancelVariants.cs)
            }

            if (normalized == before)
            {
                break;
            }
        }

        return InterruptionKind.None;
    }

    private static (string Remainder, string? LeadIn) StripLeadIn(string normalized)
    {
        foreach (var leadIn in LeadIns)
        {
            if (normalized.Length > leadIn.Length + 1 && normalized[leadIn.Length] == ' ' && normalized.StartsWith(leadIn, StringComparison.Ordinal))
            {
                return (normalized[(leadIn.Length + 1)..], leadIn);
            }
        }

        return (normalized, null);
    }

    private static (string Remainder, string? Suffix) StripPoliteness(string normalized)
    {
        foreach (var suffix in Politeness)
        {
            if (normalized.EndsWith(suffix, StringComparison.Ordinal) && normalized.Length > suffix.Length)
            {
                return (normalized[..^suffix.Length], suffix);
            }
        }

        return (normalized, null);
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Mention();

    private static Dictionary<string, InterruptionKind> Build(params (InterruptionKind Kind, string[] Phrases)[] groups)
    {
        var result = new Dictionary<string, InterruptionKind>(StringComparer.Ordinal);
        foreach (var (kind, phrases) in groups)
        {
            foreach (var phrase in phrases)
            {
                result[TextNormalizer.Normalize(phrase)] = kind;
            }
        }

        result.Remove("");
        return result;
    }
}
