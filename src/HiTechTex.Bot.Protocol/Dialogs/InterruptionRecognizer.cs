namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// Recognises "help", "cancel" and "start over" in English, Portuguese, Spanish, Italian, Turkish and Czech —
/// case- and accent-insensitive, the whole message only (so "cancel my order" in a text answer is not a command).
/// </summary>
public static class InterruptionRecognizer
{
    // "cancel please", "ajuda por favor", "iptal lütfen", "zrušit prosím"…
    private static readonly string[] Politeness = [" please", " pls", " por favor", " per favore", " lutfen", " prosim"];

    private static readonly Dictionary<string, InterruptionKind> Phrases = Build(
        (InterruptionKind.Help,
        [
            "help", "help me", "i need help", "what can i say", "?",
            "ajuda", "preciso de ajuda", "socorro",
            "ayuda", "necesito ayuda",
            "aiuto", "ho bisogno di aiuto",
            "yardım", "yardim", "yardım et", "imdat",
            "nápověda", "napoveda", "pomoc", "pomoct",
        ]),
        (InterruptionKind.Cancel,
        [
            "cancel", "cancel that", "cancel it", "stop", "quit", "abort", "never mind", "nevermind",
            "cancelar", "cancela", "parar", "para", "sair", "esquece",
            "cancelar todo", "déjalo", "olvídalo",
            "annulla", "annullare", "annulla tutto", "basta", "esci", "lascia perdere",
            "iptal", "iptal et", "vazgeç", "dur",
            "zrušit", "zrus", "zruš", "storno", "konec", "přestat",
        ]),
        (InterruptionKind.StartOver,
        [
            "start over", "start again", "restart", "begin again", "from the beginning", "reset",
            "recomeçar", "recomecar", "recomeça", "começar de novo", "comecar de novo", "reiniciar", "do início",
            "empezar de nuevo", "volver a empezar", "comenzar de nuevo", "empezar otra vez", "desde el principio",
            "ricomincia", "ricominciare", "ricomincia da capo", "da capo", "ricominciamo", "dall'inizio",
            "baştan başla", "bastan basla", "yeniden başla", "baştan", "yeniden başlat",
            "začít znovu", "zacit znovu", "znovu", "od začátku", "začni znovu", "restartovat",
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

        var normalized = TextNormalizer.Normalize(trimmed);
        foreach (var suffix in Politeness)
        {
            if (normalized.EndsWith(suffix, StringComparison.Ordinal) && normalized.Length > suffix.Length)
            {
                normalized = normalized[..^suffix.Length];
                break;
            }
        }

        return Phrases.GetValueOrDefault(normalized, InterruptionKind.None);
    }

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
